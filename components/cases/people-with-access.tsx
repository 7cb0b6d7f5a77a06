
import { ButtonLink } from '@/components/ui/button-link';
import { Table } from '@/components/ui/table';
import type { PersonWithAccess } from '@/lib/cases/case-views';
import { statusDate } from './case-formatting';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/**
 * The accounts linked to a case, with their role. The applicant sees an "End access" link beside
 * each representative, leading to a confirmation page (a plain link: it works without JavaScript).
 */
export async function PeopleWithAccess({
  people,
  viewerId,
  viewerIsApplicant,
  receiptNumber,
}: {
  people: PersonWithAccess[];
  viewerId: number;
  viewerIsApplicant: boolean;
  receiptNumber: string;
}) {
  const [t, format] = await Promise.all([getTranslations('cases.detail'), getFormatter()]);
  const mayEnd = viewerIsApplicant && people.some((p) => p.role === 'representative');
  return (
    <>
      <Table
        caption={t('peopleCaption')}
        captionHidden
        rows={people}
        rowKey={(person) => person.linkId}
        columns={[
          {
            header: t('peopleColumns.name'),
            rowHeader: true,
            cell: (person) => (
              <>
                {person.userId === viewerId ? t('you', { name: person.name }) : person.name}
                {person.organisation ? <span className="block text-base-dark">{person.organisation}</span> : null}
              </>
            ),
          },
          { header: t('peopleColumns.role'), cell: (person) => t(`role.${person.role}`) },
          { header: t('peopleColumns.since'), cell: (person) => statusDate(format, person.linkedAt) },
          ...(mayEnd
            ? [
                {
                  header: t('peopleColumns.action'),
                  cell: (person: PersonWithAccess) =>
                    person.role === 'representative' ? (
                      <ButtonLink variant="unstyled" href={`/cases/${receiptNumber}/people/${person.linkId}/end`}>
                        {t.rich('endAccessFor', { name: person.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                      </ButtonLink>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {mayEnd ? <p className="max-w-[40rem] text-base-dark">{t('endAccessHint')}</p> : null}
    </>
  );
}
