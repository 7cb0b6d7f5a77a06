
import type { StatusEventView } from '@/lib/cases/case-views';
import { statusDate } from './case-formatting';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/** The case's status history, newest first, in the agency's wording with a plain explanation of each step. */
export async function CaseStatusHistory({ events }: { events: StatusEventView[] }) {
  const [t, format] = await Promise.all([getTranslations('caseStatus'), getFormatter()]);
  return (
    <ol className="m-0 max-w-[48rem] list-none border-l-4 border-base-lighter p-0 pl-6">
      {events.map((event) => {
        const date = statusDate(format, event.occurredAt);
        return (
          <li key={event.id} className="relative mb-6 last:mb-0">
            <span aria-hidden="true" className="absolute top-1.5 -left-[2.1rem] size-4 rounded-full border-4 border-white bg-primary" />
            <h3 className="m-0 text-lg">{t(`${event.status}.title`)}</h3>
            <p className="m-0 text-base-dark">
              <time dateTime={event.occurredAt.toISOString()}>{date}</time>
            </p>
            <p className="mt-1 mb-0">{t(`${event.status}.explanation`, { date })}</p>
          </li>
        );
      })}
    </ol>
  );
}
