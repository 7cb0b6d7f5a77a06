import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SignInCodeForm } from '@/components/auth/sign-in-code-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { verifyResetCodeAction } from '@/lib/auth/actions/password-reset';
import { checkPasswordResetLink } from '@/lib/auth/password-reset';
import { readPasswordResetCookie } from '@/lib/auth/password-reset-cookie';
import { maskEmail, phoneEnding } from '@/lib/auth/sign-in-display';
import { secondStepChannel } from '@/lib/auth/sign-in-flow';
import type { SecondStepMethod } from '@/lib/auth/sign-in-schemas';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/password-reset/verify'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'passwordReset.verify' });
  return { title: t('title') };
}

/**
 * The second step of a password reset, for the browser that pressed "Continue" on the link: the
 * account's own code, or a backup code (`?method=backup`) when that step is lost. The same form as
 * at sign-in. Without a reset in progress it sends the person to ask for a new link.
 */
export default async function PasswordResetVerifyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const reset = await readPasswordResetCookie();
  const link = await checkPasswordResetLink(getDb(), systemClock, reset?.token);
  if (link.status !== 'valid') return redirect({ href: '/password-reset?reason=restart', locale });
  if (reset?.proof) return redirect({ href: '/password-reset/new-password', locale });
  const { user } = link;

  const [t, s] = await Promise.all([getTranslations({ locale, namespace: 'passwordReset.verify' }), getTranslations({ locale, namespace: 'signIn' })]);
  const backup = (await searchParams).method === 'backup';
  const channel = user.secondFactor === 'totp' ? 'totp' : secondStepChannel(user);
  const method: SecondStepMethod = backup ? 'backup' : channel;
  const lead = backup
    ? s('verify.backupLead')
    : channel === 'totp'
      ? s('verify.lead.totp')
      : channel === 'sms'
        ? s('verify.lead.sms', { ending: phoneEnding(user.phone) ?? '' })
        : s('verify.lead.email', { email: maskEmail(user.email) });

  return (
    <>
      <PageHeading lead={lead}>{t('title')}</PageHeading>
      <ClientMessages namespaces={['signIn']}>
        <SignInCodeForm method={method} returnTo={null} action={verifyResetCodeAction} />
      </ClientMessages>
      <h2 className="mt-12 text-[1.3125rem]">{t('otherWays')}</h2>
      <ul className="list-bullets">
        <li>
          {backup ? <Link href="/password-reset/verify">{s('verify.useCode')}</Link> : <Link href="/password-reset/verify?method=backup">{s('verify.useBackup')}</Link>}
        </li>
        <li>
          <Link href="/password-reset">{t('newLink')}</Link>
        </li>
      </ul>
    </>
  );
}
