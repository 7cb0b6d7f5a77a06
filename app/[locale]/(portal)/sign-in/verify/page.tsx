import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SignInCodeForm } from '@/components/auth/sign-in-code-form';
import { SignInResendForm } from '@/components/auth/sign-in-resend-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { safeReturnPath } from '@/lib/auth/return-path';
import { pendingSignInToken } from '@/lib/auth/pending-sign-in';
import { checkSession } from '@/lib/auth/sessions';
import { maskEmail, phoneEnding } from '@/lib/auth/sign-in-display';
import { secondStepChannel } from '@/lib/auth/sign-in-flow';
import type { SecondStepMethod } from '@/lib/auth/sign-in-schemas';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-in/verify'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signIn' });
  return { title: (await searchParams).method === 'backup' ? t('verify.backupTitle') : t('verify.title') };
}

/**
 * Step two of signing in, for the person holding the pending-sign-in cookie from step one: their
 * method's code, or a backup code (`?method=backup`). Without a pending sign-in there is nothing to
 * verify, so it sends them back to step one and says why.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const returnToPath = safeReturnPath(first(query.returnTo));
  const returnTo = returnToPath === '/' ? null : returnToPath;
  const withReturnTo = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(extra);
    if (returnTo) params.set('returnTo', returnTo);
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };

  const pending = await checkSession(getDb(), systemClock, await pendingSignInToken(), { touch: false });
  if (pending.status !== 'pending') return redirect({ href: withReturnTo('/sign-in', { reason: 'restart' }), locale });
  const user = pending.user;
  if (!user.emailVerifiedAt) return redirect({ href: withReturnTo('/sign-up/confirm'), locale });

  const t = await getTranslations({ locale, namespace: 'signIn' });
  const backup = first(query.method) === 'backup';
  // A text can fall back to email (texting not offered, or the text limits reached): the sign-in says which.
  const channel = user.secondFactor === 'totp' ? 'totp' : first(query.sentBy) === 'email' ? 'email' : secondStepChannel(user);
  const method: SecondStepMethod = backup ? 'backup' : channel;
  const lead =
    channel === 'totp'
      ? t('verify.lead.totp')
      : channel === 'sms'
        ? t('verify.lead.sms', { ending: phoneEnding(user.phone) ?? '' })
        : // A text-message second step whose code was emailed instead (send-codes.ts).
          t(user.secondFactor === 'sms' && user.phone ? 'verify.lead.emailInsteadOfText' : 'verify.lead.email', { email: maskEmail(user.email) });

  return (
    <>
      <PageHeading lead={backup ? t('verify.backupLead') : lead}>{backup ? t('verify.backupTitle') : t('verify.title')}</PageHeading>
      <ClientMessages namespaces={['signIn']}>
        <SignInCodeForm method={method} returnTo={returnTo} />
        {!backup && channel !== 'totp' ? (
          <section aria-labelledby="resend-title" className="mt-12 max-w-[40rem]">
            <h2 id="resend-title" className="text-[1.3125rem]">
              {t('resend.title')}
            </h2>
            <p>{t(`resend.body.${channel}`)}</p>
            <p>{t('resend.limit')}</p>
            <SignInResendForm returnTo={returnTo} />
          </section>
        ) : null}
      </ClientMessages>
      <h2 className="mt-12 text-[1.3125rem]">{t('verify.otherWays')}</h2>
      <ul className="list-bullets">
        <li>
          {backup ? (
            <Link href={withReturnTo('/sign-in/verify')}>{t('verify.useCode')}</Link>
          ) : (
            <Link href={withReturnTo('/sign-in/verify', { method: 'backup' })}>{t('verify.useBackup')}</Link>
          )}
        </li>
        <li>
          <Link href="/sign-in">{t('verify.differentAccount')}</Link>
        </li>
      </ul>
      <p className="mt-8 max-w-[40rem] text-base-dark">{t('verify.why')}</p>
    </>
  );
}
