/**
 * One line of a case import (`npm run cases:import`): a JSON object describing a case as the
 * agency's case system knows it, with its status history. Parsing is pure: it needs only "now" and
 * the zone whose calendar decides what "today" is, so every rule is testable without a store.
 *
 * A refused line gets a reason an operator can act on without opening the code: the field's path,
 * then the rule (`receiptNumber: must be 3 letters and 10 digits, e.g. IOE0912345678`). Reasons
 * never repeat what was typed, so a file full of personal data can be reported on safely.
 */
import { z } from 'zod';
import { US_STATES_AND_TERRITORIES } from '@/lib/auth/sign-up-schema';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { RECEIPT_NUMBER_EXAMPLE, RECEIPT_PREFIXES, normaliseReceiptNumber } from './receipt-number';
import { CASE_STATUS_KEYS, CASE_STATUS_TITLES, isCaseStatusKey, type CaseStatusKey } from './status-catalogue';
import { hasUnprintable, PERSON_NAME_MAX } from '@/lib/people/person-name';

export const CASE_IMPORT_LIMITS = {
  /** Characters in one line of the file; a longer line is refused before it is parsed. */
  line: 100_000,
  formType: 12,
  classification: 120,
  name: PERSON_NAME_MAX,
  street: 200,
  city: 100,
  email: 254,
  eventKey: 120,
  status: 120,
  note: 1_000,
  events: 500,
} as const;

/** Status dates are posted overnight; 14:00 UTC falls on the same calendar day in every U.S. zone. */
export function instantOfStatusDate(isoDate: string): Date {
  return new Date(`${isoDate}T14:00:00.000Z`);
}

/** A status key, or its English title exactly as the catalogue spells it ("Case Was Approved"). */
export function caseStatusKeyOf(input: string): CaseStatusKey | null {
  if (isCaseStatusKey(input)) return input;
  return CASE_STATUS_KEYS.find((key) => CASE_STATUS_TITLES[key] === input) ?? null;
}

// Military "states" of APO/FPO addresses, where applicants serving abroad receive mail.
const POSTAL_STATES: readonly string[] = [...US_STATES_AND_TERRITORIES, 'AA', 'AE', 'AP'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a YYYY-MM-DD date is refused, or null when it is a real date from 1900 up to today. */
export function calendarDateProblem(value: string, today: string): string | null {
  if (!ISO_DATE.test(value)) return 'must be a date as YYYY-MM-DD, e.g. 2026-02-20';
  const [year, month, day] = value.split('-').map(Number);
  // First, because Date.UTC reads the years 0 to 99 as 1900 to 1999.
  if (year < 1900) return 'must be in 1900 or later';
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'is not a real calendar date';
  }
  if (value > today) return 'must not be in the future';
  return null;
}

const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}`;

/** Trimmed single-line text of 1 to `max` characters. */
function text(max: number) {
  return z
    .string({ error: typeError('text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasUnprintable(value), 'must not contain control characters')
    .transform((value) => value.normalize('NFC'));
}

/** The same, but absent, null and blank all mean "none"; a note may run over several lines. */
function optionalText(max: number, allowLineBreaks = false) {
  return z
    .string({ error: typeError('text or null') })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasUnprintable(allowLineBreaks ? value.replace(/\r?\n/g, ' ') : value), 'must not contain control characters')
    .transform((value) => value.normalize('NFC') || null)
    .nullish()
    .transform((value) => value ?? null);
}

function flag() {
  return z.boolean({ error: typeError('true or false') }).default(false);
}

function calendarDate(today: string) {
  return z.string({ error: typeError('a date as YYYY-MM-DD') }).superRefine((value, ctx) => {
    const problem = calendarDateProblem(value, today);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const receiptNumber = z
  .string({ error: typeError('text') })
  .max(40, `must be 3 letters and 10 digits, e.g. ${RECEIPT_NUMBER_EXAMPLE}`)
  .transform((value, ctx) => {
    const normalised = normaliseReceiptNumber(value);
    if (normalised) return normalised;
    const bare = value.toUpperCase().replace(/[\s-]/g, '');
    // Echoing three letters is safe and tells the operator exactly what is wrong.
    ctx.addIssue({
      code: 'custom',
      message: /^[A-Z]{3}\d{10}$/.test(bare)
        ? `prefix ${bare.slice(0, 3)} is not in use (${RECEIPT_PREFIXES.join(', ')})`
        : `must be 3 letters and 10 digits, e.g. ${RECEIPT_NUMBER_EXAMPLE}`,
    });
    return z.NEVER;
  });

const formType = z
  .string({ error: typeError('text') })
  .trim()
  .max(CASE_IMPORT_LIMITS.formType, 'must be a form number such as I-130 or N-400')
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{1,2}-\d{1,4}[A-Z]{0,2}$/.test(value), 'must be a form number such as I-130 or N-400');

const officeCode = z
  .string({ error: typeError('text') })
  .trim()
  .max(3, 'must be a 3-letter field office code, e.g. PHO')
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{3}$/.test(value), 'must be a 3-letter field office code, e.g. PHO');

const aNumber = z
  .string({ error: typeError('text or null') })
  .max(20, 'must be "A" and 8 or 9 digits, e.g. A012345678')
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .refine((value) => /^A\d{8,9}$/.test(value), 'must be "A" and 8 or 9 digits, e.g. A012345678')
  .nullish()
  .transform((value) => value ?? null);

const emailFormat = z.email();
const email = z
  .string({ error: typeError('an email address or null') })
  .trim()
  .max(CASE_IMPORT_LIMITS.email, `must be at most ${CASE_IMPORT_LIMITS.email} characters`)
  .transform((value) => value.toLowerCase() || null)
  .refine((value) => value === null || emailFormat.safeParse(value).success, 'must be an email address, e.g. name@example.com')
  .nullish()
  .transform((value) => value ?? null);

const mailingAddress = z.object(
  {
    street: text(CASE_IMPORT_LIMITS.street),
    city: text(CASE_IMPORT_LIMITS.city),
    state: z
      .string({ error: typeError('a USPS state code, e.g. AZ') })
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => POSTAL_STATES.includes(value), 'must be a USPS state or territory code, e.g. AZ'),
    zip: z
      .string({ error: typeError('a ZIP code, e.g. 85004') })
      .trim()
      .refine((value) => /^\d{5}(-\d{4})?$/.test(value), 'must be a ZIP code, e.g. 85004 or 85004-1234'),
  },
  { error: typeError('an object with street, city, state and zip') },
);

const status = z
  .string({ error: typeError('a status') })
  .trim()
  .max(CASE_IMPORT_LIMITS.status, 'must be a status key such as case_was_approved or its title such as "Case Was Approved"')
  .transform((value, ctx) => {
    const key = caseStatusKeyOf(value);
    if (key) return key;
    ctx.addIssue({ code: 'custom', message: 'must be a status key such as case_was_approved or its title such as "Case Was Approved"' });
    return z.NEVER;
  });

export interface ImportContext {
  /** The moment of the import: nothing may have happened after it. */
  now: Date;
  /** Whose calendar decides "today" and the date of an event given as an instant. */
  timeZone: string;
}

export interface ImportedStatusEvent {
  key: string;
  status: CaseStatusKey;
  occurredAt: Date;
  /** The calendar date of the event, as the notice about it prints it. */
  date: string;
  note: string | null;
}

const isoInstant = z.iso.datetime({ offset: true });

function statusEvent({ now, timeZone }: ImportContext) {
  const today = isoDateInZone(now, timeZone);
  const instant = z
    .string({ error: typeError('an ISO instant such as 2026-03-02T15:00:00Z') })
    .refine((value) => isoInstant.safeParse(value).success, 'must be an ISO instant such as 2026-03-02T15:00:00Z')
    .transform((value) => new Date(value))
    .refine((value) => value.getUTCFullYear() >= 1900, 'must be in 1900 or later')
    .refine((value) => value.getTime() <= now.getTime(), 'must not be in the future');

  return z
    .object(
      {
        key: optionalText(CASE_IMPORT_LIMITS.eventKey),
        status,
        date: calendarDate(today).optional(),
        occurredAt: instant.optional(),
        note: optionalText(CASE_IMPORT_LIMITS.note, true),
      },
      { error: typeError('an object with a status and a date') },
    )
    .superRefine((event, ctx) => {
      if (event.date === undefined && event.occurredAt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'is required (YYYY-MM-DD), unless occurredAt gives an ISO instant' });
      }
      if (event.date !== undefined && event.occurredAt !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'must not be given together with date: give one or the other' });
      }
    })
    .transform((event): ImportedStatusEvent => {
      const date = event.date ?? isoDateInZone(event.occurredAt!, timeZone);
      return {
        // The case system's own key when it has one; otherwise one status per day, as the seed keys them.
        key: event.key ?? `${event.status}:${date}`,
        status: event.status,
        occurredAt: event.occurredAt ?? instantOfStatusDate(date),
        date,
        note: event.note,
      };
    });
}

/** The schema of one line, for an import running at `context.now`. */
export function caseImportLineSchema(context: ImportContext) {
  const today = isoDateInZone(context.now, context.timeZone);
  return z
    .object(
      {
        receiptNumber,
        formType,
        classification: optionalText(CASE_IMPORT_LIMITS.classification),
        receiptDate: calendarDate(today),
        officeCode,
        biometricsRequired: flag(),
        interviewRequired: flag(),
        applicant: z.object(
          {
            givenName: text(CASE_IMPORT_LIMITS.name),
            familyName: text(CASE_IMPORT_LIMITS.name),
            dateOfBirth: calendarDate(today),
            aNumber,
            email,
            mailingAddress,
          },
          { error: typeError('an object') },
        ),
        channelOfRecord: z.enum(['mail', 'email'], { error: 'must be "mail" or "email"' }).default('mail'),
        representativeOfRecord: flag(),
        events: z
          .array(statusEvent(context), { error: typeError('a list of status events') })
          .max(CASE_IMPORT_LIMITS.events, `must have at most ${CASE_IMPORT_LIMITS.events} events`)
          .default([]),
      },
      { error: 'must be a JSON object' },
    )
    .superRefine((line, ctx) => {
      if (line.channelOfRecord === 'email' && !line.applicant.email) {
        ctx.addIssue({ code: 'custom', path: ['channelOfRecord'], message: 'is "email", which needs applicant.email' });
      }
      const seen = new Map<string, number>();
      line.events.forEach((event, index) => {
        const earlier = seen.get(event.key);
        if (earlier !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['events', index, 'key'], message: `repeats the key of events[${earlier}]` });
        } else {
          seen.set(event.key, index);
        }
      });
    });
}

export type CaseImportLine = z.output<ReturnType<typeof caseImportLineSchema>>;

export type ParsedImportLine = { ok: true; data: CaseImportLine } | { ok: false; reason: string };

/** How many problems one reason lists before it summarises the rest. */
const REASONS_SHOWN = 3;

/** Parses one line of the file (blank lines are the caller's to skip). */
export function parseCaseImportLine(line: string, context: ImportContext): ParsedImportLine {
  if (line.length > CASE_IMPORT_LIMITS.line) return { ok: false, reason: `is longer than ${CASE_IMPORT_LIMITS.line} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    // The parser's own message quotes the line, which may hold personal data.
    return { ok: false, reason: 'is not valid JSON' };
  }
  const parsed = caseImportLineSchema(context).safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, reason: describeIssues(parsed.error.issues) };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  // One problem per field is enough to act on; the first is the most basic (type before format).
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = fieldPath(issue.path);
    if (!byField.has(field)) byField.set(field, field ? `${field}: ${issue.message}` : issue.message);
  }
  const problems = [...byField.values()];
  const shown = problems.slice(0, REASONS_SHOWN).join('; ');
  const more = problems.length - REASONS_SHOWN;
  return more > 0 ? `${shown}; and ${more} more problem${more === 1 ? '' : 's'}` : shown;
}

/** ['events', 2, 'status'] → "events[2].status". */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (joined, part) => (typeof part === 'number' ? `${joined}[${part}]` : joined ? `${joined}.${String(part)}` : String(part)),
    '',
  );
}
