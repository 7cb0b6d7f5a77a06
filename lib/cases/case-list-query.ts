/**
 * The dashboard's address: search, filters and page in the query string, read defensively (any
 * value that is not one of ours is ignored rather than refused: it is a list, not a form).
 */
import { CASE_LIST_STATES, type CaseListFilters, type CaseListStatusFilter, type ClientGroup } from './case-views';

export const CLIENTS_PER_PAGE = 25;

/** Clients alphabetically (the default), or soonest expected decision first. */
export type CaseListSort = 'client' | 'expected';

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const statuses: readonly string[] = [...CASE_LIST_STATES, 'action_required'];

export function parseCaseListQuery(query: Query) {
  const text = first(query.q)?.trim().slice(0, 100);
  const form = first(query.form)?.trim();
  const status = first(query.status);
  const page = Number(first(query.page));
  const sort: CaseListSort = first(query.sort) === 'expected' ? 'expected' : 'client';
  const filters: CaseListFilters = {
    query: text || undefined,
    formType: form && /^[A-Z]-\d{1,4}[A-Z]?$/.test(form) ? form : undefined,
    status: status && statuses.includes(status) ? (status as CaseListStatusFilter) : undefined,
  };
  const address = (n: number | null, order: CaseListSort) => {
    const params = new URLSearchParams();
    if (filters.query) params.set('q', filters.query);
    if (filters.formType) params.set('form', filters.formType);
    if (filters.status) params.set('status', filters.status);
    if (order === 'expected') params.set('sort', 'expected');
    if (n !== null) params.set('page', String(n));
    return params.toString();
  };
  return {
    filters,
    sort,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    /** The same search on another page, as a query string. */
    withPage: (n: number): string => address(n, sort),
    /** The same search in another order, from its first page. */
    withSort: (order: CaseListSort): string => address(null, order),
  };
}

export function pageOfClients(clients: ClientGroup[], requested: number) {
  const pages = Math.max(1, Math.ceil(clients.length / CLIENTS_PER_PAGE));
  const page = Math.min(requested, pages);
  const start = (page - 1) * CLIENTS_PER_PAGE;
  const shown = clients.slice(start, start + CLIENTS_PER_PAGE);
  return { page, pages, clients: shown, from: clients.length ? start + 1 : 0, to: start + shown.length };
}
