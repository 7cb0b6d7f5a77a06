import { describe, expect, it } from 'vitest';
import { addBusinessDays, requestDueAt } from './due-time';
import { isUrgentReason, needsExplanation, OTHER_REASONS, REQUEST_REASONS } from './reasons';
import { generateRequestReference, normaliseRequestReference } from './reference';

describe('reference numbers', () => {
  it('read "AR-XXXX-XXXX" from the access-code alphabet, never a look-alike', () => {
    const references = Array.from({ length: 2_000 }, generateRequestReference);
    for (const reference of references) expect(reference).toMatch(/^AR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Random, not sequential: two thousand draws from 2^40 do not repeat.
    expect(new Set(references).size).toBe(references.length);
  });

  it('are found however they are typed, and nothing else passes for one', () => {
    expect(normaliseRequestReference(' ar-7kq2-m9xd ')).toBe('AR-7KQ2-M9XD');
    expect(normaliseRequestReference('AR 7KQ2 M9XD')).toBe('AR-7KQ2-M9XD');
    for (const junk of ['', 'AR-7KQ2-M9X', 'AR-7KQ2-M9XDD', 'AR-7KQ2-M9XO', 'XR-7KQ2-M9XD', 'AR-../-etc/', 'AR-7KQ2-M9XI']) {
      expect(normaliseRequestReference(junk)).toBeNull();
    }
  });
});

describe('reasons', () => {
  it('are the three named reasons and "Other", limited to seven situations', () => {
    expect(REQUEST_REASONS).toHaveLength(4);
    expect(OTHER_REASONS).toHaveLength(7);
    expect(REQUEST_REASONS.filter(isUrgentReason)).toEqual(['emergency_advance_parole']);
    expect(REQUEST_REASONS.filter(needsExplanation)).toEqual(['emergency_advance_parole', 'other']);
  });
});

describe('when a request is due', () => {
  it('is 72 hours after an urgent request (emergency advance parole), weekends and holidays included', () => {
    const friday = new Date('2026-07-02T20:00:00Z');
    expect(requestDueAt(friday, true, 'America/New_York')).toEqual(new Date('2026-07-05T20:00:00Z'));
  });

  it('skips weekends and observed federal holidays when counting business days', () => {
    // Independence Day 2026 falls on a Saturday and is observed on Friday 3 July.
    expect(addBusinessDays('2026-07-02', 1)).toBe('2026-07-06');
    // New Year's Day 2028 falls on a Saturday and is observed on Friday 31 December 2027.
    expect(addBusinessDays('2027-12-30', 1)).toBe('2028-01-03');
    // Veterans Day (Wednesday) and Thanksgiving (Thursday) 2026.
    expect(addBusinessDays('2026-11-10', 1)).toBe('2026-11-12');
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
  });

  it('is 30 business days after any other request, at the same time of day in the office’s zone', () => {
    // Monday 2 November 2026, 10:00 in New York; Veterans Day and Thanksgiving are not counted.
    expect(requestDueAt(new Date('2026-11-02T15:00:00Z'), false, 'America/New_York')).toEqual(new Date('2026-12-16T15:00:00Z'));
  });

  it('keeps the local time across a daylight-saving change, and starts counting after a weekend', () => {
    // Friday 20 February 2026, 09:00 EST; due Friday 3 April, 09:00 EDT (an hour earlier in UTC).
    expect(requestDueAt(new Date('2026-02-20T14:00:00Z'), false, 'America/New_York')).toEqual(new Date('2026-04-03T13:00:00Z'));
    // Saturday 21 February: the count starts on Monday, as it does for the Friday before.
    expect(requestDueAt(new Date('2026-02-21T14:00:00Z'), false, 'America/New_York')).toEqual(new Date('2026-04-03T13:00:00Z'));
    // Phoenix keeps no daylight-saving time: the UTC hour never moves.
    expect(requestDueAt(new Date('2026-02-20T16:00:00Z'), false, 'America/Phoenix')).toEqual(new Date('2026-04-03T16:00:00Z'));
  });
});
