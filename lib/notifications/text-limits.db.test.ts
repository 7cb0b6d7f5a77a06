import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { reserveText, textPausedUntil } from './text-limits';

const sent = (results: { ok: boolean }[]) => results.filter((r) => r.ok).length;

describe('text limits', () => {
  it('allow 5 texts an hour per account, then tell when texting opens again', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await reserveText(getDb(), clock, { accountId: 1, phone: `+1202555010${i}` }));
      clock.advance(MINUTE);
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(results[5]).toEqual({ ok: false, until: new Date('2026-03-01T13:00:00Z') });
    clock.set('2026-03-01T13:00:00Z');
    expect((await reserveText(getDb(), clock, { accountId: 1, phone: '+12025550109' })).ok).toBe(true);
  });

  it('allow 5 texts an hour to one number, however many accounts ask', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const results = [];
    for (let account = 10; account < 16; account++) results.push(await reserveText(getDb(), clock, { accountId: account, phone: '+12025550111' }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    // The refused text was not counted against its account.
    for (let i = 0; i < 5; i++) expect((await reserveText(getDb(), clock, { accountId: 15, phone: `+1202555020${i}` })).ok).toBe(true);
  });

  it('allow 10 texts a day, and say the day’s end when that is the limit reached', async () => {
    const clock = fixedClock('2026-03-01T00:00:00Z');
    let sentToday = 0;
    for (let hour = 0; hour < 4; hour++) {
      for (let i = 0; i < 5; i++) if ((await reserveText(getDb(), clock, { accountId: 20, phone: '+12025550122' })).ok) sentToday++;
      clock.advance(HOUR);
    }
    expect(sentToday).toBe(10);
    expect(await reserveText(getDb(), clock, { accountId: 20, phone: '+12025550122' })).toEqual({ ok: false, until: new Date('2026-03-02T00:00:00Z') });
  });

  it('never sends more than the limit when 30 requests race, to one number from many accounts', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => reserveText(getDb(), clock, { accountId: 100 + (i % 3), phone: '+12025550133' })),
    );
    expect(sent(results)).toBe(5);
  });
});

describe('a paused number or account, as forms see it before they text', () => {
  it('is paused once a limit is spent, until its window ends, and not before', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const to = { accountId: 300, phone: '+12025550144' };
    for (let i = 0; i < 4; i++) await reserveText(getDb(), clock, to);
    expect(await textPausedUntil(getDb(), clock, to)).toBeNull();
    await reserveText(getDb(), clock, to);
    expect(await textPausedUntil(getDb(), clock, to)).toEqual(new Date('2026-03-01T13:00:00Z'));
    expect(await textPausedUntil(getDb(), clock, { accountId: 301, phone: '+12025550144' })).toEqual(new Date('2026-03-01T13:00:00Z'));
    expect(await textPausedUntil(getDb(), clock, { accountId: 300, phone: '+12025550145' })).toEqual(new Date('2026-03-01T13:00:00Z'));
    clock.set('2026-03-01T13:00:00Z');
    expect(await textPausedUntil(getDb(), clock, to)).toBeNull();
  });
});
