import type { CallbackEventView } from '@/lib/callbacks/callback-views';

/** What happened to a callback, oldest first: when, and what, in plain words (with the officer's note, for staff). */
export function CallbackTimeline({ events, words, when, showNotes }: { events: CallbackEventView[]; words: (kind: string) => string; when: (at: Date) => string; showNotes?: boolean }) {
  return (
    <ol className="list-numbered max-w-[48rem]">
      {events.map((event, index) => (
        <li key={index} className="mb-2">
          <time dateTime={event.at.toISOString()} className="block text-base-dark">
            {when(event.at)}
          </time>
          {words(event.kind)}
          {showNotes && event.actorName && event.actorIsStaff ? ` (${event.actorName})` : null}
          {showNotes && event.note ? <span className="block italic">{event.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
