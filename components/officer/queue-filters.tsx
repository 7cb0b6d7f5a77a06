import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/form-group';
import { QUEUE_STATUS_FILTERS, type QueueStatusFilter } from '@/lib/appointment-requests/queue-query';
import { REQUEST_REASONS, type RequestReason } from '@/lib/appointment-requests/reasons';
import { Link } from '@/lib/i18n/link';
import { localePath, type Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';

/**
 * The queue's filters as a plain GET form: the result is an address an officer can bookmark or send
 * to a colleague, and it works without JavaScript.
 */
export function QueueFilters({
  locale,
  status,
  reason,
  office,
  offices,
  filtered,
}: {
  locale: Locale;
  status: QueueStatusFilter;
  reason?: RequestReason;
  office?: number;
  offices: { id: number; name: string }[];
  filtered: boolean;
}) {
  const t = translatorFor(locale, 'officerRequests.queue');
  const tReasons = translatorFor(locale, 'appointments.reasons');
  return (
    <section aria-labelledby="queue-filters" className="mb-8">
      <h2 id="queue-filters" className="mt-0">
        {t('filtersTitle')}
      </h2>
      <form method="get" action={localePath('/officer/appointment-requests', locale)} className="flex flex-wrap items-end gap-x-6">
        <Select
          id="status"
          label={t('status')}
          placeholder={null}
          defaultValue={status}
          width="xl"
          options={QUEUE_STATUS_FILTERS.map((value) => ({ value, label: t(`statusFilters.${value}`) }))}
        />
        <Select
          id="reason"
          label={t('reason')}
          placeholder={t('anyReason')}
          defaultValue={reason ?? ''}
          width="xl"
          options={REQUEST_REASONS.map((value) => ({ value, label: tReasons(value) }))}
        />
        <Select
          id="office"
          label={t('office')}
          placeholder={t('anyOffice')}
          defaultValue={office ? String(office) : ''}
          width="xl"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <p className="flex items-center gap-x-6">
          <Button variant="secondary">{t('apply')}</Button>
          {filtered ? <Link href="/officer/appointment-requests">{t('clear')}</Link> : null}
        </p>
      </form>
    </section>
  );
}
