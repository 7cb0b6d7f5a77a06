import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CallbackRequestForm } from '@/components/callbacks/callback-request-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { casesForCallback } from '@/lib/callbacks/callback-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';
import { textingOffered } from '@/lib/notifications/config';

type Props = PageProps<'/[locale]/callbacks/request'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'callbackRequest' });
  return { title: t('title') };
}

/**
 * Ask the Contact Center for a call (spec §8). Links from the dashboard, a case page, a refused
 * biometrics reschedule and a myProgress page past its 80 % date name the case (`?case=`), which
 * comes pre-chosen when it is one of the person's.
 */
export default async function CallbackRequestPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const [linked, t] = await Promise.all([casesForCallback(getDb(), user), getTranslations({ locale, namespace: 'callbackRequest' })]);
  const asked = (await searchParams).case;
  const receipt = typeof asked === 'string' ? normaliseReceiptNumber(asked) : null;
  const prefill = receipt && linked.some((c) => c.receiptNumber === receipt) ? receipt : '';

  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <ClientMessages namespaces={['callbackRequest']}>
        <CallbackRequestForm
          cases={linked}
          defaults={{ receiptNumber: prefill, phone: user.phone ? formatPhoneNumber(user.phone) : '', language: user.preferredLanguage }}
          textingOffered={textingOffered()}
        />
      </ClientMessages>
    </>
  );
}
