import type { ReactNode } from 'react';
import { AccountNav } from '@/components/layout/account-nav';
import { MainContent, SiteHeader } from '@/components/layout/site-header';
import { SessionTimeout } from '@/components/auth/session-timeout';

/**
 * The pages that depend on who is asking, rendered per request: the header names the signed-in
 * person and the idle warning counts down their session. Access is still decided by each page and
 * action, never here (server actions skip layouts).
 */
export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader account={<AccountNav />} />
      <SessionTimeout />
      <MainContent>{children}</MainContent>
    </>
  );
}
