import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RequestStepPage } from '@/components/appointments/request-step-page';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments/request'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.flow' });
  return { title: t('title') };
}

/** "Request an appointment", its first page: why. `?case=` (from a case page) names the case. */
export default async function RequestAppointmentPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  return (
    <RequestStepPage
      locale={locale}
      step="reason"
      changing={query.change === '1'}
      prefillCase={typeof query.case === 'string' ? query.case : undefined}
    />
  );
}
