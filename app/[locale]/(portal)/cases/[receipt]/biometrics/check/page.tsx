import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RescheduleChoiceForm } from '@/components/biometrics/reschedule-forms';
import { rescheduleStep } from '@/components/biometrics/reschedule-context';
import { ClientMessages } from '@/components/layout/client-messages';
import { dayIn, timeIn } from '@/components/officer/request-formatting';
import { SummaryList } from '@/components/ui/summary-list';
import { chosenSlot, reschedulePath } from '@/lib/biometrics/reschedule-flow';
import { Link } from '@/lib/i18n/link';
import { redirect } from '@/lib/i18n/navigation';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';
import { textingOffered } from '@/lib/notifications/config';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics/check'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  return { title: `${t('check.title')} – ${t('caption')}` };
}

/** Step 4: the new appointment against the current one, how to confirm it, and "Confirm new appointment". */
export default async function RescheduleCheckPage({ params }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, draft, db, user, appointment, asc } = await rescheduleStep(locale, receipt, 'check');
  const chosen = await chosenSlot(db, draft.slotId!);
  if (!chosen) redirect({ href: reschedulePath(theCase.receiptNumber, 'time'), locale });
  const { slot, asc: newAsc } = chosen!;
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  const tCauses = await getTranslations({ locale, namespace: 'biometrics.goodCauses' });
  const when = (at: Date, timeZone: string) => `${dayIn(locale, at, timeZone)}, ${timeIn(locale, at, timeZone)}`;
  const change = (step: 'reason' | 'centre' | 'time', term: string) => (
    <Link href={reschedulePath(theCase.receiptNumber, step)}>
      {t('check.change')}
      <span className="sr-only"> {term}</span>
    </Link>
  );
  const canText = textingOffered() && Boolean(user.phone);

  return (
    <>
      <Link href={reschedulePath(theCase.receiptNumber, 'time')} className="back-link">
        {t('back')}
      </Link>
      <p className="mb-1 text-lg text-base-dark">{t('caption')}</p>
      <h1>{t('check.title')}</h1>
      <SummaryList
        rows={[
          { term: t('check.reason'), value: tCauses(draft.goodCause!), action: change('reason', t('check.reason')) },
          { term: t('check.centre'), value: `${newAsc.name}, ${newAsc.street}, ${newAsc.city}, ${newAsc.state} ${newAsc.zip}`, action: change('centre', t('check.centre')) },
          { term: t('check.when'), value: <strong>{when(slot.startsAt, newAsc.timeZone)}</strong>, action: change('time', t('check.when')) },
          { term: t('check.old'), value: `${when(appointment.startsAt, asc.timeZone)}, ${asc.name}` },
        ]}
      />
      {user.role === 'representative' ? <p className="mt-4">{t('check.representativeNote')}</p> : null}
      <div className="mt-8">
        <ClientMessages namespaces={['reschedule']}>
          <RescheduleChoiceForm
            name="confirmBy"
            receiptNumber={theCase.receiptNumber}
            legend={t('check.confirmBy')}
            chosen="email"
            submit={t('check.submit')}
            options={[
              { value: 'email', label: t('check.byEmail', { email: user.email }) },
              ...(canText ? [{ value: 'text', label: t('check.byText', { phone: user.phone! }) }] : []),
            ]}
          />
        </ClientMessages>
      </div>
    </>
  );
}
