import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, backupCodes, formDrafts, notifications, oneTimeCodes, sessions, throttles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { DAY, fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { purgeJob, purgeSpentRecords } from './purge';

const clock = fixedClock('2026-03-20T12:00:00Z');
const ago = (ms: number) => new Date(clock.now().getTime() - ms);
const ahead = (ms: number) => new Date(clock.now().getTime() + ms);
let userId: number;

beforeAll(async () => {
  const [user] = await getDb()
    .insert(users)
    .values({ email: 'purge@example.com', role: 'applicant', createdAt: ago(60 * DAY), updatedAt: ago(60 * DAY) })
    .returning();
  userId = user.id;
});

async function addSession(name: string, values: { createdAt: Date; expiresAt: Date; endedAt?: Date }) {
  await getDb()
    .insert(sessions)
    .values({ tokenHash: name, userId, lastSeenAt: values.createdAt, ...values });
}

async function addCode(name: string, values: { createdAt: Date; expiresAt: Date; usedAt?: Date }) {
  await getDb().insert(oneTimeCodes).values({ userId, purpose: 'sign_in', codeHash: name, ...values });
}

const remaining = async <T extends { name: string }>(rows: Promise<T[]>) => (await rows).map((row) => row.name).sort();

describe('purging spent records', () => {
  it('deletes sessions, counters and codes a week past their use, and keeps the rest and the audit log', async () => {
    const db = getDb();
    await addSession('ended 8 days ago', { createdAt: ago(9 * DAY), expiresAt: ago(8 * DAY - 12 * HOUR), endedAt: ago(8 * DAY) });
    await addSession('expired 8 days ago', { createdAt: ago(8 * DAY + 12 * HOUR), expiresAt: ago(8 * DAY) });
    await addSession('ended yesterday', { createdAt: ago(2 * DAY), expiresAt: ahead(DAY), endedAt: ago(DAY) });
    await addSession('signed in now', { createdAt: ago(MINUTE), expiresAt: ahead(12 * HOUR) });

    await db.insert(throttles).values([
      { key: 'over', count: 5, windowStartedAt: ago(3 * DAY) },
      { key: 'over, block ended', count: 0, windowStartedAt: ago(3 * DAY), blockedUntil: ago(2 * DAY) },
      { key: 'old window, still blocked', count: 0, windowStartedAt: ago(3 * DAY), blockedUntil: ahead(MINUTE) },
      { key: 'window of today', count: 3, windowStartedAt: ago(HOUR) },
    ]);

    await addCode('used 8 days ago', { createdAt: ago(8 * DAY), expiresAt: ago(8 * DAY - 10 * MINUTE), usedAt: ago(8 * DAY) });
    await addCode('expired 8 days ago', { createdAt: ago(8 * DAY + 10 * MINUTE), expiresAt: ago(8 * DAY) });
    await addCode('used an hour ago', { createdAt: ago(HOUR + MINUTE), expiresAt: ago(HOUR - 9 * MINUTE), usedAt: ago(HOUR) });
    await addCode('waiting', { createdAt: ago(MINUTE), expiresAt: ahead(9 * MINUTE) });

    await db.insert(backupCodes).values([
      { userId, codeHash: 'used 8 days ago', createdAt: ago(30 * DAY), usedAt: ago(8 * DAY) },
      { userId, codeHash: 'used yesterday', createdAt: ago(30 * DAY), usedAt: ago(DAY) },
      { userId, codeHash: 'unused', createdAt: ago(30 * DAY) },
    ]);
    const message = (name: string, template: string, status: 'pending' | 'delivered' | 'failed', createdAt: Date) => ({
      channel: 'email' as const,
      recipient: 'purge@example.com',
      language: 'en' as const,
      template,
      payload: {},
      dedupeKey: name,
      status,
      nextAttemptAt: createdAt,
      createdAt,
    });
    await db.insert(notifications).values([
      message('code delivered 8 days ago', 'one-time-code', 'delivered', ago(8 * DAY)),
      message('code failed 8 days ago', 'one-time-code', 'failed', ago(8 * DAY)),
      message('code delivered yesterday', 'one-time-code', 'delivered', ago(DAY)),
      message('notice delivered 8 days ago', 'case-status-changed', 'delivered', ago(8 * DAY)),
    ]);
    await db.insert(formDrafts).values([
      { key: 'left 25 hours ago', userId, data: { reason: 'adit_stamp' }, updatedAt: ago(25 * HOUR) },
      { key: 'being filled in', userId, data: { reason: 'other' }, updatedAt: ago(MINUTE) },
    ]);
    await recordAudit(db, clock, { actor: { id: userId, role: 'applicant' }, action: 'session.end', objectType: 'session', outcome: 'success' });
    const auditBefore = await db.select().from(auditLog);

    const report = await purgeSpentRecords(db, clock);

    expect(report).toEqual({ sessions: 2, throttles: 2, oneTimeCodes: 2, backupCodes: 1, codeMessages: 2, formDrafts: 1, apiTokens: 0, idempotencyKeys: 0 });
    expect(await remaining(db.select({ name: sessions.tokenHash }).from(sessions))).toEqual(['ended yesterday', 'signed in now']);
    expect(await remaining(db.select({ name: throttles.key }).from(throttles))).toEqual(['old window, still blocked', 'window of today']);
    expect(await remaining(db.select({ name: oneTimeCodes.codeHash }).from(oneTimeCodes))).toEqual(['used an hour ago', 'waiting']);
    expect(await remaining(db.select({ name: backupCodes.codeHash }).from(backupCodes))).toEqual(['unused', 'used yesterday']);
    expect(await remaining(db.select({ name: formDrafts.key }).from(formDrafts))).toEqual(['being filled in']);
    expect(await remaining(db.select({ name: notifications.dedupeKey }).from(notifications))).toEqual(['code delivered yesterday', 'notice delivered 8 days ago']);

    const auditAfter = await db.select().from(auditLog);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length)).toMatchObject([
      { action: 'housekeeping.purge', actorId: null, outcome: 'success', detail: { sessions: 2, throttles: 2, oneTimeCodes: 2, backupCodes: 1, codeMessages: 2, formDrafts: 1, apiTokens: 0, idempotencyKeys: 0 } },
    ]);

    // Nothing left to purge: nothing deleted, nothing audited.
    expect(await purgeSpentRecords(db, clock)).toEqual({ sessions: 0, throttles: 0, oneTimeCodes: 0, backupCodes: 0, codeMessages: 0, formDrafts: 0, apiTokens: 0, idempotencyKeys: 0 });
    expect(await db.select().from(auditLog)).toHaveLength(auditAfter.length);
  });

  it('runs in the worker at most once an hour', async () => {
    const db = getDb();
    const jobClock = fixedClock('2026-04-20T12:00:00Z');
    const job = purgeJob();
    const context = { db, clock: jobClock, signal: new AbortController().signal };
    await purgeSpentRecords(db, jobClock); // what the test above left
    await addCode('spent before the first round', { createdAt: ago(0), expiresAt: ahead(MINUTE) });
    expect((await job.run(context)).counts?.oneTimeCodes).toBe(1);

    await addCode('spent before the second round', { createdAt: ago(0), expiresAt: ahead(MINUTE) });
    jobClock.advance(59 * MINUTE);
    expect(await job.run(context)).toEqual({});
    jobClock.advance(MINUTE);
    expect((await job.run(context)).counts?.oneTimeCodes).toBe(1);
  });
});
