import { SignInLink } from '@/components/layout/account-nav';
import { PageNotFound } from '@/components/layout/page-not-found';
import { MainContent, SiteHeader } from '@/components/layout/site-header';

/** A 404 outside the portal's pages (an unknown language segment): the shell of the public pages. */
export default function NotFoundPage() {
  return (
    <>
      <SiteHeader account={<SignInLink />} />
      <MainContent>
        <PageNotFound />
      </MainContent>
    </>
  );
}
