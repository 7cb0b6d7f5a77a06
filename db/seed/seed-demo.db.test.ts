import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  accessCodes,
  apiClients,
  appointmentRequests,
  callbacks,
  appointments,
  ascs,
  auditLog,
  biometricSlots,
  caseLinks,
  cases,
  caseStatusEvents,
  fieldOffices,
  historicalCases,
  notifications,
  representativeProfiles,
  users,
} from '@/db/schema';
import { readCaseOperation } from '@/lib/api/case-resource';
import { serveOperation } from '@/lib/api/endpoint';
import { authenticateApiClient, issueAccessToken } from '@/lib/api/clients';
import { verifyPassword } from '@/lib/auth/password';
import { CASE_STATUS_OUTCOMES, isCaseStatusKey } from '@/lib/cases/status-catalogue';
import { DAY, fixedClock } from '@/lib/clock';
import { DEMO_PASSWORD } from './demo-accounts';
import { DEMO_API_CLIENT, DEMO_API_RECEIPT } from './demo-api-client';
import { nationalMedians } from './historical-cases';
import { isStoreEmpty, seedDemoData } from './index';
import { readPublishedMedians } from './processing-times';
import type { SeedSummary } from './seed-demo';
import { wipeStore } from './wipe-store';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

// Three weeks before daylight-saving time ends, so the slots straddle the change.
const NOW = '2026-10-12T15:00:00Z';
const HISTORICAL = 8_000;
const seed = () => seedDemoData(getDb(), { clock: fixedClock(NOW), historicalCases: HISTORICAL });

let summary: SeedSummary;
beforeAll(async () => {
  expect(await isStoreEmpty(getDb())).toBe(true);
  summary = await seed();
}, 120_000);

describe('demo data', () => {
  it('has at least 10 field offices and 20 ASCs over at least 5 time zones, with real coordinates', async () => {
    const offices = await getDb().select().from(fieldOffices);
    const centres = await getDb().select().from(ascs);
    expect(offices.length).toBeGreaterThanOrEqual(10);
    expect(centres.length).toBeGreaterThanOrEqual(20);
    const zones = new Set([...offices, ...centres].map((p) => p.timeZone));
    expect(zones.size).toBeGreaterThanOrEqual(5);
    for (const zone of ['America/Phoenix', 'Pacific/Honolulu', 'America/Puerto_Rico']) expect(zones).toContain(zone);
    for (const place of [...offices, ...centres]) {
      expect(place.code).toMatch(/^[A-Z]{3}$/);
      expect(place.zip).toMatch(/^\d{5}$/);
      expect(place.latitude).toBeGreaterThan(17);
      expect(place.latitude).toBeLessThan(72);
      expect(place.longitude).toBeGreaterThan(-170);
      expect(place.longitude).toBeLessThan(-64);
    }
  });

  it('publishes biometrics slots for the next 90 days at every ASC, none over capacity', async () => {
    const now = new Date(NOW);
    const perAsc = await getDb()
      .select({
        ascId: biometricSlots.ascId,
        n: sql<number>`count(*)`,
        first: sql<number | string | Date>`min(${biometricSlots.startsAt})`,
        last: sql<number | string | Date>`max(${biometricSlots.startsAt})`,
      })
      .from(biometricSlots)
      .groupBy(biometricSlots.ascId);
    const centres = await getDb().select({ id: ascs.id }).from(ascs);
    expect(perAsc).toHaveLength(centres.length);
    for (const row of perAsc) {
      expect(Number(row.n)).toBeGreaterThanOrEqual(55 * 16); // about 62 weekdays less holidays
      expect(new Date(row.first as string).getTime()).toBeGreaterThan(now.getTime());
      expect(new Date(row.last as string).getTime()).toBeLessThanOrEqual(now.getTime() + 91 * DAY);
      expect(new Date(row.last as string).getTime()).toBeGreaterThan(now.getTime() + 85 * DAY);
    }
    const over = await getDb().select({ id: biometricSlots.id }).from(biometricSlots).where(gt(biometricSlots.booked, biometricSlots.capacity));
    expect(over).toHaveLength(0);
    const [range] = await getDb()
      .select({ min: sql<number>`min(${biometricSlots.capacity})`, max: sql<number>`max(${biometricSlots.capacity})` })
      .from(biometricSlots);
    expect(Number(range.min)).toBeGreaterThanOrEqual(2);
    expect(Number(range.max)).toBeLessThanOrEqual(6);
  });

  it('stores slot times in UTC from local opening hours, across the change from daylight-saving time', async () => {
    const startsAt = async (code: string, instant: string) => {
      const rows = await getDb()
        .select({ capacity: biometricSlots.capacity })
        .from(biometricSlots)
        .innerJoin(ascs, eq(ascs.id, biometricSlots.ascId))
        .where(and(eq(ascs.code, code), eq(biometricSlots.startsAt, new Date(instant))));
      return rows.length;
    };
    expect(await startsAt('NYV', '2026-10-30T12:00:00Z')).toBe(1); // 8:00 EDT
    expect(await startsAt('NYV', '2026-11-02T13:00:00Z')).toBe(1); // 8:00 EST
    expect(await startsAt('NYV', '2026-11-02T12:00:00Z')).toBe(0);
    expect(await startsAt('PHX', '2026-10-30T15:00:00Z')).toBe(1); // Arizona keeps MST
    expect(await startsAt('PHX', '2026-11-02T15:00:00Z')).toBe(1);
    expect(await startsAt('HNL', '2026-11-02T18:00:00Z')).toBe(1);
    expect(await startsAt('SJU', '2026-11-02T12:00:00Z')).toBe(1);
    expect(await startsAt('NYV', '2026-11-11T13:00:00Z')).toBe(0); // Veterans Day
  });

  it('has the demo accounts with their roles, verified email, email codes and the shared password', async () => {
    const all = await getDb().select().from(users);
    const byEmail = new Map(all.map((u) => [u.email, u]));
    const expected: [string, string, string][] = [
      ['ana.applicant@example.com', 'applicant', 'en'],
      ['lucia.solicitante@example.com', 'applicant', 'es'],
      ['rita.representative@example.com', 'representative', 'en'],
      ['omar.officer@example.com', 'officer', 'en'],
      ['sam.supervisor@example.com', 'supervisor', 'en'],
    ];
    for (const [email, role, language] of expected) {
      const user = byEmail.get(email);
      expect(user, email).toBeDefined();
      expect(user!.role).toBe(role);
      expect(user!.preferredLanguage).toBe(language);
      expect(user!.emailVerifiedAt).not.toBeNull();
      expect(user!.secondFactor).toBe('email');
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    }
    expect(byEmail.get('ana.applicant@example.com')).toMatchObject({ givenName: 'Ana', familyName: 'Alvarez' });
    expect(await verifyPassword(byEmail.get('ana.applicant@example.com')!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(byEmail.get('ana.applicant@example.com')!.passwordHash!, 'wrong password')).toBe(false);

    const [profile] = await getDb()
      .select()
      .from(representativeProfiles)
      .where(eq(representativeProfiles.userId, byEmail.get('rita.representative@example.com')!.id));
    expect(profile).toMatchObject({
      kind: 'attorney',
      licensingState: 'AZ',
      organisation: 'Community Immigration Legal Services',
      sector: 'nonprofit',
    });
    expect(profile.barNumber).toBeTruthy();
  });

  it('has at least 50 realistic cases, each with a status history that matches its state', async () => {
    const all = await getDb().select().from(cases);
    expect(all.length).toBeGreaterThanOrEqual(50);
    const events = await getDb().select().from(caseStatusEvents).orderBy(asc(caseStatusEvents.occurredAt), asc(caseStatusEvents.id));
    const published = readPublishedMedians();
    const forms = new Set(all.map((c) => c.formType));
    for (const form of ['N-400', 'I-90', 'I-130', 'I-765', 'I-131', 'I-485', 'I-821', 'I-129', 'I-134A', 'I-600A']) expect(forms).toContain(form);

    for (const c of all) {
      expect(c.receiptNumber).toMatch(/^(EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC)\d{10}$/);
      expect(c.receiptDate <= NOW.slice(0, 10)).toBe(true);
      expect(c.applicantDateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.mailingAddress.zip).toMatch(/^\d{5}$/);
      expect(c.fieldOfficeId).not.toBeNull();
      if (published.some((p) => p.formType === c.formType)) {
        expect(published.some((p) => p.formType === c.formType && p.classification === c.classification), c.receiptNumber).toBe(true);
      }
      const history = events.filter((e) => e.caseId === c.id);
      expect(history.length, c.receiptNumber).toBeGreaterThan(0);
      expect(history[0]).toMatchObject({ status: 'case_was_received' });
      expect(history[0].occurredAt.toISOString().slice(0, 10)).toBe(c.receiptDate);
      for (const e of history) {
        expect(isCaseStatusKey(e.status), e.status).toBe(true);
        expect(e.occurredAt.getTime()).toBeLessThan(new Date(NOW).getTime());
      }
      const decided = history.map((e) => CASE_STATUS_OUTCOMES[e.status as keyof typeof CASE_STATUS_OUTCOMES]).filter(Boolean);
      expect(decided.at(-1) ?? 'pending', c.receiptNumber).toBe(c.state);
    }
    expect(new Set(all.map((c) => c.state))).toEqual(new Set(['pending', 'approved', 'denied', 'withdrawn']));
  });

  it('links cases to Ana, Lucía and, as representative, Rita for at least 20 clients', async () => {
    const links = await getDb()
      .select({ email: users.email, role: caseLinks.role, caseId: caseLinks.caseId, applicant: cases.applicantFamilyName, given: cases.applicantGivenName })
      .from(caseLinks)
      .innerJoin(users, eq(users.id, caseLinks.userId))
      .innerJoin(cases, eq(cases.id, caseLinks.caseId))
      .where(isNull(caseLinks.endedAt));
    const of = (email: string) => links.filter((l) => l.email === email);
    expect(of('ana.applicant@example.com').length).toBeGreaterThanOrEqual(2);
    expect(of('ana.applicant@example.com').every((l) => l.role === 'applicant' && l.applicant === 'Alvarez')).toBe(true);
    expect(of('lucia.solicitante@example.com')).toHaveLength(2);
    const rita = of('rita.representative@example.com');
    expect(rita.every((l) => l.role === 'representative')).toBe(true);
    expect(rita.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rita.map((l) => `${l.given} ${l.applicant}`)).size).toBeGreaterThanOrEqual(20);
    const ritaCases = new Set(rita.map((l) => l.caseId));
    expect(links.some((l) => l.role === 'applicant' && ritaCases.has(l.caseId))).toBe(true);
    // One applicant account per case.
    const applicantLinks = links.filter((l) => l.role === 'applicant').map((l) => l.caseId);
    expect(new Set(applicantLinks).size).toBe(applicantLinks.length);
  });

  it('mails Account Access Notices for cases waiting to be linked, emailing I-134A beneficiaries', async () => {
    const live = await getDb()
      .select({ id: accessCodes.id, audience: accessCodes.audience, caseId: accessCodes.caseId, formType: cases.formType, expiresAt: accessCodes.expiresAt })
      .from(accessCodes)
      .innerJoin(cases, eq(cases.id, accessCodes.caseId))
      .where(and(isNull(accessCodes.usedAt), isNull(accessCodes.revokedAt)));
    const notices = await getDb().select().from(notifications).where(eq(notifications.template, 'account-access-notice'));
    expect(notices.length).toBe(summary.accessCodeNotices);
    expect(live.length).toBe(summary.accessCodeNotices);
    expect(live.some((c) => c.audience === 'representative')).toBe(true);
    expect(live.some((c) => c.expiresAt.getTime() < new Date(NOW).getTime())).toBe(true); // one has expired
    for (const code of live) {
      const notice = notices.find((n) => n.dedupeKey === `access-code:${code.id}`);
      expect(notice, `notice for code ${code.id}`).toBeDefined();
      expect(notice!.channel).toBe(code.formType === 'I-134A' && code.audience === 'applicant' ? 'email' : 'letter');
      expect(notice!.payload).toHaveProperty('sealedSecrets');
      expect(notice!.payload).not.toHaveProperty('code');
    }
    const linkedCases = new Set((await getDb().select({ caseId: caseLinks.caseId }).from(caseLinks)).map((l) => l.caseId));
    expect(live.every((c) => !linkedCases.has(c.caseId))).toBe(true);
  });

  it('books biometrics appointments into slots and counts the seats taken', async () => {
    const booked = await getDb()
      .select({ slotId: appointments.slotId, startsAt: appointments.startsAt, slotStart: biometricSlots.startsAt, booked: biometricSlots.booked, state: cases.state, needs: cases.biometricsRequired })
      .from(appointments)
      .innerJoin(biometricSlots, eq(biometricSlots.id, appointments.slotId))
      .innerJoin(cases, eq(cases.id, appointments.caseId))
      .where(eq(appointments.kind, 'biometrics'));
    expect(booked.length).toBeGreaterThanOrEqual(2);
    for (const a of booked) {
      expect(a.startsAt.getTime()).toBe(a.slotStart.getTime());
      expect(a.booked).toBeGreaterThanOrEqual(1);
      expect(a).toMatchObject({ state: 'pending', needs: true });
    }
    const [taken] = await getDb().select({ seats: sql<number>`sum(${biometricSlots.booked})` }).from(biometricSlots);
    expect(Number(taken.seats)).toBe(booked.length);
  });

  it('reproduces the published national medians in the stored historical cases', async () => {
    const rows = await getDb()
      .select({
        formType: historicalCases.formType,
        classification: historicalCases.classification,
        receivedOn: historicalCases.receivedOn,
        decidedOn: historicalCases.decidedOn,
      })
      .from(historicalCases)
      .where(isNotNull(historicalCases.decidedOn));
    const medians = nationalMedians(rows);
    for (const p of readPublishedMedians()) {
      const found = medians.get(p.formType, p.classification, p.fiscalYear);
      expect(found, `${p.formType} ${p.classification} FY${p.fiscalYear}`).toBeDefined();
      expect(Math.abs(found!.months - p.medianMonths), `${p.formType} ${p.classification} FY${p.fiscalYear}`).toBeLessThanOrEqual(0.3);
    }
    const [pending] = await getDb().select({ n: sql<number>`count(*)` }).from(historicalCases).where(isNull(historicalCases.decidedOn));
    expect(Number(pending.n)).toBe(summary.historicalPending);
    expect(summary.historicalCases).toBeGreaterThan(HISTORICAL * 0.9);
    expect(summary.historicalCases).toBeLessThan(HISTORICAL * 1.1);
  });

  it('records the seeding in the audit log', async () => {
    const entries = await getDb().select().from(auditLog).where(eq(auditLog.action, 'seed.demo_data'));
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({ cases: summary.cases });
  });

  it('puts open appointment requests in the officers’ queue: an emergency advance parole first, one close to its due time, one claimed', async () => {
    const now = new Date(NOW);
    const requests = await getDb().select().from(appointmentRequests);
    expect(requests).toHaveLength(summary.appointmentRequests);
    expect(summary.appointmentRequests).toBe(4);
    const parole = requests.find((r) => r.reason === 'emergency_advance_parole');
    expect(parole).toMatchObject({ urgent: true, status: 'submitted' });
    const soonest = requests.filter((r) => !r.urgent).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    expect(soonest.dueAt.getTime() - now.getTime()).toBeGreaterThan(0);
    expect(soonest.dueAt.getTime() - now.getTime()).toBeLessThanOrEqual(4 * DAY);
    expect(requests.filter((r) => r.status === 'in_review')).toHaveLength(1);
    expect(requests.filter((r) => r.caseId !== null)).toHaveLength(1);
  });

  it('gives Rita the published API credentials of the developer quick start, which read her client’s case', async () => {
    const clock = fixedClock(NOW);
    const [stored] = await getDb().select().from(apiClients).where(eq(apiClients.clientId, DEMO_API_CLIENT.clientId));
    expect(stored).toMatchObject({ environment: 'production', revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(DEMO_API_CLIENT.secret);
    const owner = await authenticateApiClient(getDb(), clock, DEMO_API_CLIENT.clientId, DEMO_API_CLIENT.secret);
    expect(owner?.user.email).toBe('rita.representative@example.com');
    const token = (await issueAccessToken(getDb(), clock, owner!.client)).token;
    const answer = await serveOperation(getDb(), clock, new Request(`http://localhost/api/v1/cases/${DEMO_API_RECEIPT}`, { headers: { authorization: `Bearer ${token}` } }), { receipt: DEMO_API_RECEIPT }, readCaseOperation, {});
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ receiptNumber: DEMO_API_RECEIPT, formType: 'N-400', state: 'pending' });
  });

  // Last: it wipes the store and seeds it again.
  it('gives the same data when seeded again with the same clock', async () => {
    const before = await fingerprint();
    await wipeStore(getDb());
    expect(await isStoreEmpty(getDb())).toBe(true);
    const again = await seed();
    expect(await fingerprint()).toEqual(before);
    // Timings differ from run to run; everything else must not.
    const { durationMs: _a, historicalDurationMs: _b, progressRefreshSeconds: _e, ...counts } = again;
    const { durationMs: _c, historicalDurationMs: _d, progressRefreshSeconds: _f, ...first } = summary;
    expect(counts).toEqual(first);
  }, 120_000);
});

/** Everything the seed draws from its generator, without ids, salts or codes (which are random by design). */
async function fingerprint(): Promise<Record<string, string>> {
  const db = getDb();
  const digest = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const officeCode = new Map((await db.select().from(fieldOffices)).map((o) => [o.id, o.code]));
  const ascCode = new Map((await db.select().from(ascs)).map((a) => [a.id, a.code]));
  const caseRows = await db.select().from(cases).orderBy(asc(cases.receiptNumber));
  const receipt = new Map(caseRows.map((c) => [c.id, c.receiptNumber]));
  const email = new Map((await db.select().from(users)).map((u) => [u.id, u.email]));
  return {
    places: digest([...officeCode.values(), ...ascCode.values()]),
    slots: digest(
      (await db.select().from(biometricSlots).orderBy(asc(biometricSlots.ascId), asc(biometricSlots.startsAt))).map((s) => [
        ascCode.get(s.ascId),
        s.startsAt.toISOString(),
        s.capacity,
        s.booked,
      ]),
    ),
    users: digest((await db.select().from(users).orderBy(asc(users.email))).map(({ email: e, role, givenName, familyName, preferredLanguage }) => [e, role, givenName, familyName, preferredLanguage])),
    cases: digest(caseRows.map(({ id: _id, fieldOfficeId, createdAt, updatedAt, ...rest }) => ({ ...rest, office: officeCode.get(fieldOfficeId!), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() }))),
    events: digest(
      (await db.select().from(caseStatusEvents)).map((e) => [receipt.get(e.caseId), e.status, e.occurredAt.toISOString()]).sort(),
    ),
    links: digest((await db.select().from(caseLinks)).map((l) => [receipt.get(l.caseId), email.get(l.userId), l.role, l.linkedAt.toISOString()]).sort()),
    notices: digest(
      (await db.select().from(notifications))
        .map(({ channel, recipient, template, language, payload, createdAt }) => {
          // Sealed secrets, appointment-request references and service request numbers are random by design.
          const { sealedSecrets: _sealed, reference: _reference, serviceRequestNumber: _number, ...rest } = payload;
          return JSON.stringify([channel, recipient, template, language, rest, createdAt.toISOString()]);
        })
        .sort(),
    ),
    appointments: digest(
      (await db.select().from(appointments)).map((a) => [receipt.get(a.caseId!), ascCode.get(a.ascId!), a.startsAt.toISOString(), a.rescheduleCount]).sort(),
    ),
    requests: digest(
      (await db.select().from(appointmentRequests)).map((r) => [email.get(r.requesterId), r.reason, r.status, r.createdAt.toISOString(), r.dueAt.toISOString()]).sort(),
    ),
    historical: digest(
      (await db.select().from(historicalCases).orderBy(asc(historicalCases.id))).map((h) => [h.formType, h.classification, h.officeCode, h.receivedOn, h.decidedOn, h.biometricsOn, h.interviewOn]),
    ),
    callbacks: digest(
      (await db.select().from(callbacks)).map((c) => [email.get(c.userId), receipt.get(c.caseId!), c.urgency, c.textAhead, c.createdAt.toISOString(), c.dueAt.toISOString()]).sort(),
    ),
  };
}
