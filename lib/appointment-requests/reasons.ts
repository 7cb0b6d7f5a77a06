/**
 * Why someone asks for an in-person appointment at a field office (spec §5, after USCIS): three named
 * reasons, and "Other", which is limited to seven situations the person then chooses from.
 */
export const REQUEST_REASONS = ['adit_stamp', 'emergency_advance_parole', 'immigration_judge_grant', 'other'] as const;
export type RequestReason = (typeof REQUEST_REASONS)[number];

export const OTHER_REASONS = [
  'afghan_siv_conditional_residence',
  'american_indian_born_in_canada',
  'certified_naturalization_certificate',
  'deferred_action',
  't_u_vawa_inquiry',
  'cuban_parole',
  'lost_immigrant_packet',
] as const;
export type OtherReason = (typeof OTHER_REASONS)[number];

/** Emergency advance parole is urgent: first in the officers' queue, due in 72 hours. */
export const isUrgentReason = (reason: RequestReason): boolean => reason === 'emergency_advance_parole';

/** The reasons whose request must say why in words (at most 1,000 characters). */
export const needsExplanation = (reason: RequestReason): boolean => reason === 'emergency_advance_parole' || reason === 'other';

/** The labels of messages/<locale>/appointments.json. */
export interface ReasonLabels {
  reasons: Record<RequestReason, string>;
  otherReasons: Record<OtherReason, string>;
}

/** The reason as the requester chose it: "ADIT stamp", or "Other: Deferred action". */
export function reasonText(labels: ReasonLabels, reason: RequestReason, otherReason: string | null): string {
  return reason === 'other' && otherReason && (OTHER_REASONS as readonly string[]).includes(otherReason)
    ? `${labels.reasons.other}: ${labels.otherReasons[otherReason as OtherReason]}`
    : labels.reasons[reason];
}

export const isRequestReason = (value: string): value is RequestReason => (REQUEST_REASONS as readonly string[]).includes(value);
