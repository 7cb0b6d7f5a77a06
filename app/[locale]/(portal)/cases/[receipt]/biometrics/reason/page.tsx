import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RescheduleChoiceForm } from '@/components/biometrics/reschedule-forms';
import { rescheduleStep } from '@/components/biometrics/reschedule-context';
import { ClientMessages } from '@/components/layout/client-messages';
import { GOOD_CAUSES } from '@/lib/biometrics/good-causes';
import { reschedulePath } from '@/lib/biometrics/reschedule-flow';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics/reason'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  return { title: `${t('reason.legend')} – ${t('caption')}` };
}

/** Step 1: the good cause (spec §6: only these six allow rescheduling online). */
export default async function RescheduleReasonPage({ params }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, draft } = await rescheduleStep(locale, receipt, 'reason');
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  const tCauses = await getTranslations({ locale, namespace: 'biometrics.goodCauses' });
  return (
    <>
      <Link href={reschedulePath(theCase.receiptNumber, 'start')} className="back-link">
        {t('back')}
      </Link>
      <p className="mb-1 text-lg text-base-dark">{t('caption')}</p>
      <ClientMessages namespaces={['reschedule']}>
        <RescheduleChoiceForm
          name="goodCause"
          pageHeading
          receiptNumber={theCase.receiptNumber}
          legend={t('reason.legend')}
          hint={t('reason.hint')}
          chosen={draft.goodCause}
          options={GOOD_CAUSES.map((cause) => ({ value: cause, label: tCauses(cause) }))}
        />
      </ClientMessages>
    </>
  );
}
