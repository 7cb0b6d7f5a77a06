/**
 * What a person needs to do about a case, from its latest status and its next appointment. Shown
 * as "Action required" on the dashboard and the case page. Only what the agency's own records say:
 * no deadline is guessed at (the notice the person received gives it).
 */
import type { CaseStatusKey } from './status-catalogue';

export type ActionRequired = 'respond_to_evidence_request' | 'attend_interview' | 'attend_biometrics';

export interface ActionFacts {
  latestStatus: CaseStatusKey | null;
  state: 'pending' | 'approved' | 'denied' | 'withdrawn';
  /** The kind of the next scheduled appointment still ahead, if any. */
  nextAppointmentKind: 'biometrics' | 'field_office' | null;
}

export function actionsRequired({ latestStatus, state, nextAppointmentKind }: ActionFacts): ActionRequired[] {
  if (state !== 'pending') return [];
  const actions: ActionRequired[] = [];
  if (latestStatus === 'request_for_evidence_was_sent') actions.push('respond_to_evidence_request');
  if (latestStatus === 'interview_was_scheduled') actions.push('attend_interview');
  // Only an appointment still ahead: a "scheduled" status alone may be about one already past.
  if (nextAppointmentKind === 'biometrics') actions.push('attend_biometrics');
  return actions;
}
