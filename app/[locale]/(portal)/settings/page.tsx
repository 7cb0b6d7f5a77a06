import type { Metadata } from 'next';
import { textingOffered } from '@/lib/notifications/config';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { AccountSettingsForm } from '@/components/settings/account-settings-form';
import { RepresentativeProfileSummary } from '@/components/settings/representative-profile';
import { SettingsNav } from '@/components/settings/settings-nav';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { representativeProfileOf } from '@/lib/auth/account-settings';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { requireArea } from '@/lib/auth/current-user';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.account' });
  return { title: t('title') };
}

/** Name, phone, language and notifications, for every signed-in role; a representative's profile, read-only. */
export default async function SettingsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('account');
  const saved = (await searchParams).saved === '1';
  const t = await getTranslations({ locale, namespace: 'settings' });
  const profile = user.role === 'representative' ? await representativeProfileOf(getDb(), user.id) : null;

  return (
    <>
      <PageHeading lead={t('account.lead')}>{t('account.title')}</PageHeading>
      <SettingsNav current="account" representative={user.role === 'representative'} />
      {saved ? <Alert type="success" heading={t('account.savedTitle')}>{t('account.saved')}</Alert> : null}

      <h2 className="mt-10">{t('account.detailsTitle')}</h2>
      <dl className="mb-6">
        <dt className="font-bold">{t('account.email.label')}</dt>
        <dd className="m-0 break-words">{user.email}</dd>
        <dd className="m-0 mt-1 text-base-dark">{t('account.email.body')}</dd>
      </dl>
      <ClientMessages namespaces={['settings']}>
        <AccountSettingsForm
          email={user.email}
          phoneIsSecondFactor={user.secondFactor === 'sms' && Boolean(user.phone)}
          texting={textingOffered()}
          saved={{
            givenName: user.givenName,
            familyName: user.familyName,
            phone: user.phone ? formatPhoneNumber(user.phone) : '',
            preferredLanguage: user.preferredLanguage,
            // Without texting, notices go by email (case-contacts.ts): the form shows what happens.
            notificationChannel: textingOffered() ? user.notificationChannel : 'email',
          }}
        />
      </ClientMessages>

      {profile ? <RepresentativeProfileSummary profile={profile} /> : null}
    </>
  );
}
