import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SessionsTable } from '@/components/settings/sessions-table';
import { SettingsNav } from '@/components/settings/settings-nav';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { securityOverview } from '@/lib/auth/account-settings';
import { signOutEverywhereAction, signOutOthersAction } from '@/lib/auth/actions/settings';
import { requireArea } from '@/lib/auth/current-user';
import { BACKUP_CODE_COUNT } from '@/lib/auth/backup-codes';
import { phoneEnding } from '@/lib/auth/sign-in-display';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings/security'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.security' });
  return { title: t('title') };
}

const doneNotices = ['password', 'second_factor', 'signed_out_others'] as const;

/** Password, second step, backup codes and where the account is signed in. */
export default async function SecurityPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user, sessionId } = await requireArea('account');
  const query = await searchParams;
  const done = doneNotices.find((notice) => notice === query.done);
  const [t, format, overview] = await Promise.all([
    getTranslations({ locale, namespace: 'settings.security' }),
    getFormatter({ locale }),
    securityOverview(getDb(), systemClock, user, sessionId),
  ]);
  const method = overview.secondFactor ?? 'none';
  const others = overview.sessions.filter((s) => !s.current).length;

  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <SettingsNav current="security" representative={user.role === 'representative'} />
      {done ? (
        <Alert type="success" heading={t(`done.${done}.title`)}>
          {t(`done.${done}.body`)}
        </Alert>
      ) : null}

      <section aria-labelledby="password-title" className="mt-10 max-w-[40rem]">
        <h2 id="password-title">{t('password.title')}</h2>
        <p>{t('password.body')}</p>
        <ButtonLink href="/settings/security/password" variant="secondary">
          {t('password.link')}
        </ButtonLink>
      </section>

      <section aria-labelledby="second-factor-title" className="mt-12 max-w-[40rem]">
        <h2 id="second-factor-title">{t('secondFactor.title')}</h2>
        <p>{t(`secondFactor.current.${method}`, { email: user.email, ending: phoneEnding(user.phone) ?? '' })}</p>
        <ButtonLink href="/settings/security/second-factor" variant="secondary">
          {t('secondFactor.link')}
        </ButtonLink>
      </section>

      <section aria-labelledby="backup-codes-title" className="mt-12 max-w-[40rem]">
        <h2 id="backup-codes-title">{t('backupCodes.title')}</h2>
        <p>{t('backupCodes.body')}</p>
        <p className="font-bold">{t('backupCodes.left', { count: overview.backupCodesLeft, total: BACKUP_CODE_COUNT })}</p>
        {overview.backupCodesLeft <= 3 ? (
          <Alert type="warning">
            {t('backupCodes.low')}
          </Alert>
        ) : null}
        <ButtonLink href="/settings/security/backup-codes" variant="secondary">
          {t('backupCodes.link')}
        </ButtonLink>
      </section>

      <section aria-labelledby="sessions-title" className="mt-12">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        <p className="max-w-[40rem]">{t('sessions.lead')}</p>
        <SessionsTable
          sessions={overview.sessions}
          caption={t('sessions.caption')}
          labels={{
            device: t('sessions.device'),
            started: t('sessions.started'),
            lastActive: t('sessions.lastActive'),
            thisDevice: t('sessions.thisDevice'),
          }}
          describe={(device) =>
            device.browser && device.os
              ? t('sessions.deviceDescription', { browser: device.browser, os: device.os })
              : (device.browser ?? device.os ?? t('sessions.unknownDevice'))
          }
          when={(date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'}
        />
        {others === 0 ? <p className="max-w-[40rem]">{t('sessions.onlyThis')}</p> : null}
        <div className="mt-6 flex max-w-[40rem] flex-col gap-6">
          {others > 0 ? (
            <form action={signOutOthersAction}>
              <p className="mt-0">{t('sessions.signOutOthersHint', { count: others })}</p>
              <Button variant="secondary">{t('sessions.signOutOthers')}</Button>
            </form>
          ) : null}
          <form action={signOutEverywhereAction}>
            <p className="mt-0">{t('sessions.signOutAllHint')}</p>
            <Button variant="danger">{t('sessions.signOutAll')}</Button>
          </form>
        </div>
      </section>
    </>
  );
}
