import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RequestStepPage } from '@/components/appointments/request-step-page';
import { isRequestStep } from '@/lib/appointment-requests/request-flow';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments/request/[step]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.flow' });
  return { title: t('title') };
}

/** A later page of "Request an appointment" (the first is /appointments/request itself). */
export default async function RequestAppointmentStepPage({ params, searchParams }: Props) {
  const { locale, step } = await params;
  if (!isLocale(locale) || !isRequestStep(step) || step === 'reason') notFound();
  setRequestLocale(locale);
  return <RequestStepPage locale={locale} step={step} changing={(await searchParams).change === '1'} />;
}
