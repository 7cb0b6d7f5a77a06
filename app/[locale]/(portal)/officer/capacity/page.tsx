import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CapacityDayForm } from '@/components/biometrics/capacity-day-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { dayIn, timeIn, zoneName } from '@/components/officer/request-formatting';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/form-group';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { ascs } from '@/db/schema';
import { requireArea } from '@/lib/auth/current-user';
import { capacityWeek } from '@/lib/biometrics/capacity';
import { setDayClosedAction } from '@/lib/biometrics/capacity-actions';
import { addDays, dayOfWeek, isIsoDate, isoDateInZone } from '@/lib/calendar/iso-date';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';
import { asc } from 'drizzle-orm';

type Props = PageProps<'/[locale]/officer/capacity'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'capacity' });
  return { title: t('title') };
}

const DONE = ['closed', 'opened', 'saved', 'missing'] as const;
const dayOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);
/** The Monday of the week a date falls in. */
const mondayOf = (isoDate: string) => addDays(isoDate, -((dayOfWeek(isoDate) + 6) % 7));

/**
 * Supervisors only: a centre's week, day by day: close or open a day, and each time's capacity
 * (never below the seats booked). The centre and week are in the address, so it can be shared.
 */
export default async function CapacityPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireArea('supervisor');
  const db = getDb();
  const query = await searchParams;
  const centres = await db.select({ id: ascs.id, name: ascs.name, timeZone: ascs.timeZone }).from(ascs).orderBy(asc(ascs.name));
  const chosenId = typeof query.asc === 'string' && /^\d{1,9}$/.test(query.asc) ? Number(query.asc) : centres[0]?.id;
  const centre = centres.find((c) => c.id === chosenId) ?? centres[0];
  const t = await getTranslations({ locale, namespace: 'capacity' });
  if (!centre) return <PageHeading lead={t('lead')}>{t('title')}</PageHeading>;
  const typedWeek = typeof query.week === 'string' && isIsoDate(query.week) ? query.week : isoDateInZone(systemClock.now(), centre.timeZone);
  const week = mondayOf(typedWeek);
  const shown = await capacityWeek(db, centre.id, week);
  const done = DONE.find((value) => value === query.done);
  const zone = zoneName(locale, centre.timeZone);
  const page = (start: string) => `/officer/capacity?asc=${centre.id}&week=${start}`;

  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {done ? <Alert type={done === 'missing' ? 'error' : 'success'}>{t(`done.${done}`)}</Alert> : null}
      <form method="get" className="flex flex-wrap items-end gap-x-6">
        <Select id="asc" label={t('filter.asc')} width="xl" placeholder={null} defaultValue={String(centre.id)} options={centres.map((c) => ({ value: String(c.id), label: c.name }))} />
        <TextInput id="week" type="date" label={t('filter.week')} width="md" defaultValue={week} />
        <Button variant="secondary" className="mb-6">
          {t('filter.show')}
        </Button>
      </form>

      <h2 className="mt-8">{t('weekOf', { date: dayIn(locale, dayOf(week), 'UTC') })}</h2>
      <nav aria-label={t('weeks')} className="mb-6 flex gap-8">
        <Link href={page(addDays(week, -7))}>{t('previous')}</Link>
        <Link href={page(addDays(week, 7))}>{t('next')}</Link>
      </nav>

      {shown?.days.map((day) => {
        const label = dayIn(locale, dayOf(day.date), 'UTC');
        return (
          <section key={day.date} aria-labelledby={`day-${day.date}`} className="mb-10">
            <h3 id={`day-${day.date}`} className="text-lg">
              {label}: {day.slots.length === 0 ? t('day.noSlots') : day.closed ? t('day.closed') : t('day.open')}
            </h3>
            {day.slots.length > 0 ? (
              <>
                <form action={setDayClosedAction} className="mb-4">
                  <input type="hidden" name="ascId" value={centre.id} />
                  <input type="hidden" name="date" value={day.date} />
                  <input type="hidden" name="week" value={week} />
                  <input type="hidden" name="closed" value={day.closed ? '0' : '1'} />
                  <Button variant={day.closed ? 'secondary' : 'danger'}>
                    {day.closed ? t('day.reopen') : t('day.close')}
                    <span className="sr-only"> {label}</span>
                  </Button>
                </form>
                <ClientMessages namespaces={['capacity']}>
                  <CapacityDayForm
                    ascId={centre.id}
                    week={week}
                    zone={zone}
                    caption={t('table.caption', { date: label })}
                    rows={day.slots.map((slot) => ({ id: slot.id, time: timeIn(locale, slot.startsAt, centre.timeZone), booked: slot.booked, capacity: slot.capacity, closed: slot.closed }))}
                  />
                </ClientMessages>
              </>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
