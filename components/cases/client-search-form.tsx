
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/form-group';
import { CASE_LIST_STATES, type CaseListFilters } from '@/lib/cases/case-views';
import { Link } from '@/lib/i18n/link';
import { useTranslations } from '@/lib/i18n/server';

/** Search by client name or receipt number, filter by form and status: a GET form, so results have an address and work without JavaScript. */
export function ClientSearchForm({ filters, formTypes }: { filters: CaseListFilters; formTypes: string[] }) {
  const t = useTranslations('cases');
  const searching = Boolean(filters.query || filters.formType || filters.status);
  return (
    <search aria-labelledby="client-search-title" className="my-8 max-w-[60rem] border border-base-lighter bg-base-lightest p-5">
      <h2 id="client-search-title" className="mt-0 text-[1.3125rem]">
        {t('dashboard.search.title')}
      </h2>
      {/* Keyed by the search: after a link changes it (clear, "show them"), the fields show the new one. */}
      <form key={`${filters.query ?? ""}|${filters.formType ?? ""}|${filters.status ?? ""}`} method="get" className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <TextInput id="q" label={t('dashboard.search.query')} width="xl" defaultValue={filters.query ?? ''} groupClassName="mt-0" autoComplete="off" />
        <Select
          id="form"
          label={t('dashboard.search.form')}
          placeholder={t('dashboard.search.anyForm')}
          options={formTypes.map((form) => ({ value: form, label: form }))}
          defaultValue={filters.formType ?? ''}
          width="md"
          groupClassName="mt-0"
        />
        <Select
          id="status"
          label={t('dashboard.search.status')}
          placeholder={t('dashboard.search.anyStatus')}
          options={[...CASE_LIST_STATES, 'action_required' as const].map((state) => ({ value: state, label: t(`state.${state}`) }))}
          defaultValue={filters.status ?? ''}
          width="md"
          groupClassName="mt-0"
        />
        <Button className="mt-2">{t('dashboard.search.submit')}</Button>
        {searching ? (
          <Link href="/dashboard" className="inline-flex min-h-11 items-center">
            {t('dashboard.search.clear')}
          </Link>
        ) : null}
      </form>
    </search>
  );
}
