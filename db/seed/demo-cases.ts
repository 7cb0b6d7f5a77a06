/**
 * The demo's cases, planned without a database: who filed what, where, when, what happened since,
 * who follows each case online, which cases still wait for their Account Access Notice to be used,
 * and the biometrics appointments already booked. Everything is relative to "now" and drawn from a
 * seeded generator, so the same clock gives the same cases.
 *
 * The stories are chosen to show each part of the portal: Ana's concurrently filed adjustment
 * package with a biometrics appointment she can reschedule; Lucía in Spanish; Rita's client list
 * with every kind of outcome, a case outside normal processing time, an appointment already
 * rescheduled twice, and an adoption case (never reschedulable online); cases waiting to be linked
 * by mail, by email (I-134A beneficiaries) and with a representative code; an expired code.
 */
import type { CaseState, MailingAddress } from '@/db/columns';
import type { CaseStatusKey } from '@/lib/cases/status-catalogue';
import { fiscalYearOf, fiscalYearRange } from '@/lib/calendar/fiscal-year';
import { addDays, epochDay, isoDateOfEpochDay, isoDateUtc } from '@/lib/calendar/iso-date';
import type { DemoAccountKey } from './demo-accounts';
import { DEMO_API_RECEIPT } from './demo-api-client';
import { FIELD_OFFICES } from './places';
import { createRandom, seedFrom, type Random } from './random';

export interface PlannedApplicant {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  aNumber: string | null;
  mailingAddress: MailingAddress;
  email: string | null;
}

export interface PlannedEvent {
  status: CaseStatusKey;
  on: string; // YYYY-MM-DD
}

export interface PlannedLink {
  account: DemoAccountKey;
  role: 'applicant' | 'representative';
  linkedOn: string;
}

export interface PlannedAppointment {
  ascCode: string;
  /** The nth day the ASC is open, counting from tomorrow (1 = the next opening day). */
  openingDay: number;
  localTime: string; // HH:MM
  rescheduleCount: number;
}

export interface PlannedCase {
  receiptNumber: string;
  formType: string;
  classification: string | null;
  receiptDate: string;
  officeCode: string;
  biometricsRequired: boolean;
  interviewRequired: boolean;
  state: CaseState;
  applicant: PlannedApplicant;
  channelOfRecord: 'mail' | 'email';
  representativeOfRecord: boolean;
  events: PlannedEvent[];
  links: PlannedLink[];
  /** Codes the agency issued on receipt and nobody has used yet. */
  codes: { audience: 'applicant' | 'representative'; issuedOn: string }[];
  appointment: PlannedAppointment | null;
}

type Outcome = 'pending' | 'approved' | 'denied' | 'withdrawn';

interface Story {
  key: string;
  form: string;
  classification: string | null;
  office: string;
  /** Days from receipt to today. */
  age: number;
  outcome: Outcome;
  /** Days from receipt to decision (decided cases). */
  decidedAfter?: number;
  /** Another story's key: filed in the same envelope, so same date and consecutive receipt numbers. */
  filedWith?: string;
  /** A receipt number that stays the same from day to day (the API quick start's case), instead of one drawn for the receipt date. */
  receiptNumber?: string;
  applicant?: Partial<PlannedApplicant> & { givenName: string; familyName: string };
  biometrics?: boolean;
  interview?: boolean;
  /** Steps that happened (pending cases show exactly these). */
  steps?: ('transferred' | 'reviewed' | 'rfe' | 'rfe_answered' | 'interview_scheduled' | 'interview_done' | 'remains_pending')[];
  appointment?: PlannedAppointment;
  links?: { account: DemoAccountKey; role: 'applicant' | 'representative'; after: number }[];
  representativeOfRecord?: boolean;
  /** Account Access Notices still to be used, issued `issuedAfter` days after receipt. */
  codes?: { audiences: ('applicant' | 'representative')[]; issuedAfter: number };
  email?: string;
}

/** Where each form is usually receipted (the three letters of its receipt number). */
const PREFIXES: Record<string, string[]> = {
  'N-400': ['IOE', 'NBC', 'MSC'],
  'I-485': ['MSC', 'NBC', 'IOE'],
  'I-765': ['IOE', 'MSC', 'EAC', 'WAC', 'LIN', 'SRC', 'YSC'],
  'I-130': ['IOE', 'MSC', 'NBC', 'EAC', 'WAC', 'LIN', 'SRC'],
  'I-90': ['IOE', 'MSC'],
  'I-131': ['MSC', 'NBC', 'IOE', 'EAC'],
  'I-821': ['EAC', 'WAC', 'LIN', 'SRC', 'IOE'],
  'I-129': ['EAC', 'WAC', 'LIN', 'SRC', 'IOE'],
  'I-134A': ['IOE'],
  'I-600A': ['NBC', 'MSC'],
};

/** Forms whose applicants give biometrics, and whose cases usually include an interview. */
const BIOMETRICS = new Set(['N-400', 'I-485', 'I-90', 'I-821', 'I-600A']);
const INTERVIEW = new Set(['N-400', 'I-485']);
const CARD_FORMS = new Set(['I-90', 'I-485', 'I-765']);
/** A typical time to decision, for background cases, in days. */
const TYPICAL_DAYS: Record<string, number> = {
  'N-400': 190, 'I-485': 260, 'I-765': 120, 'I-130': 340, 'I-90': 110, 'I-131': 150, 'I-821': 260, 'I-129': 60,
};
/** A classification for background cases of each form, as the processing-time series names them. */
const CLASSIFICATIONS: Record<string, string[]> = {
  'N-400': ['All other applications for naturalization'],
  'I-485': ['Family-based', 'Employment-based', 'All other adjustment of status'],
  'I-765': ['Based on a pending I-485 (c)(9)', 'All other employment authorization', 'Based on parole', 'Based on a pending asylum application'],
  'I-130': ['Immediate relative'],
  'I-90': ['Replacement or renewal of permanent resident card'],
  'I-131': ['Advance parole document'],
  'I-821': ['Request to register for TPS'],
  'I-129': ['H-1B specialty occupation', 'L-1 intracompany transferee'],
};

const NAMES: [string, string][] = [
  ['Fatima', 'Rahman'], ['Jorge', 'Castillo'], ['Priya', 'Raman'], ['Dmitri', 'Volkov'], ['Amina', 'Yusuf'],
  ['Carlos', 'Mejía'], ['Hye-jin', 'Park'], ['Jean-Baptiste', 'Louis'], ['Sofia', 'Kowalski'], ['Ahmed', 'Farouk'],
  ['Grace', 'Mensah'], ['Luis', 'Ortega'], ['Nadia', 'Karimi'], ['Tomás', 'Reyes'], ['Ifeoma', 'Okeke'],
  ['Arjun', 'Mehta'], ['Yesenia', 'Flores'], ['Mohammed', 'Al-Sayed'], ['Olena', 'Shevchenko'], ['Kwame', 'Boateng'],
  ['Rosa', 'Jiménez'], ['Daniel', 'Tesfaye'], ['Marisol', 'Quintero'], ['Wei', 'Zhang'], ['Alejandro', 'Vargas'],
  ['Leila', 'Nazari'], ['Samuel', 'Pierre'], ['Ana María', 'Gutiérrez'], ['Bilal', 'Siddiqui'], ['Elena', 'Petrova'],
  ['Francisco', 'Morales'], ['Hana', 'Kim'], ['José', 'Ramírez'], ['Ngozi', 'Eze'], ['Patricia', 'Domínguez'],
  ['Rajesh', 'Iyer'], ['Yolanda', 'Cruz'], ['Emmanuel', 'Joseph'], ['Mariam', 'Abdi'], ['Andrés', 'Salazar'],
  ['Valentina', 'Rossi'], ['Kenji', 'Watanabe'], ['Esperanza', 'Luna'], ['Hassan', 'Warsame'], ['Isabel', 'Navarro'],
  ['Tariq', 'Hussain'], ['Chinonso', 'Obi'], ['Gabriela', 'Paredes'], ['Viktor', 'Lindqvist'], ['Zainab', 'Bello'],
];

const ANA: Story['applicant'] = {
  givenName: 'Ana',
  familyName: 'Alvarez',
  dateOfBirth: '1988-04-12',
  aNumber: 'A215468903',
  mailingAddress: { street: '4102 N 24th St Apt 12', city: 'Phoenix', state: 'AZ', zip: '85016' },
};
const LUCIA: Story['applicant'] = {
  givenName: 'Lucía',
  familyName: 'Rojas Méndez',
  dateOfBirth: '1979-09-03',
  aNumber: 'A208771452',
  mailingAddress: { street: '1250 W 49th St Apt 210', city: 'Hialeah', state: 'FL', zip: '33012' },
};
const person = (givenName: string, familyName: string, extra: Partial<PlannedApplicant> = {}) => ({ givenName, familyName, ...extra });

const rita = (after: number) => ({ account: 'rita' as const, role: 'representative' as const, after });
const self = (account: DemoAccountKey, after: number) => ({ account, role: 'applicant' as const, after });

function stories(): Story[] {
  const miguel = person('Miguel', 'Hernández', { dateOfBirth: '1983-01-27' });
  const mei = person('Mei', 'Chen', { dateOfBirth: '1986-06-18' });
  const seun = person('Oluwaseun', 'Adeyemi', { dateOfBirth: '1991-11-05' });
  const thanh = person('Thanh', 'Nguyen', { dateOfBirth: '1975-02-14' });
  return [
    // Ana: an adjustment package filed in one envelope; biometrics booked and reschedulable.
    { key: 'ana-485', form: 'I-485', classification: 'Family-based', office: 'PHO', age: 45, outcome: 'pending', applicant: ANA,
      appointment: { ascCode: 'PHX', openingDay: 6, localTime: '09:30', rescheduleCount: 0 }, links: [self('ana', 12)] },
    { key: 'ana-765', filedWith: 'ana-485', form: 'I-765', classification: 'Based on a pending I-485 (c)(9)', office: 'PHO', age: 45,
      outcome: 'pending', applicant: ANA, biometrics: false, steps: ['reviewed'], links: [self('ana', 12)] },
    { key: 'ana-131', filedWith: 'ana-765', form: 'I-131', classification: 'Advance parole document', office: 'PHO', age: 45,
      outcome: 'pending', applicant: ANA, biometrics: false, steps: ['reviewed', 'rfe'], links: [self('ana', 12)] },

    // Lucía, in Spanish: TPS pending, work permit approved and delivered.
    { key: 'lucia-821', form: 'I-821', classification: 'Request to register for TPS', office: 'MIA', age: 200, outcome: 'pending',
      applicant: LUCIA, steps: ['reviewed'], links: [self('lucia', 20)] },
    { key: 'lucia-765', filedWith: 'lucia-821', form: 'I-765', classification: 'All other employment authorization', office: 'MIA',
      age: 200, outcome: 'approved', decidedAfter: 112, applicant: LUCIA, links: [self('lucia', 20)] },

    // Mei: an adoption case with biometrics booked; I-600A appointments are never rescheduled online.
    { key: 'mei-600a', form: 'I-600A', classification: null, office: 'SFR', age: 60, outcome: 'pending', applicant: mei,
      appointment: { ascCode: 'SFO', openingDay: 8, localTime: '10:00', rescheduleCount: 0 }, links: [self('mei', 9)] },

    // Rita's clients. Some follow their own cases too.
    { key: 'r-miguel', form: 'N-400', classification: 'All other applications for naturalization', office: 'HOU', age: 150, outcome: 'pending',
      receiptNumber: DEMO_API_RECEIPT, applicant: miguel, steps: ['reviewed', 'interview_scheduled'], representativeOfRecord: true, links: [rita(6), self('miguel', 30)] },
    { key: 'r-seun-485', form: 'I-485', classification: 'Employment-based', office: 'ATL', age: 240, outcome: 'pending', applicant: seun,
      interview: false, steps: ['reviewed', 'rfe', 'rfe_answered'], representativeOfRecord: true, links: [rita(8), self('oluwaseun', 15)] },
    { key: 'r-seun-765', filedWith: 'r-seun-485', form: 'I-765', classification: 'Based on a pending I-485 (c)(9)', office: 'ATL', age: 240,
      outcome: 'approved', decidedAfter: 101, applicant: seun, representativeOfRecord: true, links: [rita(8), self('oluwaseun', 15)] },
    { key: 'r-thanh', form: 'I-130', classification: 'Immediate relative', office: 'SEA', age: 800, outcome: 'pending', applicant: thanh,
      steps: ['reviewed', 'rfe', 'rfe_answered', 'remains_pending'], representativeOfRecord: true, links: [rita(5), self('thanh', 40)] },
    { key: 'r-twice', form: 'I-485', classification: 'Family-based', office: 'LOS', age: 95, outcome: 'pending', representativeOfRecord: true,
      appointment: { ascCode: 'LAX', openingDay: 3, localTime: '13:30', rescheduleCount: 2 }, links: [rita(4)] },
    { key: 'r-n400-ok', form: 'N-400', classification: 'All other applications for naturalization', office: 'NYC', age: 260, outcome: 'approved',
      decidedAfter: 214, representativeOfRecord: true, links: [rita(3)] },
    { key: 'r-n400-no', form: 'N-400', classification: 'All other applications for naturalization', office: 'CHI', age: 330, outcome: 'denied',
      decidedAfter: 240, representativeOfRecord: true, links: [rita(10)] },
    { key: 'r-i90-ok', form: 'I-90', classification: 'Replacement or renewal of permanent resident card', office: 'DAL', age: 130, outcome: 'approved',
      decidedAfter: 96, representativeOfRecord: true, links: [rita(7)] },
    { key: 'r-i90-wait', form: 'I-90', classification: 'Replacement or renewal of permanent resident card', office: 'PHO', age: 70, outcome: 'pending',
      representativeOfRecord: true, links: [rita(5)] },
    { key: 'r-parole', form: 'I-765', classification: 'Based on parole', office: 'MIA', age: 150, outcome: 'approved', decidedAfter: 33,
      representativeOfRecord: true, links: [rita(4)] },
    { key: 'r-asylum-ead', form: 'I-765', classification: 'Based on a pending asylum application', office: 'NYC', age: 12, outcome: 'pending',
      representativeOfRecord: true, links: [rita(2)] },
    { key: 'r-ap', form: 'I-131', classification: 'Advance parole document', office: 'HOU', age: 190, outcome: 'approved', decidedAfter: 128,
      biometrics: false, representativeOfRecord: true, links: [rita(9)] },
    { key: 'r-tps-pr', form: 'I-821', classification: 'Request to register for TPS', office: 'SAJ', age: 170, outcome: 'pending',
      representativeOfRecord: true, links: [rita(11)] },
    { key: 'r-cuban', form: 'I-485', classification: 'Cuban Adjustment Act', office: 'MIA', age: 280, outcome: 'pending',
      steps: ['reviewed', 'interview_scheduled'], representativeOfRecord: true, links: [rita(6)] },
    { key: 'r-asylee', form: 'I-485', classification: 'Based on asylum granted more than one year ago', office: 'SFR', age: 330, outcome: 'pending',
      steps: ['transferred', 'reviewed'], representativeOfRecord: true, links: [rita(14)] },
    { key: 'r-i130-hi', form: 'I-130', classification: 'Immediate relative', office: 'HON', age: 420, outcome: 'approved', decidedAfter: 318,
      representativeOfRecord: true, links: [rita(5)] },
    { key: 'r-h1b', form: 'I-129', classification: 'H-1B specialty occupation', office: 'SFR', age: 75, outcome: 'approved', decidedAfter: 41,
      representativeOfRecord: true, links: [rita(3)] },
    { key: 'r-military', form: 'N-400', classification: 'Military naturalization', office: 'DEN', age: 160, outcome: 'approved', decidedAfter: 97,
      representativeOfRecord: true, links: [rita(2)] },
    { key: 'r-refugee', form: 'I-485', classification: 'Based on refugee admission more than one year ago', office: 'DET', age: 120,
      outcome: 'pending', steps: ['reviewed'], interview: false, representativeOfRecord: true, links: [rita(8)] },
    { key: 'r-c9-ak', form: 'I-765', classification: 'Based on a pending I-485 (c)(9)', office: 'ANC', age: 55, outcome: 'pending',
      representativeOfRecord: true, links: [rita(4)] },
    { key: 'r-i130-pr', form: 'I-130', classification: 'Immediate relative', office: 'SAJ', age: 500, outcome: 'denied', decidedAfter: 402,
      steps: ['rfe', 'rfe_answered'], representativeOfRecord: true, links: [rita(12)] },
    { key: 'r-withdrawn', form: 'I-90', classification: 'Replacement or renewal of permanent resident card', office: 'HON', age: 140,
      outcome: 'withdrawn', decidedAfter: 61, representativeOfRecord: true, links: [rita(6)] },
    { key: 'r-tps-tx', form: 'I-821', classification: 'Request to register for TPS', office: 'HOU', age: 380, outcome: 'approved', decidedAfter: 287,
      representativeOfRecord: true, links: [rita(13)] },

    // Waiting to be linked: the Account Access Notice is in the mail (or the inbox).
    { key: 'w-eb', form: 'I-485', classification: 'Employment-based', office: 'DAL', age: 20, outcome: 'pending', interview: false,
      representativeOfRecord: true, codes: { audiences: ['applicant', 'representative'], issuedAfter: 2 } },
    { key: 'w-n400', form: 'N-400', classification: 'All other applications for naturalization', office: 'LOS', age: 35, outcome: 'pending',
      representativeOfRecord: true, codes: { audiences: ['applicant', 'representative'], issuedAfter: 2 } },
    { key: 'w-i130', form: 'I-130', classification: 'Immediate relative', office: 'CHI', age: 12, outcome: 'pending',
      representativeOfRecord: true, codes: { audiences: ['applicant', 'representative'], issuedAfter: 2 } },
    { key: 'w-parole', form: 'I-765', classification: 'Based on parole', office: 'MIA', age: 25, outcome: 'pending',
      codes: { audiences: ['applicant'], issuedAfter: 2 } },
    { key: 'w-i90', form: 'I-90', classification: 'Replacement or renewal of permanent resident card', office: 'NYC', age: 40, outcome: 'pending',
      codes: { audiences: ['applicant'], issuedAfter: 3 } },
    { key: 'w-tps', form: 'I-821', classification: 'Request to register for TPS', office: 'HOU', age: 15, outcome: 'pending',
      codes: { audiences: ['applicant'], issuedAfter: 2 } },
    { key: 'w-134a-1', form: 'I-134A', classification: null, office: 'MIA', age: 8, outcome: 'pending', email: 'andres.salcedo@example.com',
      applicant: { givenName: 'Andrés', familyName: 'Salcedo' }, codes: { audiences: ['applicant'], issuedAfter: 1 } },
    { key: 'w-134a-2', form: 'I-134A', classification: null, office: 'NYC', age: 30, outcome: 'approved', decidedAfter: 21,
      email: 'nataliya.bondarenko@example.com', applicant: { givenName: 'Nataliya', familyName: 'Bondarenko' },
      codes: { audiences: ['applicant'], issuedAfter: 1 } },
    // Her code expired: the README tells demo users her date of birth, to try "Request a new access code".
    { key: 'w-expired', form: 'I-131', classification: 'Advance parole document', office: 'ATL', age: 102, outcome: 'pending', biometrics: false,
      applicant: { givenName: 'Samira', familyName: 'Haddad', dateOfBirth: '1990-06-21' },
      steps: ['reviewed'], codes: { audiences: ['applicant'], issuedAfter: 2 } },
    { key: 'w-600a', form: 'I-600A', classification: null, office: 'ATL', age: 18, outcome: 'pending',
      codes: { audiences: ['applicant'], issuedAfter: 2 } },
  ];
}

const BACKGROUND_FORMS = ['N-400', 'I-485', 'I-765', 'I-130', 'I-90', 'I-131', 'I-821', 'I-129'];
const BACKGROUND_COUNT = 20;

/** Unlinked cases of all kinds, so staff views and searches have more than the featured ones. */
function backgroundStories(random: Random): Story[] {
  return Array.from({ length: BACKGROUND_COUNT }, (_, i) => {
    const form = BACKGROUND_FORMS[i % BACKGROUND_FORMS.length];
    const typical = TYPICAL_DAYS[form];
    const outcome: Outcome = random.chance(0.5) ? 'pending' : random.chance(0.8) ? 'approved' : 'denied';
    const age = outcome === 'pending' ? random.int(20, Math.round(typical * 1.3)) : random.int(Math.round(typical * 0.8), typical * 2);
    const decidedAfter = Math.min(age - 3, Math.round(typical * (0.6 + random.next() * 0.8)));
    return {
      key: `bg-${i}`,
      form,
      classification: random.pick(CLASSIFICATIONS[form]),
      office: random.pick(FIELD_OFFICES).code,
      age,
      outcome,
      decidedAfter,
      steps: outcome === 'pending' && age > 60 ? ['reviewed'] : [],
    };
  });
}

export function planDemoCases(now: Date): PlannedCase[] {
  const random = createRandom(seedFrom('demo-cases-v1'));
  // Events are dated up to yesterday: the agency's systems post a day's updates overnight.
  const yesterday = addDays(isoDateUtc(now), -1);
  const names = [...NAMES];
  for (let i = names.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [names[i], names[j]] = [names[j], names[i]];
  }
  const usedReceipts = new Set<string>();
  const planned = new Map<string, PlannedCase>();

  for (const story of [...stories(), ...backgroundStories(random)]) {
    const office = FIELD_OFFICES.find((o) => o.code === story.office)!;
    const sibling = story.filedWith ? planned.get(story.filedWith) : undefined;
    const receiptDate = sibling?.receiptDate ?? addDays(yesterday, -story.age);
    const drawn = sibling ? nextReceipt(sibling.receiptNumber, usedReceipts) : newReceipt(random, story.form, receiptDate, usedReceipts);
    // A fixed number replaces the drawn one: the draws, and so every other case, stay as they were.
    const receiptNumber = story.receiptNumber ?? drawn;
    usedReceipts.add(receiptNumber);

    const applicant = sibling?.applicant ?? applicantFor(story, office.neighbourhood, names, random);
    const biometrics = story.biometrics ?? BIOMETRICS.has(story.form);
    const interview = story.interview ?? INTERVIEW.has(story.form);
    const decisionDate = story.outcome === 'pending' ? null : addDays(receiptDate, story.decidedAfter!);

    planned.set(story.key, {
      receiptNumber,
      formType: story.form,
      classification: story.classification,
      receiptDate,
      officeCode: story.office,
      biometricsRequired: biometrics,
      interviewRequired: interview,
      state: story.outcome,
      applicant,
      channelOfRecord: story.form === 'I-134A' ? 'email' : 'mail',
      representativeOfRecord: story.representativeOfRecord ?? false,
      events: storyEvents(story, { receiptDate, decisionDate, yesterday, biometrics }, random),
      links: (story.links ?? []).map((l) => ({ account: l.account, role: l.role, linkedOn: minDate(addDays(receiptDate, l.after), yesterday) })),
      codes: story.codes
        ? story.codes.audiences.map((audience) => ({ audience, issuedOn: minDate(addDays(receiptDate, story.codes!.issuedAfter), yesterday) }))
        : [],
      appointment: story.appointment ?? null,
    });
  }
  return [...planned.values()];
}

function applicantFor(story: Story, neighbourhood: MailingAddress[], names: [string, string][], random: Random): PlannedApplicant {
  const [givenName, familyName] = story.applicant ? [story.applicant.givenName, story.applicant.familyName] : names.pop()!;
  const year = random.int(1958, 2002);
  const dateOfBirth = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const hasANumber = !['I-134A', 'I-129', 'I-600A', 'I-130'].includes(story.form);
  return {
    givenName,
    familyName,
    dateOfBirth: story.applicant?.dateOfBirth ?? dateOfBirth,
    aNumber: story.applicant?.aNumber ?? (hasANumber ? `A2${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null),
    mailingAddress: story.applicant?.mailingAddress ?? random.pick(neighbourhood),
    email: story.email ?? null,
  };
}

/**
 * Receipt numbers as the agency prints them: three letters for the receipting office, then the
 * fiscal year (two digits), the day of the fiscal year (three) and a sequence number (five).
 */
function newReceipt(random: Random, form: string, receiptDate: string, used: Set<string>): string {
  const prefix = random.pick(PREFIXES[form] ?? ['IOE']);
  const fiscalYear = fiscalYearOf(receiptDate);
  const dayOfYear = epochDay(receiptDate) - epochDay(fiscalYearRange(fiscalYear).start) + 1;
  for (;;) {
    const receipt = `${prefix}${String(fiscalYear % 100).padStart(2, '0')}${String(dayOfYear).padStart(3, '0')}${String(random.int(10_000, 99_999))}`;
    if (!used.has(receipt)) {
      used.add(receipt);
      return receipt;
    }
  }
}

function nextReceipt(previous: string, used: Set<string>): string {
  const receipt = previous.slice(0, 3) + String(Number(previous.slice(3)) + 1).padStart(10, '0');
  used.add(receipt);
  return receipt;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The status history: received; the biometrics steps; the story's steps spread evenly up to the
 * decision (or up to a week ago for a pending case); the decision; and what follows an approval
 * (card, document or oath), as far as today allows.
 */
function storyEvents(
  story: Story,
  { receiptDate, decisionDate, yesterday, biometrics }: { receiptDate: string; decisionDate: string | null; yesterday: string; biometrics: boolean },
  random: Random,
): PlannedEvent[] {
  const events: PlannedEvent[] = [{ status: 'case_was_received', on: receiptDate }];
  const end = decisionDate ?? yesterday;
  const span = epochDay(end) - epochDay(receiptDate);
  const at = (fraction: number) => addDays(receiptDate, Math.max(1, Math.round(span * fraction)));

  if (biometrics) {
    if (story.form === 'I-90' || story.form === 'I-821') events.push({ status: 'fingerprint_fee_was_received', on: at(0.02) });
    if (story.appointment) {
      // The notice went out about three weeks after receipt; the appointment itself is still ahead.
      events.push({ status: 'biometrics_appointment_was_scheduled', on: minDate(addDays(receiptDate, 21), addDays(yesterday, -2)) });
    } else if (decisionDate) {
      // Fast decisions squeeze the biometrics steps; slow ones take them at the usual pace.
      events.push({ status: 'biometrics_appointment_was_scheduled', on: minDate(at(0.08), addDays(receiptDate, 21)) });
      events.push({ status: 'fingerprints_were_taken', on: minDate(at(0.2), addDays(receiptDate, 45)) });
    } else if (span >= 50) {
      // A younger pending case without a booked appointment has not reached biometrics yet.
      events.push({ status: 'biometrics_appointment_was_scheduled', on: addDays(receiptDate, 18) });
      events.push({ status: 'fingerprints_were_taken', on: addDays(receiptDate, 40) });
    }
  }

  const steps = [...(story.steps ?? [])];
  if (story.outcome !== 'pending') {
    if (!steps.includes('reviewed')) steps.push('reviewed');
    if (INTERVIEW.has(story.form) && story.interview !== false) steps.push('interview_scheduled', 'interview_done');
  }
  const order = ['transferred', 'reviewed', 'rfe', 'rfe_answered', 'interview_scheduled', 'interview_done'] as const;
  const stepStatus: Record<(typeof order)[number], CaseStatusKey> = {
    transferred: 'case_was_transferred',
    reviewed: 'case_is_being_actively_reviewed',
    rfe: 'request_for_evidence_was_sent',
    rfe_answered: 'response_to_rfe_was_received',
    interview_scheduled: 'interview_was_scheduled',
    interview_done: 'interview_was_completed',
  };
  const chosen = order.filter((s) => steps.includes(s));
  const last = events[events.length - 1].on;
  // A pending case's latest step was a while ago; a decided case's steps lead up to the decision.
  const from = epochDay(last) + 1;
  const to = Math.max(from, epochDay(decisionDate ? addDays(decisionDate, -3) : addDays(yesterday, -7)));
  chosen.forEach((step, i) => {
    const position = (i + 1) / (chosen.length + (decisionDate ? 1 : 0.5));
    const jitter = (random.next() - 0.5) * 0.1;
    const day = Math.round(from + (to - from) * Math.min(1, Math.max(0, position + jitter / (chosen.length + 1))));
    const previous = events[events.length - 1].on;
    events.push({ status: stepStatus[step], on: maxDate(isoDateOfEpochDay(day), previous) });
  });
  if (steps.includes('remains_pending')) events.push({ status: 'case_remains_pending', on: addDays(yesterday, -random.int(2, 6)) });

  if (decisionDate) {
    const decision: CaseStatusKey =
      story.outcome === 'approved' ? 'case_was_approved' : story.outcome === 'denied' ? 'case_was_denied' : 'withdrawal_acknowledgement_notice_was_sent';
    events.push({ status: decision, on: decisionDate });
    if (story.outcome === 'approved') {
      const follow: [CaseStatusKey, number][] = CARD_FORMS.has(story.form)
        ? [['new_card_is_being_produced', 2], ['card_was_mailed', 6], ['card_was_delivered', 9]]
        : story.form === 'N-400'
          ? [['oath_ceremony_was_scheduled', 12]]
          : story.form === 'I-131'
            ? [['document_was_mailed', 8]]
            : [];
      for (const [status, after] of follow) {
        const on = addDays(decisionDate, after);
        if (on <= yesterday) events.push({ status, on });
      }
    }
  }
  return events;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
