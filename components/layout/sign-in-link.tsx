import { Link } from '@/lib/i18n/link';
import { useTranslations } from '@/lib/i18n/server';

/**
 * The account area for someone not signed in, and on pages rendered once for everyone (they cannot
 * know who is looking). A module of its own: those pages must not import the session code, whose
 * imports would add client code to them.
 */
export function SignInLink() {
  const t = useTranslations('session.account');
  return <Link href="/sign-in">{t('signIn')}</Link>;
}
