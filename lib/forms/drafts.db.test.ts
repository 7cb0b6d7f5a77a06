import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { fixedClock } from '@/lib/clock';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { clearDraft, readDraft, saveDraft } from './drafts';

const clock = fixedClock('2026-12-03T15:00:00Z');

describe('form drafts', () => {
  it("keep each person's answers between pages, merged page by page, until cleared", async () => {
    const db = getDb();
    const [ana, ben] = [await createTestUser(db, clock), await createTestUser(db, clock)];
    expect(await readDraft(db, 'appointment-request', ana.id)).toEqual({});
    await saveDraft(db, clock, 'appointment-request', ana.id, { reason: 'other' });
    await saveDraft(db, clock, 'appointment-request', ana.id, { otherReason: 'deferred_action', reason: 'other' });
    await saveDraft(db, clock, 'appointment-request', ben.id, { reason: 'adit_stamp' });
    expect(await readDraft(db, 'appointment-request', ana.id)).toEqual({ reason: 'other', otherReason: 'deferred_action' });
    expect(await readDraft(db, 'appointment-request', ben.id)).toEqual({ reason: 'adit_stamp' });
    // A long explanation in any script is kept whole (a cookie could not hold it).
    const explanation = '请'.repeat(1_000);
    await saveDraft(db, clock, 'appointment-request', ana.id, { explanation });
    expect((await readDraft(db, 'appointment-request', ana.id)).explanation).toBe(explanation);
    await clearDraft(db, 'appointment-request', ana.id);
    expect(await readDraft(db, 'appointment-request', ana.id)).toEqual({});
    expect(await readDraft(db, 'appointment-request', ben.id)).toEqual({ reason: 'adit_stamp' });
  });
});
