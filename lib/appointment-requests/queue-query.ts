/**
 * The officers' queue address: status, reason, office and page in the query string, so a filtered
 * queue can be bookmarked and shared. Read defensively: a value that is not one of ours is ignored
 * (it is a list, not a form).
 */
import type { AppointmentRequestStatus } from '@/db/columns';
import type { QueueFilters } from './queries';
import { REQUEST_REASONS, type RequestReason } from './reasons';

/** The status filter's choices: "to review" (the default: submitted or in review), any one status, or all. */
export const QUEUE_STATUS_FILTERS = [
  'to_review',
  'submitted',
  'in_review',
  'more_info_needed',
  'appointment_scheduled',
  'appointment_not_needed',
  'cancelled',
  'all',
] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

const EVERY_STATUS: readonly AppointmentRequestStatus[] = QUEUE_STATUS_FILTERS.filter(
  (s): s is AppointmentRequestStatus => s !== 'to_review' && s !== 'all',
);

type Query = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseQueueQuery(query: Query) {
  const statusText = first(query.status);
  const status: QueueStatusFilter = (QUEUE_STATUS_FILTERS as readonly string[]).includes(statusText ?? '') ? (statusText as QueueStatusFilter) : 'to_review';
  const reasonText = first(query.reason);
  const reason = (REQUEST_REASONS as readonly string[]).includes(reasonText ?? '') ? (reasonText as RequestReason) : undefined;
  const officeText = first(query.office);
  const office = officeText && /^\d{1,9}$/.test(officeText) && Number(officeText) > 0 ? Number(officeText) : undefined;
  const pageNumber = Number(first(query.page));
  const page = Number.isSafeInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;

  const filters: QueueFilters = {
    statuses: status === 'to_review' ? undefined : status === 'all' ? EVERY_STATUS : [status],
    reason,
    fieldOfficeId: office,
    page,
  };
  return {
    status,
    reason,
    office,
    filters,
    /** Whether anything narrows the default queue. */
    filtered: status !== 'to_review' || Boolean(reason) || Boolean(office),
    /** The same filters on another page, as a query string. */
    withPage(n: number): string {
      const params = new URLSearchParams();
      if (status !== 'to_review') params.set('status', status);
      if (reason) params.set('reason', reason);
      if (office) params.set('office', String(office));
      params.set('page', String(n));
      return params.toString();
    },
  };
}
