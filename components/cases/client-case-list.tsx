
import type { ClientGroup } from '@/lib/cases/case-views';
import { calendarDate } from './case-formatting';
import { CaseTable } from './case-table';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/** A representative's clients, each with their cases. */
export async function ClientCaseList({ clients }: { clients: ClientGroup[] }) {
  const [t, format] = await Promise.all([getTranslations('cases.dashboard'), getFormatter()]);
  return (
    <ul className="m-0 list-none p-0">
      {clients.map((client) => {
        const name = `${client.givenName} ${client.familyName}`;
        return (
          <li key={client.key} className="mt-10 border-t-2 border-base-lighter pt-4">
            <h3 className="m-0 text-[1.3125rem]">{name}</h3>
            <p className="m-0 text-base-dark">
              {t('dateOfBirth', { date: calendarDate(format, client.cases[0].applicantDateOfBirth) })}
              {client.actionCount ? <strong className="ml-3 text-base-darkest">{t('clientActions', { count: client.actionCount })}</strong> : null}
            </p>
            <CaseTable cases={client.cases} caption={t('clientCasesCaption', { name })} captionHidden />
          </li>
        );
      })}
    </ul>
  );
}
