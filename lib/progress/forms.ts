/**
 * Which forms myProgress estimates, and which milestones each form's cases pass through. The same
 * rules shape the historical data (db/seed/historical-cases.ts) and the milestones of a real case.
 */
export const PROGRESS_FORMS = ['N-400', 'I-90', 'I-130', 'I-765', 'I-131', 'I-485', 'I-821'] as const;

export function coversForm(formType: string): boolean {
  return (PROGRESS_FORMS as readonly string[]).includes(formType);
}

/** Forms whose applicants give fingerprints and a photo. */
export const BIOMETRICS_FORMS: ReadonlySet<string> = new Set(['N-400', 'I-485', 'I-90', 'I-821']);

/** Share of historical cases of a form that had an interview (every naturalization; many adjustments). */
export const INTERVIEW_SHARE: Readonly<Record<string, number>> = { 'N-400': 1, 'I-485': 0.6 };
