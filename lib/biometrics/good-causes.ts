/**
 * The good causes for which a biometrics appointment may be rescheduled online (spec §6, after
 * USCIS): nothing else opens the reschedule.
 */
export const GOOD_CAUSES = ['illness', 'planned_travel', 'life_event', 'no_transportation', 'work_or_care', 'late_notice'] as const;
export type GoodCause = (typeof GOOD_CAUSES)[number];
