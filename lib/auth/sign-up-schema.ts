/**
 * The sign-up form's rules, shared by the browser (checks before sending, when JavaScript runs) and
 * the server (the check that counts). Nothing here may pull server code into the browser bundle:
 * the common-password list is handed in by the server (`passwordCheck`), the browser checks only
 * the length, and the server has the last word.
 *
 * Messages are error codes per field; the forms translate them (messages "signUp.errors" and, for
 * the second-step fields, "secondFactor.errors").
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { personName } from '@/lib/people/person-name';

/** The password length rule of lib/auth/password-policy.ts, restated for the browser (a test keeps them equal). */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

export const EMAIL_MAX = 254;
export const LICENCE_NUMBER_MAX = 40;
export const ORGANISATION_MAX = 200;

/** Who may sign themselves up (spec §1). Officers and supervisors are made by a supervisor, never here. */
export const SELF_SIGN_UP_ROLES = ['applicant', 'representative'] as const;
export const SECOND_FACTOR_METHODS = ['totp', 'email', 'sms'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** USPS codes of the states, the District of Columbia and the territories where attorneys are licensed. */
export const US_STATES_AND_TERRITORIES = [
  'AL', 'AK', 'AS', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'GU', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'MP',
  'OH', 'OK', 'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VI', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
export type UsState = (typeof US_STATES_AND_TERRITORIES)[number];

export type PasswordCheck = (password: string, context: { email?: string }) => string | null;

/** What the browser can check without the common-password list: the length, counted in characters. */
export const passwordLengthProblem: PasswordCheck = (password) => {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min) return 'too_short';
  if (length > PASSWORD_LENGTH.max) return 'too_long';
  return null;
};

/**
 * A phone number as people type it ("(602) 555-0143", "+52 55 1234 5678") in E.164 ("+16025550143"),
 * or null when it cannot be a real number. Numbers without a country code are taken as US numbers.
 */
export function normalisePhoneNumber(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'US');
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Which texts the portal may send: whether texting is offered at all, and whether numbers outside
 * the US and its territories may be texted. The server hands in its settings (textingRules in
 * lib/notifications/config.ts); the browser, which does not know them, allows everything and lets the
 * server decide.
 */
export interface TextingRules {
  offered: boolean;
  international: boolean;
}
export const ANY_TEXTING: TextingRules = { offered: true, international: true };

/**
 * Area codes of the North American Numbering Plan that are not the United States or its
 * territories: Canada, the Caribbean countries and Bermuda, and non-geographic codes (toll-free and
 * premium numbers cannot receive our texts). Puerto Rico (787, 939), the U.S. Virgin Islands (340),
 * Guam (671), American Samoa (684) and the Northern Mariana Islands (670) are US numbers.
 */
const NON_US_AREA_CODES = new Set([
  // Canada
  '204', '226', '236', '249', '250', '257', '263', '289', '306', '343', '354', '365', '367', '368', '382', '387', '403',
  '416', '418', '428', '431', '437', '438', '450', '460', '468', '474', '506', '514', '519', '548', '579', '581', '584',
  '587', '600', '604', '613', '622', '639', '647', '672', '683', '705', '709', '742', '753', '778', '780', '782', '807',
  '819', '825', '867', '873', '879', '902', '905', '942',
  // Caribbean countries and Bermuda
  '242', '246', '264', '268', '284', '345', '441', '473', '649', '658', '664', '721', '758', '767', '784', '809', '829',
  '849', '868', '869', '876',
  // Toll-free, premium and other non-geographic services
  '500', '521', '522', '523', '524', '525', '526', '527', '528', '529', '533', '544', '566', '577', '588', '800', '833',
  '844', '855', '866', '877', '888', '900',
]);

/** +1, a NANP area code of the US or its territories, and a valid exchange. */
export function isUsPhoneNumber(e164: string): boolean {
  const match = /^\+1([2-9]\d{2})([2-9]\d{2})\d{4}$/.exec(e164);
  if (!match) return false;
  const [, area, exchange] = match;
  const serviceCode = (digits: string) => digits.endsWith('11'); // N11: 211, 411, 911, …
  return !NON_US_AREA_CODES.has(area) && !serviceCode(area) && !serviceCode(exchange);
}

/** A normalised number that may not be texted under `rules`: 'not_us' when only US numbers are. */
export function textNumberProblem(e164: string, rules: TextingRules): 'not_us' | null {
  return rules.international || isUsPhoneNumber(e164) ? null : 'not_us';
}

/** The order the fields appear on the sign-up page: the error summary lists them the same way. */
export const SIGN_UP_FIELDS = [
  'role',
  'givenName',
  'familyName',
  'email',
  'password',
  'preferredLanguage',
  'secondFactor',
  'phone',
  'representativeKind',
  'barNumber',
  'licensingState',
  'accreditationNumber',
  'organisation',
  'sector',
] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

/** Fields whose messages live with the second-step set-up ("secondFactor.errors"), shared with settings. */
export const SECOND_FACTOR_FIELDS = ['secondFactor', 'phone'] as const;

/** Everything a failed submit gives back to the form: all fields but the password. */
export const KEPT_SIGN_UP_FIELDS = SIGN_UP_FIELDS.filter((field) => field !== 'password');

const optionalText = z.string().optional();

const rawSignUp = z.object({
  role: z.enum(SELF_SIGN_UP_ROLES, { error: 'required' }),
  givenName: personName(),
  familyName: personName(),
  email: z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .max(EMAIL_MAX, 'too_long')
    .pipe(z.email({ error: 'invalid' })),
  // Not trimmed: spaces are characters like any other in a password (NIST SP 800-63B).
  password: z.string({ error: 'too_short' }),
  preferredLanguage: z.enum(['en', 'es'], { error: 'required' }),
  secondFactor: z.enum(SECOND_FACTOR_METHODS, { error: 'required' }),
  phone: optionalText,
  representativeKind: optionalText,
  barNumber: optionalText,
  licensingState: optionalText,
  accreditationNumber: optionalText,
  organisation: optionalText,
  sector: optionalText,
});

export interface RepresentativeProfileInput {
  kind: 'attorney' | 'accredited_representative';
  barNumber: string | null;
  licensingState: UsState | null;
  accreditationNumber: string | null;
  organisation: string;
  sector: 'private' | 'nonprofit';
}

export interface SignUpInput {
  role: 'applicant' | 'representative';
  givenName: string;
  familyName: string;
  email: string;
  password: string;
  preferredLanguage: 'en' | 'es';
  secondFactor: SecondFactorMethod;
  /** E.164; only when text messages are the second step. */
  phone: string | null;
  representative: RepresentativeProfileInput | null;
}

export type SignUpErrors = Partial<Record<SignUpField, string>>;

const clean = (value: string | undefined) => (value ?? '').trim();
const licenceNumber = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;

/**
 * Checks the posted form (FormData entries as an object). Each field gets its first problem as an
 * error code; a role other than applicant or representative is refused like a missing one.
 */
export function parseSignUp(
  raw: Record<string, unknown>,
  passwordCheck: PasswordCheck = passwordLengthProblem,
  texting: TextingRules = ANY_TEXTING,
): { ok: true; data: SignUpInput } | { ok: false; errors: SignUpErrors } {
  const errors: SignUpErrors = {};
  const parsed = rawSignUp.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SignUpField;
      errors[field] ??= issue.message;
    }
  }
  const text = (name: SignUpField) => clean(typeof raw[name] === 'string' ? (raw[name] as string) : undefined);

  if (!errors.password) {
    const password = typeof raw.password === 'string' ? raw.password : '';
    const email = errors.email ? undefined : text('email').toLowerCase();
    const problem = passwordCheck(password, { email });
    if (problem) errors.password = problem;
  }

  let phone: string | null = null;
  // The conditional fields are judged on what was posted, so a mistake elsewhere does not hide theirs.
  if (raw.secondFactor === 'sms' && !texting.offered) errors.secondFactor = 'unavailable';
  else if (raw.secondFactor === 'sms') {
    const typed = text('phone');
    if (!typed) errors.phone = 'required';
    else if (typed.length > 40 || !(phone = normalisePhoneNumber(typed))) errors.phone = 'invalid';
    else if (textNumberProblem(phone, texting)) errors.phone = 'not_us';
  }

  let representative: RepresentativeProfileInput | null = null;
  if (raw.role === 'representative') {
    const kind = text('representativeKind');
    if (kind !== 'attorney' && kind !== 'accredited_representative') errors.representativeKind = 'required';
    const barNumber = text('barNumber');
    const licensingState = text('licensingState');
    const accreditationNumber = text('accreditationNumber');
    if (kind === 'attorney') {
      if (!barNumber) errors.barNumber = 'required';
      else if (barNumber.length > LICENCE_NUMBER_MAX) errors.barNumber = 'too_long';
      else if (!licenceNumber.test(barNumber)) errors.barNumber = 'invalid';
      if (!licensingState) errors.licensingState = 'required';
      else if (!(US_STATES_AND_TERRITORIES as readonly string[]).includes(licensingState)) errors.licensingState = 'invalid';
    }
    if (kind === 'accredited_representative') {
      if (!accreditationNumber) errors.accreditationNumber = 'required';
      else if (accreditationNumber.length > LICENCE_NUMBER_MAX) errors.accreditationNumber = 'too_long';
      else if (!licenceNumber.test(accreditationNumber)) errors.accreditationNumber = 'invalid';
    }
    const organisation = text('organisation');
    if (!organisation) errors.organisation = 'required';
    else if (organisation.length > ORGANISATION_MAX) errors.organisation = 'too_long';
    const sector = text('sector');
    if (sector !== 'private' && sector !== 'nonprofit') errors.sector = 'required';
    if (Object.keys(errors).length === 0) {
      representative = {
        kind: kind as RepresentativeProfileInput['kind'],
        barNumber: kind === 'attorney' ? barNumber : null,
        licensingState: kind === 'attorney' ? (licensingState as UsState) : null,
        accreditationNumber: kind === 'accredited_representative' ? accreditationNumber : null,
        organisation,
        sector: sector as RepresentativeProfileInput['sector'],
      };
    }
  }

  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = parsed.data;
  return {
    ok: true,
    data: {
      role: data.role,
      givenName: data.givenName,
      familyName: data.familyName,
      email: data.email,
      password: data.password,
      preferredLanguage: data.preferredLanguage,
      secondFactor: data.secondFactor,
      phone: data.secondFactor === 'sms' ? phone : null,
      representative,
    },
  };
}

/** What was typed, to render back after a failed submit: every field but the password, cut to a sane length. */
export function keptSignUpValues(raw: Record<string, unknown>): Partial<Record<SignUpField, string>> {
  const values: Partial<Record<SignUpField, string>> = {};
  for (const field of KEPT_SIGN_UP_FIELDS) {
    const value = raw[field];
    if (typeof value === 'string' && value !== '') values[field] = value.slice(0, 500);
  }
  return values;
}

/** The second-step choice on its own (after sign-up or when changing it in settings). */
export type SecondFactorChoice = { method: 'totp' } | { method: 'email' } | { method: 'sms'; phone: string };
export type SecondFactorChoiceErrors = Partial<Record<'secondFactor' | 'phone', string>>;

export function parseSecondFactorChoice(
  raw: Record<string, unknown>,
  texting: TextingRules = ANY_TEXTING,
): { ok: true; data: SecondFactorChoice } | { ok: false; errors: SecondFactorChoiceErrors } {
  const method = raw.secondFactor;
  if (method !== 'totp' && method !== 'email' && method !== 'sms') return { ok: false, errors: { secondFactor: 'required' } };
  if (method !== 'sms') return { ok: true, data: { method } };
  if (!texting.offered) return { ok: false, errors: { secondFactor: 'unavailable' } };
  const typed = typeof raw.phone === 'string' ? raw.phone.trim() : '';
  if (!typed) return { ok: false, errors: { phone: 'required' } };
  const phone = typed.length <= 40 ? normalisePhoneNumber(typed) : null;
  if (!phone) return { ok: false, errors: { phone: 'invalid' } };
  const problem = textNumberProblem(phone, texting);
  return problem ? { ok: false, errors: { phone: problem } } : { ok: true, data: { method, phone } };
}

/** A six-digit code as people type or paste it: spaces and dashes are ignored. */
export function parseSixDigitCode(raw: unknown): { ok: true; code: string } | { ok: false; error: 'required' | 'invalid' } {
  const typed = typeof raw === 'string' ? raw.replace(/[\s-]/g, '') : '';
  if (!typed) return { ok: false, error: 'required' };
  return /^\d{6}$/.test(typed) ? { ok: true, code: typed } : { ok: false, error: 'invalid' };
}

/** Where a message code of a sign-up field lives in the catalogue. */
export function signUpErrorKey(field: SignUpField, code: string): string {
  return (SECOND_FACTOR_FIELDS as readonly string[]).includes(field) ? `secondFactor.errors.${field}.${code}` : `signUp.errors.${field}.${code}`;
}

// The shapes the sign-up actions answer with. Messages are translated; `attempt` counts submits so
// the error summary and the fields mount afresh (React 19 resets uncontrolled fields after an action).

export interface SignUpFormState {
  attempt: number;
  fieldErrors?: Partial<Record<SignUpField, string>>;
  formError?: string;
  /** What was typed (never the password), rendered back as default values. */
  values: Partial<Record<SignUpField, string>>;
}

export interface CodeFormState {
  attempt: number;
  fieldErrors?: Partial<Record<'code', string>>;
  formError?: string;
}

export interface ChoiceFormState {
  attempt: number;
  fieldErrors?: Partial<Record<'secondFactor' | 'phone', string>>;
  values: Partial<Record<'secondFactor' | 'phone', string>>;
}

export interface ResendFormState {
  attempt: number;
  outcome: 'none' | 'sent' | 'throttled';
  message?: string;
}

export interface ConfirmSavedFormState {
  attempt: number;
  fieldErrors?: Partial<Record<'saved', string>>;
}

/** E.164 as people read it: national format for US numbers ("(602) 555-0143"), international for others. */
export function formatPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'US' ? parsed.formatNational() : parsed.formatInternational();
}
