/**
 * The case statuses the agency's case system reports, by stable key. Titles use the agency's own
 * wording and, with a plain-language explanation, live in the message catalogue (namespace
 * "caseStatus", English and Spanish); the English title is exported here for places that need it
 * without a translator (logs, the API, imports).
 */
import type { CaseState } from '@/db/columns';
import enCaseStatus from '@/messages/en/caseStatus.json';

export const CASE_STATUS_KEYS = [
  'case_was_received',
  'fingerprint_fee_was_received',
  'biometrics_appointment_was_scheduled',
  'fingerprints_were_taken',
  'case_is_being_actively_reviewed',
  'interview_was_scheduled',
  'interview_was_completed',
  'request_for_evidence_was_sent',
  'response_to_rfe_was_received',
  'case_was_transferred',
  'case_remains_pending',
  'case_was_approved',
  'oath_ceremony_was_scheduled',
  'new_card_is_being_produced',
  'card_was_mailed',
  'card_was_delivered',
  'document_was_mailed',
  'case_was_denied',
  'withdrawal_acknowledgement_notice_was_sent',
] as const satisfies readonly (keyof typeof enCaseStatus)[];

export type CaseStatusKey = (typeof CASE_STATUS_KEYS)[number];

export function isCaseStatusKey(value: string): value is CaseStatusKey {
  return (CASE_STATUS_KEYS as readonly string[]).includes(value);
}

/** The English title, e.g. "Case Was Received". */
export function caseStatusTitle(key: CaseStatusKey): string {
  return enCaseStatus[key].title;
}

export const CASE_STATUS_TITLES: Readonly<Record<CaseStatusKey, string>> = Object.fromEntries(
  CASE_STATUS_KEYS.map((key) => [key, caseStatusTitle(key)]),
) as Record<CaseStatusKey, string>;

/**
 * The statuses that decide a case, and the state each leaves it in. The card and oath steps come
 * after an approval, so they also mean "approved"; their dates are not the decision date.
 */
export const CASE_STATUS_OUTCOMES: Readonly<Partial<Record<CaseStatusKey, Exclude<CaseState, 'pending'>>>> = {
  case_was_approved: 'approved',
  oath_ceremony_was_scheduled: 'approved',
  new_card_is_being_produced: 'approved',
  card_was_mailed: 'approved',
  card_was_delivered: 'approved',
  document_was_mailed: 'approved',
  case_was_denied: 'denied',
  withdrawal_acknowledgement_notice_was_sent: 'withdrawn',
};

/** The statuses whose date is the decision date (myProgress's last milestone). */
export const DECISION_STATUSES: readonly CaseStatusKey[] = [
  'case_was_approved',
  'case_was_denied',
  'withdrawal_acknowledgement_notice_was_sent',
];

/** A case whose latest status is final is no longer pending. */
export function isFinalStatus(key: CaseStatusKey): boolean {
  return CASE_STATUS_OUTCOMES[key] !== undefined;
}

export type Milestone = 'received' | 'biometrics' | 'interview' | 'decision';

/** The myProgress milestone a status marks as reached, if any. */
export function milestoneOf(key: CaseStatusKey): Milestone | null {
  if (key === 'case_was_received') return 'received';
  if (key === 'fingerprints_were_taken') return 'biometrics';
  if (key === 'interview_was_completed') return 'interview';
  if (DECISION_STATUSES.includes(key)) return 'decision';
  return null;
}
