import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { displayName } from '@/lib/auth/account-summary';
import { signOutAction } from '@/lib/auth/actions/sign-out';
import { requireUser } from '@/lib/auth/current-user';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-out'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'session.signOutPage' });
  return { title: t('title') };
}

/**
 * An address to sign out from (a bookmark, a link in help text). Signing out changes state, so a visit
 * only asks; the button posts to the same action as the header's.
 */
export default async function SignOutPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const session = await requireUser();
  const t = await getTranslations({ locale, namespace: 'session.signOutPage' });
  return (
    <>
      <PageHeading lead={t('lead', { name: displayName(session.user) })}>{t('title')}</PageHeading>
      <form action={signOutAction}>
        <Button>{t('button')}</Button>
      </form>
    </>
  );
}
