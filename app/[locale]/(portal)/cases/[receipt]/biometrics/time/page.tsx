import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TimeChoiceForm } from '@/components/biometrics/reschedule-forms';
import { rescheduleStep } from '@/components/biometrics/reschedule-context';
import { ClientMessages } from '@/components/layout/client-messages';
import { dayIn, timeIn, zoneName } from '@/components/officer/request-formatting';
import { Alert } from '@/components/ui/alert';
import { reschedulePath } from '@/lib/biometrics/reschedule-flow';
import { openSlotsWeek } from '@/lib/biometrics/slots';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics/time'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  return { title: `${t('time.title')} – ${t('caption')}` };
}

const dayOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/**
 * Step 3: a time at the chosen centre. Open seats from 24 hours to 90 days ahead, a week per page,
 * grouped by day, in the centre's own time zone with its abbreviation. After "That time was just
 * taken" the page shows the times as they are now.
 */
export default async function RescheduleTimePage({ params, searchParams }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, draft, db } = await rescheduleStep(locale, receipt, 'time');
  const query = await searchParams;
  const weekText = typeof query.week === 'string' ? query.week : '0';
  const week = /^\d{1,2}$/.test(weekText) ? Number(weekText) : 0;
  const slots = await openSlotsWeek(db, systemClock.now(), draft.ascId!, week);
  if (!slots) notFound();
  const t = await getTranslations({ locale, namespace: 'reschedule.flow' });
  const { asc } = slots;
  const page = (n: number) => `${reschedulePath(theCase.receiptNumber, 'time')}?week=${n}`;
  const days = slots.days
    .filter((day) => day.slots.length > 0)
    .map((day) => ({
      date: day.date,
      label: dayIn(locale, dayOf(day.date), 'UTC'),
      options: day.slots.map((slot) => ({
        value: String(slot.id),
        label: timeIn(locale, slot.startsAt, asc.timeZone),
        hint: t('time.seats', { count: slot.seatsLeft }),
      })),
    }));

  return (
    <>
      <Link href={reschedulePath(theCase.receiptNumber, 'centre')} className="back-link">
        {t('back')}
      </Link>
      <p className="mb-1 text-lg text-base-dark">{t('caption')}</p>
      {query.taken === '1' ? <Alert type="warning">{t('time.taken')}</Alert> : null}
      {slots.days[0] ? <p className="mb-2 font-bold">{t('time.week', { date: dayIn(locale, dayOf(slots.days[0].date), 'UTC') })}</p> : null}
      {days.length === 0 ? (
        <>
          <h1>{t('time.legend', { name: asc.name })}</h1>
          <p>{t('time.none')}</p>
        </>
      ) : (
        <ClientMessages namespaces={['reschedule']}>
          <TimeChoiceForm
            receiptNumber={theCase.receiptNumber}
            legend={t('time.legend', { name: asc.name })}
            hint={t('time.hint', { zone: zoneName(locale, asc.timeZone) })}
            days={days}
            chosen={draft.slotId ? String(draft.slotId) : undefined}
          />
        </ClientMessages>
      )}
      <nav aria-label={t('time.weeks')} className="mt-8 flex gap-8">
        {week > 0 ? <Link href={page(week - 1)}>{t('time.previous')}</Link> : null}
        {week + 1 < slots.weekCount ? <Link href={page(week + 1)}>{t('time.next')}</Link> : null}
      </nav>
    </>
  );
}
