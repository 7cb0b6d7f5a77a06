import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, caseLinks, notifications, users, type Case, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { MINUTE, fixedClock } from '@/lib/clock';
import { caseForViewer, endedLinkName, listLinkedCases, peopleWithAccess } from './case-views';
import { endRepresentativeAccess } from './end-representative-access';
import { addTestCase, addTestRepresentative, linkTestCase, messagesTo, renameUser } from './testing/case-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const START = '2026-03-02T15:00:00Z';
const clock = fixedClock(START);
const db = () => getDb();

const applicant = async (given = 'Ana', family = 'Alvarez') => renameUser(db(), await createTestUser(db(), clock, { role: 'applicant' }), given, family);

/** A case linked to its applicant and to one representative. */
async function representedCase() {
  const theCase = await addTestCase(db(), clock);
  const owner = await applicant();
  await linkTestCase(db(), clock, theCase, owner);
  const rita = await addTestRepresentative(db(), clock);
  const ritaLink = await linkTestCase(db(), clock, theCase, rita, 'representative');
  return { theCase, owner, rita, ritaLink };
}

const end = (person: User, theCase: Case, linkId: number) =>
  endRepresentativeAccess(db(), clock, { applicant: person, theCase, linkId, requestId: 'req-end' });

const linkRow = async (id: number) => (await db().select().from(caseLinks).where(eq(caseLinks.id, id)))[0];
const endAudits = (theCase: Case) =>
  db().select().from(auditLog).where(and(eq(auditLog.action, 'case.access_end'), eq(auditLog.objectId, theCase.receiptNumber)));
const endedMessages = async (theCase: Case) =>
  (await db().select().from(notifications).where(eq(notifications.template, 'representative-access-ended'))).filter(
    (n) => n.payload.receiptNumber === theCase.receiptNumber,
  );

beforeEach(() => clock.set(START));

describe('the applicant ends a representative’s access', () => {
  it('ends the link, records who did it and tells both of them', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    clock.advance(5 * MINUTE);

    expect(await end(owner, theCase, ritaLink.id)).toEqual({ ok: true, representativeName: 'Rita Ramos' });

    const row = await linkRow(ritaLink.id);
    expect(row.endedAt?.toISOString()).toBe('2026-03-02T15:05:00.000Z');
    expect(row.endedBy).toBe(owner.id);
    const [audit] = await endAudits(theCase);
    expect(audit).toMatchObject({
      actorId: owner.id,
      actorRole: 'applicant',
      objectType: 'case',
      outcome: 'success',
      requestId: 'req-end',
      detail: { linkId: ritaLink.id, representativeId: rita.id },
    });
    expect(audit.at.toISOString()).toBe('2026-03-02T15:05:00.000Z');

    const payload = { receiptNumber: theCase.receiptNumber, formType: 'I-485', representativeName: 'Rita Ramos' };
    expect(await messagesTo(db(), owner.email, 'representative-access-ended')).toMatchObject([
      { channel: 'email', language: 'en', payload: { ...payload, audience: 'applicant' } },
    ]);
    expect(await messagesTo(db(), rita.email, 'representative-access-ended')).toMatchObject([
      { channel: 'email', payload: { ...payload, audience: 'representative' } },
    ]);
    expect(await endedMessages(theCase)).toHaveLength(2);

    // The applicant keeps their own access.
    expect((await peopleWithAccess(db(), theCase.id)).map((p) => p.userId)).toEqual([owner.id]);
    expect(await caseForViewer(db(), owner, theCase.receiptNumber)).toMatchObject({ id: theCase.id });
  });

  it('tells each person by the channel they chose, in their language', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    await db().update(users).set({ notificationChannel: 'sms', phone: '+16025550143', preferredLanguage: 'es' }).where(eq(users.id, owner.id));
    await db().update(users).set({ preferredLanguage: 'es' }).where(eq(users.id, rita.id));
    const [reread] = await db().select().from(users).where(eq(users.id, owner.id));

    expect((await end(reread, theCase, ritaLink.id)).ok).toBe(true);
    expect(await messagesTo(db(), '+16025550143', 'representative-access-ended')).toMatchObject([{ channel: 'sms', language: 'es', payload: { audience: 'applicant' } }]);
    expect(await messagesTo(db(), owner.email, 'representative-access-ended')).toHaveLength(0);
    expect(await messagesTo(db(), rita.email, 'representative-access-ended')).toMatchObject([{ channel: 'email', language: 'es', payload: { audience: 'representative' } }]);
  });

  it('names a representative without a name by their email address', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    await renameUser(db(), rita, '', '');
    expect(await end(owner, theCase, ritaLink.id)).toEqual({ ok: true, representativeName: rita.email });
    expect(await messagesTo(db(), owner.email, 'representative-access-ended')).toMatchObject([{ payload: { representativeName: rita.email } }]);
  });

  it('ends only that representative’s link', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    const omar = await addTestRepresentative(db(), clock, { givenName: 'Omar', familyName: 'Nassar', organisation: 'Nassar Law' });
    const omarLink = await linkTestCase(db(), clock, theCase, omar, 'representative');
    expect((await end(owner, theCase, ritaLink.id)).ok).toBe(true);
    expect((await linkRow(omarLink.id)).endedAt).toBeNull();
    expect(await caseForViewer(db(), omar, theCase.receiptNumber)).toMatchObject({ id: theCase.id });
    expect(await caseForViewer(db(), rita, theCase.receiptNumber)).toBeNull();
    expect(await messagesTo(db(), omar.email, 'representative-access-ended')).toHaveLength(0);
  });
});

describe('nobody else can end a representative’s access', () => {
  it('answers not found to a representative, another applicant and the applicant of another case, and changes nothing', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    const omar = await addTestRepresentative(db(), clock, { givenName: 'Omar', familyName: 'Nassar' });
    await linkTestCase(db(), clock, theCase, omar, 'representative');
    const stranger = await applicant('Sara', 'Stone');
    const otherCase = await addTestCase(db(), clock);
    const otherOwner = await applicant('Olga', 'Ortiz');
    await linkTestCase(db(), clock, otherCase, otherOwner);
    const [ownLink] = await db().select().from(caseLinks).where(and(eq(caseLinks.caseId, theCase.id), eq(caseLinks.userId, owner.id)));

    const attempts = [
      await end(rita, theCase, ritaLink.id), // the representative themself
      await end(omar, theCase, ritaLink.id), // another representative of the case
      await end(stranger, theCase, ritaLink.id), // an applicant with no link to the case
      await end(otherOwner, theCase, ritaLink.id), // the applicant of another case, naming this one
      await end(otherOwner, otherCase, ritaLink.id), // …or naming their own case with this link
      await end(owner, otherCase, ritaLink.id), // the right applicant, the wrong case
      await end(owner, theCase, ownLink.id), // the applicant's own link is not a representative's
      await end(owner, theCase, ritaLink.id + 1000), // no such link
    ];
    expect(attempts).toEqual(Array(attempts.length).fill({ ok: false, error: 'not_found' }));

    expect((await linkRow(ritaLink.id)).endedAt).toBeNull();
    expect((await linkRow(ownLink.id)).endedAt).toBeNull();
    expect(await endAudits(theCase)).toHaveLength(0);
    expect(await endAudits(otherCase)).toHaveLength(0);
    expect(await endedMessages(theCase)).toHaveLength(0);
    expect(await endedMessages(otherCase)).toHaveLength(0);
    expect(await caseForViewer(db(), rita, theCase.receiptNumber)).toMatchObject({ id: theCase.id });
  });

  it('does not let an officer end it, even one holding the link id', async () => {
    const { theCase, ritaLink } = await representedCase();
    const officer = await createTestUser(db(), clock, { role: 'officer' });
    await linkTestCase(db(), clock, theCase, officer); // a stray row cannot make an officer the applicant
    expect(await end(officer, theCase, ritaLink.id)).toEqual({ ok: false, error: 'not_found' });
    expect((await linkRow(ritaLink.id)).endedAt).toBeNull();
  });
});

describe('ending access twice', () => {
  it('ends it once: the second try finds nothing and sends nothing more', async () => {
    const { theCase, owner, ritaLink } = await representedCase();
    expect((await end(owner, theCase, ritaLink.id)).ok).toBe(true);
    clock.advance(MINUTE);
    expect(await end(owner, theCase, ritaLink.id)).toEqual({ ok: false, error: 'not_found' });
    expect((await linkRow(ritaLink.id)).endedAt?.toISOString()).toBe(START.replace('Z', '.000Z'));
    expect(await endAudits(theCase)).toHaveLength(1);
    expect(await endedMessages(theCase)).toHaveLength(2);
  });

  it('ends it once when the applicant submits twice at the same moment', async () => {
    const { theCase, owner, ritaLink } = await representedCase();
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => end(owner, theCase, ritaLink.id)));
    expect(outcomes.filter((o) => o.ok)).toEqual([{ ok: true, representativeName: 'Rita Ramos' }]);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(3).fill({ ok: false, error: 'not_found' }));
    expect(await endAudits(theCase)).toHaveLength(1);
    const messages = await endedMessages(theCase);
    expect(messages.map((m) => m.payload.audience).sort()).toEqual(['applicant', 'representative']);
  });
});

describe('after access ends', () => {
  it('the representative no longer sees the case, and the page can still name who lost access', async () => {
    const { theCase, owner, rita, ritaLink } = await representedCase();
    const stillRepresented = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, stillRepresented, rita, 'representative');
    expect((await listLinkedCases(db(), clock, rita)).map((c) => c.receiptNumber).sort()).toEqual(
      [theCase.receiptNumber, stillRepresented.receiptNumber].sort(),
    );
    expect(await endedLinkName(db(), theCase.id, ritaLink.id)).toBeNull();

    expect((await end(owner, theCase, ritaLink.id)).ok).toBe(true);

    expect(await caseForViewer(db(), rita, theCase.receiptNumber)).toBeNull();
    expect((await listLinkedCases(db(), clock, rita)).map((c) => c.receiptNumber)).toEqual([stillRepresented.receiptNumber]);
    expect((await peopleWithAccess(db(), theCase.id)).map((p) => p.role)).toEqual(['applicant']);
    expect(await endedLinkName(db(), theCase.id, ritaLink.id)).toBe('Rita Ramos');
    expect(await endedLinkName(db(), stillRepresented.id, ritaLink.id)).toBeNull();
  });
});
