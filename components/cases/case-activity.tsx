
import { Table } from '@/components/ui/table';
import type { ActivityEntry } from '@/lib/cases/case-views';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

const activityKeys = {
  'case.link': 'link',
  'case.access_end': 'accessEnd',
  'access_code.issue': 'codeIssue',
  'access_code.request': 'codeRequest',
  'case.link_pause': 'linkPause',
  'biometrics.reschedule': 'biometricsReschedule',
} as const;

/** The record of what people did on a case: who, on whose behalf, what, when (spec §1). */
export async function CaseActivity({ activity }: { activity: ActivityEntry[] }) {
  const [t, format] = await Promise.all([getTranslations('cases.detail'), getFormatter()]);
  const what = (entry: ActivityEntry): string => {
    if (entry.action.startsWith('appointment_request.')) {
      const step = entry.action.slice('appointment_request.'.length);
      return t(`activity.appointmentRequest.${step}` as 'activity.appointmentRequest.submitted', { reference: String(entry.detail?.reference ?? '') });
    }
    const key = activityKeys[entry.action as keyof typeof activityKeys];
    switch (key) {
      case 'link':
        return t(entry.detail?.linkedAs === 'representative' ? 'activity.link.representative' : 'activity.link.applicant');
      case 'accessEnd':
        return t('activity.accessEnd', { name: entry.subjectName ?? t('someone') });
      case 'codeIssue': {
        const channel = entry.detail?.channel === 'email' ? 'email' : 'letter';
        return t('activity.codeIssue', { channel: t(`channel.${channel}`) });
      }
      default:
        return t(`activity.${key ?? 'codeRequest'}`);
    }
  };
  const who = (entry: ActivityEntry) => {
    if (!entry.actorId) return t('agency');
    const role = entry.actorRole === 'applicant' || entry.actorRole === 'representative' ? ` (${t(`role.${entry.actorRole}`)})` : '';
    return `${entry.actorName ?? t('someone')}${role}`;
  };
  if (activity.length === 0) return <p>{t('noActivity')}</p>;
  return (
    <Table
      caption={t('activityCaption')}
      captionHidden
      rows={activity}
      rowKey={(entry) => entry.id}
      columns={[
        {
          header: t('activityColumns.when'),
          cell: (entry) => (
            <time dateTime={entry.at.toISOString()}>
              {format.dateTime(entry.at, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: AGENCY_TIME_ZONE, timeZoneName: 'short' })}
            </time>
          ),
        },
        { header: t('activityColumns.who'), rowHeader: true, cell: who },
        { header: t('activityColumns.forWhom'), cell: (entry) => entry.onBehalfOfName ?? t('nobody') },
        { header: t('activityColumns.what'), cell: what },
      ]}
    />
  );
}
