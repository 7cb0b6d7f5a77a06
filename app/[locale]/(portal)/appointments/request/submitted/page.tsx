import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestForRequester } from '@/lib/appointment-requests/queries';
import { isUrgentReason, type RequestReason } from '@/lib/appointment-requests/reasons';
import { normaliseRequestReference } from '@/lib/appointment-requests/reference';
import { requireArea } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments/request/submitted'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.submitted' });
  return { title: t('title') };
}

/** "Request submitted", with the reference number (also emailed). Only for the person's own request. */
export default async function RequestSubmittedPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const typed = (await searchParams).reference;
  const reference = typeof typed === 'string' ? normaliseRequestReference(typed) : null;
  const found = reference ? await requestForRequester(getDb(), user, reference) : null;
  if (!found) notFound();
  const t = await getTranslations({ locale, namespace: 'appointments.submitted' });

  return (
    <>
      <div className="confirmation-panel">
        <h1 className="mb-4 text-white">{t('title')}</h1>
        <p className="mb-0 text-lg">
          {t('reference')}
          <br />
          <strong className="text-2xl tracking-wide">{found.request.reference}</strong>
        </p>
      </div>
      <p>{t('emailed', { email: user.email })}</p>
      <h2>{t('next')}</h2>
      <p className="max-w-[40rem]">{isUrgentReason(found.request.reason as RequestReason) ? t('nextUrgent') : t('nextRegular')}</p>
      <p>{t.rich('follow', { link: (chunks) => <Link href="/appointments">{chunks}</Link> })}</p>
    </>
  );
}
