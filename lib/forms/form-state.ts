/**
 * What the settings and staff forms' server actions answer when they do not redirect. The form
 * renders the error summary, the inline errors and what was typed (never passwords or codes) from it,
 * with or without JavaScript.
 */
export interface FormState<Field extends string = string> {
  /** Counts submits, so the error summary and the fields mount afresh (and take focus) after each failed one. */
  attempt: number;
  fieldErrors?: Partial<Record<Field, string>>;
  /** A problem with the form as a whole (a lockout), shown at the top of the error summary. */
  formError?: string;
  /** What was typed, to render back as defaultValue. */
  values?: Partial<Record<Field, string>>;
}

export const initialFormState: FormState = { attempt: 0 };

/** The typed values of `fields` from a submitted form, cut to a sane length. */
export function typedValues<Field extends string>(form: FormData, fields: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, 500);
  }
  return values;
}
