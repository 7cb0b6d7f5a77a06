/**
 * Accounts with many linked cases, for the signed-in rows: a fresh account (its own address, so no
 * other row's codes or throttles touch it) and its cases, each with a status history and an active
 * link, written in one transaction with the portal's own tables into the store the server under
 * test uses. The cases look like real ones: receipt numbers of the form's usual centres, forms and
 * outcomes mixed, histories that tell a plausible story, and clients with one to four cases each.
 */
import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { CaseState, MailingAddress } from '../../db/columns';
import { createRandom, seedFrom, type Random } from '../../db/seed/random';
import { hashPassword } from '../../lib/auth/password';
import type { CaseStatusKey } from '../../lib/cases/status-catalogue';
import { coversForm } from '../../lib/progress/forms';
import { storeAt, tablesOf, writeTransaction } from './store-handles';

/** At least 12 characters and not a common password, like any the portal accepts. */
export const BENCH_PASSWORD = 'Bench-lantern-river-2026';

export interface LinkedCasesOptions {
  role: 'applicant' | 'representative';
  cases: number;
  /**
   * Distinct people the cases are about. An applicant's cases are all their own (1); a
   * representative's clients each have one to four cases.
   */
  clients: number;
}

export interface LinkedCases {
  userId: number;
  email: string;
  password: string;
  /** Every receipt number made, in the order the cases were planned. */
  receiptNumbers: string[];
  /** A case with a status history of six events. */
  caseWithLongestHistory: string;
  /** A pending case of a form myProgress estimates (null when none was planned). */
  pendingForProgress: string | null;
}

interface Person {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  aNumber: string | null;
  mailingAddress: MailingAddress;
}

interface PlannedCase {
  receiptNumber: string;
  formType: string;
  classification: string | null;
  receiptDate: string;
  biometricsRequired: boolean;
  interviewRequired: boolean;
  state: CaseState;
  person: Person;
  events: { status: CaseStatusKey; on: string }[];
}

const DAY_MS = 86_400_000;

/** Forms, how often each comes up, the centres that receipt it, and its classifications. */
const FORMS: { form: string; weight: number; prefixes: string[]; classifications: (string | null)[] }[] = [
  { form: 'I-485', weight: 18, prefixes: ['MSC', 'NBC', 'IOE'], classifications: ['Family-based', 'Employment-based', 'Based on asylum granted more than one year ago'] },
  { form: 'I-765', weight: 18, prefixes: ['IOE', 'MSC', 'EAC', 'WAC', 'LIN', 'SRC', 'YSC'], classifications: ['Based on a pending I-485 (c)(9)', 'Based on parole', 'Based on a pending asylum application', 'All other employment authorization'] },
  { form: 'I-130', weight: 14, prefixes: ['IOE', 'MSC', 'NBC', 'EAC', 'WAC', 'LIN', 'SRC'], classifications: ['Immediate relative'] },
  { form: 'N-400', weight: 14, prefixes: ['IOE', 'NBC', 'MSC'], classifications: ['All other applications for naturalization', 'Military naturalization'] },
  { form: 'I-131', weight: 10, prefixes: ['MSC', 'NBC', 'IOE', 'EAC'], classifications: ['Advance parole document'] },
  { form: 'I-90', weight: 8, prefixes: ['IOE', 'MSC'], classifications: ['Replacement or renewal of permanent resident card'] },
  { form: 'I-821', weight: 8, prefixes: ['EAC', 'WAC', 'LIN', 'SRC', 'IOE'], classifications: ['Request to register for TPS'] },
  { form: 'I-129', weight: 6, prefixes: ['EAC', 'WAC', 'LIN', 'SRC', 'IOE'], classifications: ['H-1B specialty occupation', 'L-1 intracompany transferee'] },
  { form: 'I-600A', weight: 2, prefixes: ['NBC', 'MSC'], classifications: [null] },
  { form: 'I-134A', weight: 2, prefixes: ['IOE'], classifications: [null] },
];
const BIOMETRICS = new Set(['N-400', 'I-485', 'I-90', 'I-821', 'I-600A']);
const INTERVIEW = new Set(['N-400', 'I-485']);
const CARD_FORMS = new Set(['I-90', 'I-485', 'I-765']);

const GIVEN_NAMES = [
  'Fatima', 'Jorge', 'Priya', 'Dmitri', 'Amina', 'Carlos', 'Hye-jin', 'Jean-Baptiste', 'Sofia', 'Ahmed',
  'Grace', 'Luis', 'Nadia', 'Tomás', 'Ifeoma', 'Arjun', 'Yesenia', 'Mohammed', 'Olena', 'Kwame',
  'Rosa', 'Daniel', 'Marisol', 'Wei', 'Alejandro', 'Leila', 'Samuel', 'Ana María', 'Bilal', 'Elena',
  'Francisco', 'Hana', 'José', 'Ngozi', 'Patricia', 'Rajesh', 'Yolanda', 'Emmanuel', 'Mariam', 'Andrés',
  'Valentina', 'Kenji', 'Esperanza', 'Hassan', 'Isabel', 'Tariq', 'Chinonso', 'Gabriela', 'Viktor', 'Zainab',
  'Thi Lan', 'Rubén', 'Aisha', 'Mateo', 'Nkechi', 'Irina', 'Óscar', 'Farah', 'Diego', 'Mei Ling',
];
const FAMILY_NAMES = [
  'Rahman', 'Castillo', 'Raman', 'Volkov', 'Yusuf', 'Mejía', 'Park', 'Louis', 'Kowalski', 'Farouk',
  'Mensah', 'Ortega', 'Karimi', 'Reyes', 'Okeke', 'Mehta', 'Flores', 'Al-Sayed', 'Shevchenko', 'Boateng',
  'Jiménez', 'Tesfaye', 'Quintero', 'Zhang', 'Vargas', 'Nazari', 'Pierre', 'Gutiérrez', 'Siddiqui', 'Petrova',
  'Morales', 'Kim', 'Ramírez', 'Eze', 'Domínguez', 'Iyer', 'Cruz', 'Joseph', 'Abdi', 'Salazar',
  'Rossi', 'Watanabe', 'Luna', 'Warsame', 'Navarro', 'Hussain', 'Obi', 'Paredes', 'Lindqvist', 'Bello',
  'Nguyen', 'de la Cruz', 'Haddad', 'Sánchez', 'Adeyemi', 'Ivanova', 'Peña', 'Chaudhry', 'Herrera', 'Chen',
];
const PLACES: Omit<MailingAddress, 'street'>[] = [
  { city: 'Phoenix', state: 'AZ', zip: '85016' }, { city: 'Houston', state: 'TX', zip: '77036' }, { city: 'Miami', state: 'FL', zip: '33135' },
  { city: 'Los Angeles', state: 'CA', zip: '90026' }, { city: 'Chicago', state: 'IL', zip: '60625' }, { city: 'Queens', state: 'NY', zip: '11372' },
  { city: 'Atlanta', state: 'GA', zip: '30340' }, { city: 'Seattle', state: 'WA', zip: '98118' }, { city: 'Denver', state: 'CO', zip: '80219' },
  { city: 'San Juan', state: 'PR', zip: '00907' }, { city: 'Dallas', state: 'TX', zip: '75228' }, { city: 'San Jose', state: 'CA', zip: '95122' },
];
const STREETS = ['N 24th St', 'Bellaire Blvd', 'SW 8th St', 'Sunset Blvd', 'N Lincoln Ave', 'Roosevelt Ave', 'Buford Hwy', 'Rainier Ave S', 'W Alameda Ave', 'Calle Loíza', 'Ferguson Rd', 'Story Rd'];

/** Creates the account and its cases; returns how to sign in and the receipt numbers made. */
export async function createAccountWithLinkedCases(storeUrl: string, options: LinkedCasesOptions): Promise<LinkedCases> {
  const store = storeAt(storeUrl);
  const { users, representativeProfiles, fieldOffices, cases, caseStatusEvents, caseLinks, auditLog } = tablesOf(store);
  const tag = randomBytes(5).toString('hex');
  const email = `bench-${options.role}-${tag}@example.com`;
  const random = createRandom(seedFrom('bench-linked-cases', tag));
  const now = new Date();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const holder = person(random, now);
  const people = options.role === 'applicant' ? [holder] : distinctPeople(random, now, options.clients);
  const plans = planCases(random, now, people, options.cases);

  const userId = await writeTransaction(store, async (tx) => {
    const offices = await tx.select({ id: fieldOffices.id }).from(fieldOffices);
    if (offices.length === 0) throw new Error('the store has no field offices: was it seeded?');
    // Receipt numbers are random: draw again for any the store already holds (the demo data's).
    for (;;) {
      const taken = await tx.select({ receiptNumber: cases.receiptNumber }).from(cases).where(inArray(cases.receiptNumber, plans.map((p) => p.receiptNumber)));
      if (taken.length === 0) break;
      const used = new Set(plans.map((p) => p.receiptNumber));
      for (const plan of plans.filter((p) => taken.some((t) => t.receiptNumber === p.receiptNumber))) {
        plan.receiptNumber = freshReceiptNumber(random, plan.formType, plan.receiptDate, used);
      }
    }

    const [user] = await tx
      .insert(users)
      .values({
        email,
        emailVerifiedAt: now,
        passwordHash,
        role: options.role,
        givenName: options.role === 'applicant' ? holder.givenName : random.pick(GIVEN_NAMES),
        familyName: options.role === 'applicant' ? holder.familyName : random.pick(FAMILY_NAMES),
        phone: null,
        preferredLanguage: 'en',
        notificationChannel: 'email',
        secondFactor: 'email',
        createdAt: new Date(now.getTime() - 400 * DAY_MS),
        updatedAt: now,
      })
      .returning({ id: users.id });
    if (options.role === 'representative') {
      await tx.insert(representativeProfiles).values({
        userId: user.id,
        kind: 'attorney',
        barNumber: String(random.int(100_000, 999_999)),
        licensingState: 'AZ',
        accreditationNumber: null,
        organisation: 'Desert Bridge Immigration Law',
        sector: 'private',
      });
    }

    const caseRows = await tx
      .insert(cases)
      .values(
        plans.map((plan) => {
          const last = plan.events[plan.events.length - 1];
          return {
            receiptNumber: plan.receiptNumber,
            formType: plan.formType,
            classification: plan.classification,
            receiptDate: plan.receiptDate,
            fieldOfficeId: random.pick(offices).id,
            biometricsRequired: plan.biometricsRequired,
            interviewRequired: plan.interviewRequired,
            state: plan.state,
            applicantGivenName: plan.person.givenName,
            applicantFamilyName: plan.person.familyName,
            applicantDateOfBirth: plan.person.dateOfBirth,
            aNumber: plan.person.aNumber,
            mailingAddress: plan.person.mailingAddress,
            applicantEmail: null,
            channelOfRecord: 'mail' as const,
            representativeOfRecord: options.role === 'representative',
            latestStatus: last.status,
            latestStatusAt: instantOn(last.on),
            createdAt: instantOn(plan.receiptDate),
            updatedAt: instantOn(last.on),
          };
        }),
      )
      .returning({ id: cases.id, receiptNumber: cases.receiptNumber });
    const idOf = new Map(caseRows.map((row) => [row.receiptNumber, row.id]));

    await tx.insert(caseStatusEvents).values(
      plans.flatMap((plan) =>
        plan.events.map((event) => ({
          caseId: idOf.get(plan.receiptNumber)!,
          eventKey: `${event.status}:${event.on}`,
          status: event.status,
          occurredAt: instantOn(event.on),
          createdAt: instantOn(event.on),
        })),
      ),
    );
    // Linked after the receipt, before today; recorded in the audit log as the portal records every link.
    const links = plans.map((plan) => {
      const received = instantOn(plan.receiptDate).getTime();
      return { caseId: idOf.get(plan.receiptNumber)!, receiptNumber: plan.receiptNumber, linkedAt: new Date(received + random.next() * (now.getTime() - received)) };
    });
    await tx.insert(caseLinks).values(links.map(({ caseId, linkedAt }) => ({ caseId, userId: user.id, role: options.role, linkedAt })));
    await tx.insert(auditLog).values(
      links.map(({ receiptNumber, linkedAt }) => ({
        at: linkedAt,
        actorId: user.id,
        actorRole: options.role,
        onBehalfOfId: null,
        action: 'case.link',
        objectType: 'case',
        objectId: receiptNumber,
        outcome: 'success' as const,
        detail: { linkedAs: options.role, codeAudience: options.role },
        requestId: null,
      })),
    );
    return user.id;
  });

  const longest = plans.find((plan) => plan.events.length === 6) ?? [...plans].sort((a, b) => b.events.length - a.events.length)[0];
  const forProgress = plans.find((plan) => plan.state === 'pending' && plan.classification !== null && coversForm(plan.formType) && plan.events.some((e) => e.status === 'fingerprints_were_taken'));
  return {
    userId,
    email,
    password: BENCH_PASSWORD,
    receiptNumbers: plans.map((p) => p.receiptNumber),
    caseWithLongestHistory: longest.receiptNumber,
    pendingForProgress: forProgress?.receiptNumber ?? null,
  };
}

/** Status dates are posted overnight; 14:00 UTC falls on the same calendar day in every U.S. zone. */
const instantOn = (isoDate: string) => new Date(`${isoDate}T14:00:00.000Z`);
const isoDate = (at: Date) => at.toISOString().slice(0, 10);
const daysBefore = (now: Date, days: number) => isoDate(new Date(now.getTime() - days * DAY_MS));
const digits = (random: Random, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');

function person(random: Random, now: Date, name?: { givenName: string; familyName: string }): Person {
  const place = random.pick(PLACES);
  return {
    givenName: name?.givenName ?? random.pick(GIVEN_NAMES),
    familyName: name?.familyName ?? random.pick(FAMILY_NAMES),
    dateOfBirth: daysBefore(now, random.int(18 * 365, 75 * 365)),
    aNumber: random.chance(0.7) ? `A${random.int(200_000_000, 249_999_999)}` : null,
    mailingAddress: { street: `${random.int(100, 9999)} ${random.pick(STREETS)}${random.chance(0.4) ? ` Apt ${random.int(1, 40)}` : ''}`, ...place },
  };
}

/** `count` people with distinct names. */
function distinctPeople(random: Random, now: Date, count: number): Person[] {
  if (count > GIVEN_NAMES.length * FAMILY_NAMES.length) throw new Error(`at most ${GIVEN_NAMES.length * FAMILY_NAMES.length} distinct clients`);
  const names = new Set<string>();
  const people: Person[] = [];
  while (people.length < count) {
    const name = { givenName: random.pick(GIVEN_NAMES), familyName: random.pick(FAMILY_NAMES) };
    const key = `${name.givenName}|${name.familyName}`;
    if (names.has(key)) continue;
    names.add(key);
    people.push(person(random, now, name));
  }
  return people;
}

/** `total` cases over `people`: everyone has at least one, some up to four (families file several forms). */
function planCases(random: Random, now: Date, people: Person[], total: number): PlannedCase[] {
  if (people.length > total) throw new Error(`${people.length} clients cannot share ${total} cases`);
  const owners = [...people];
  const countOf = new Map(people.map((p) => [p, 1]));
  const maxEach = people.length === 1 ? total : 4;
  while (owners.length < total) {
    const candidate = random.pick(people);
    if (countOf.get(candidate)! >= maxEach) continue;
    countOf.set(candidate, countOf.get(candidate)! + 1);
    owners.push(candidate);
  }
  const used = new Set<string>();
  return owners.map((owner) => {
    const { form, prefixes, classifications } = FORMS[random.weighted(FORMS.map((f) => f.weight))];
    const age = random.int(8, 900);
    const receiptDate = daysBefore(now, age);
    const biometricsRequired = BIOMETRICS.has(form);
    const interviewRequired = INTERVIEW.has(form) && random.chance(0.8);
    const { state, events } = history(random, now, { form, receiptDate, age, biometricsRequired, interviewRequired });
    return {
      receiptNumber: freshReceiptNumber(random, form, receiptDate, used, prefixes),
      formType: form,
      classification: random.pick(classifications),
      receiptDate,
      biometricsRequired,
      interviewRequired,
      state,
      person: owner,
      events,
    };
  });
}

/** The centre's three letters, the fiscal year's last two digits, eight more digits; not in `used`. */
function freshReceiptNumber(random: Random, form: string, receiptDate: string, used: Set<string>, prefixes = FORMS.find((f) => f.form === form)!.prefixes): string {
  const [year, month] = receiptDate.split('-').map(Number);
  const fiscalYear = String((month >= 10 ? year + 1 : year) % 100).padStart(2, '0');
  for (;;) {
    const receipt = `${random.pick(prefixes)}${fiscalYear}${digits(random, 8)}`;
    if (!used.has(receipt)) {
      used.add(receipt);
      return receipt;
    }
  }
}

/** Three to six status events, in order, that end in the case's state. */
function history(
  random: Random,
  now: Date,
  facts: { form: string; receiptDate: string; age: number; biometricsRequired: boolean; interviewRequired: boolean },
): { state: CaseState; events: { status: CaseStatusKey; on: string }[] } {
  const roll = random.next();
  // Old cases are mostly decided; recent ones mostly pending.
  const decided = facts.age > 120 && roll < 0.75;
  const state: CaseState = !decided ? 'pending' : roll < 0.55 ? 'approved' : roll < 0.7 ? 'denied' : 'withdrawn';

  const steps: CaseStatusKey[] = ['case_was_received'];
  if (facts.biometricsRequired) steps.push('biometrics_appointment_was_scheduled', 'fingerprints_were_taken');
  if (random.chance(0.15)) steps.push('case_was_transferred');
  steps.push('case_is_being_actively_reviewed');
  const rfe = random.chance(0.3);
  if (rfe) steps.push('request_for_evidence_was_sent', 'response_to_rfe_was_received');
  if (facts.interviewRequired) steps.push('interview_was_scheduled', 'interview_was_completed');

  let statuses: CaseStatusKey[];
  if (state === 'pending') {
    // Somewhere along the way: the latest step is where the case stands today.
    const length = Math.min(steps.length, random.int(3, 6));
    statuses = steps.slice(0, length);
    if (statuses.length < 3) statuses.push('case_remains_pending');
  } else {
    const ending: CaseStatusKey[] =
      state === 'approved'
        ? facts.form === 'N-400'
          ? ['case_was_approved', 'oath_ceremony_was_scheduled']
          : CARD_FORMS.has(facts.form)
            ? ['case_was_approved', 'new_card_is_being_produced', 'card_was_mailed'].slice(0, random.int(1, 3)) as CaseStatusKey[]
            : ['case_was_approved']
        : state === 'denied'
          ? ['case_was_denied']
          : ['withdrawal_acknowledgement_notice_was_sent'];
    // Keep the receipt and as many steps as fit in six events with the ending.
    const room = Math.max(2, random.int(3, 6) - ending.length);
    statuses = [...steps.slice(0, room), ...ending].slice(0, 6);
  }

  // Dates spread from the receipt to today (decided cases a while ago), one event per day at most.
  const spanDays = state === 'pending' ? facts.age : Math.max(statuses.length, Math.round(facts.age * (0.4 + random.next() * 0.5)));
  const offsets = new Set<number>([0]);
  while (offsets.size < statuses.length) offsets.add(random.int(1, Math.max(statuses.length, spanDays)));
  const sorted = [...offsets].sort((a, b) => a - b);
  const start = instantOn(facts.receiptDate).getTime();
  return {
    state,
    events: statuses.map((status, i) => ({ status, on: isoDate(new Date(Math.min(start + sorted[i] * DAY_MS, now.getTime()))) })),
  };
}
