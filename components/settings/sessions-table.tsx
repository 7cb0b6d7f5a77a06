import { Table } from '@/components/ui/table';
import type { DeviceSummary, SessionSummary } from '@/lib/auth/account-settings';

/** The account's active sessions; the one in this browser says so. Dates come formatted by the page. */
export function SessionsTable({
  sessions,
  caption,
  labels,
  describe,
  when,
}: {
  sessions: SessionSummary[];
  caption: string;
  labels: { device: string; started: string; lastActive: string; thisDevice: string };
  describe: (device: DeviceSummary) => string;
  when: (date: Date) => string;
}) {
  return (
    <Table
      caption={caption}
      captionHidden
      rows={sessions}
      rowKey={(session) => session.id}
      columns={[
        {
          header: labels.device,
          rowHeader: true,
          cell: (session) => (
            <>
              {describe(session.device)}
              {session.current ? (
                <strong className="ml-2 inline-block rounded bg-primary-lighter px-2 py-0.5 text-sm text-base-darkest">{labels.thisDevice}</strong>
              ) : null}
            </>
          ),
        },
        { header: labels.started, cell: (session) => <time dateTime={session.startedAt.toISOString()}>{when(session.startedAt)}</time> },
        { header: labels.lastActive, cell: (session) => <time dateTime={session.lastActiveAt.toISOString()}>{when(session.lastActiveAt)}</time> },
      ]}
    />
  );
}
