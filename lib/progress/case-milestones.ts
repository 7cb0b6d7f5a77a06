/**
 * A real case's milestones, from its status events (the agency's own record): fingerprints taken,
 * interview completed, and the decision (the first approval, denial or withdrawal; the card and
 * oath steps come later and are not the decision date). Days are the agency's calendar days.
 */
import { and, inArray, min } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseStatusEvents } from '@/db/schema';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import type { CaseStatusKey } from '@/lib/cases/status-catalogue';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

export interface ReachedMilestones {
  biometricsOn: string | null;
  interviewOn: string | null;
  decidedOn: string | null;
}

const DECISIONS: CaseStatusKey[] = ['case_was_approved', 'case_was_denied', 'withdrawal_acknowledgement_notice_was_sent'];
const MILESTONE_STATUSES: CaseStatusKey[] = ['fingerprints_were_taken', 'interview_was_completed', ...DECISIONS];

const NONE: ReachedMilestones = { biometricsOn: null, interviewOn: null, decidedOn: null };

export async function reachedMilestones(db: DbOrTx, caseIds: number[]): Promise<Map<number, ReachedMilestones>> {
  const result = new Map<number, ReachedMilestones>();
  if (caseIds.length === 0) return result;
  const rows = await db
    .select({ caseId: caseStatusEvents.caseId, status: caseStatusEvents.status, at: min(caseStatusEvents.occurredAt) })
    .from(caseStatusEvents)
    .where(and(inArray(caseStatusEvents.caseId, caseIds), inArray(caseStatusEvents.status, MILESTONE_STATUSES)))
    .groupBy(caseStatusEvents.caseId, caseStatusEvents.status);
  for (const row of rows) {
    if (!row.at) continue;
    const day = isoDateInZone(row.at instanceof Date ? row.at : new Date(row.at), AGENCY_TIME_ZONE);
    const found = { ...(result.get(row.caseId) ?? NONE) };
    if (row.status === 'fingerprints_were_taken') found.biometricsOn = day;
    else if (row.status === 'interview_was_completed') found.interviewOn = day;
    else if (!found.decidedOn || day < found.decidedOn) found.decidedOn = day;
    result.set(row.caseId, found);
  }
  for (const id of caseIds) if (!result.has(id)) result.set(id, NONE);
  return result;
}
