import { ClientMessages } from '@/components/layout/client-messages';
import { currentSession } from '@/lib/auth/current-user';
import { sessionTimeLeft } from '@/lib/auth/session-timing';
import { systemClock } from '@/lib/clock';
import { SessionIdleWarning } from './session-idle-warning';

/**
 * The idle warning for signed-in people, told how long their session has left as of this request.
 * It shows nothing and decides nothing about access: pages check that themselves.
 */
export async function SessionTimeout() {
  const session = await currentSession();
  if (!session) return null;
  return (
    <ClientMessages namespaces={['session']}>
      <SessionIdleWarning initial={sessionTimeLeft(session, systemClock.now())} />
    </ClientMessages>
  );
}
