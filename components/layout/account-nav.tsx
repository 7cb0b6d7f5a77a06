import { getTranslations } from '@/lib/i18n/server';
import { Button } from '@/components/ui/button';
import { displayName } from '@/lib/auth/account-summary';
import { signOutAction } from '@/lib/auth/actions/sign-out';
import { currentSession } from '@/lib/auth/current-user';
import { landingPath } from '@/lib/auth/policy';
import { Link } from '@/lib/i18n/link';
import { SignInLink } from './sign-in-link';

/**
 * The header's account area: who is signed in, their pages and a sign-out button (a form posting to
 * a server action, so it works without JavaScript), or a sign-in link. It only shows links; every
 * page decides access for itself.
 */
export async function AccountNav() {
  const [session, t] = await Promise.all([currentSession(), getTranslations('session.account')]);
  if (!session) return <SignInLink />;
  return (
    <nav aria-label={t('label')}>
      <span>{t('signedInAs', { name: displayName(session.user) })}</span>
      <Link href={landingPath(session.user.role)}>{t('yourAccount')}</Link>
      <Link href="/settings">{t('settings')}</Link>
      <form action={signOutAction}>
        <Button variant="secondary">{t('signOut')}</Button>
      </form>
    </nav>
  );
}
