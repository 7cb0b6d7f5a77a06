import { describe, expect, it } from 'vitest';
import { MINUTE } from '@/lib/clock';
import { maskEmail, minutesToWait, phoneEnding } from './sign-in-display';
import { IDLE_WARNING_LEAD_MS, sessionTimeLeft } from './session-timing';

describe('where the code went, as the verification page says it', () => {
  it('shows the first character of the mailbox and the whole domain', () => {
    expect(maskEmail('ana.applicant@example.com')).toBe('a•••@example.com');
    expect(maskEmail('ñandu@correo.example.es')).toBe('ñ•••@correo.example.es');
    expect(maskEmail('x@example.com')).toBe('x•••@example.com');
  });

  it('shows nothing of a value that is not an address', () => {
    expect(maskEmail('no-at-sign')).toBe('•••');
    expect(maskEmail('@example.com')).toBe('•••');
  });

  it('gives the last four digits of a phone number', () => {
    expect(phoneEnding('+16025550143')).toBe('0143');
    expect(phoneEnding('(602) 555-0143')).toBe('0143');
    expect(phoneEnding('12')).toBeNull();
    expect(phoneEnding(null)).toBeNull();
  });
});

describe('how long to wait, in whole minutes', () => {
  const now = new Date('2026-05-04T15:00:00Z');
  it('rounds up, so the person never comes back too early', () => {
    expect(minutesToWait(new Date(now.getTime() + 20 * MINUTE), now)).toBe(20);
    expect(minutesToWait(new Date(now.getTime() + 19 * MINUTE + 1), now)).toBe(20);
    expect(minutesToWait(new Date(now.getTime() + 61_000), now)).toBe(2);
  });

  it('never says 0 minutes', () => {
    expect(minutesToWait(new Date(now.getTime() + 1), now)).toBe(1);
    expect(minutesToWait(now, now)).toBe(1);
  });
});

describe('the time left the browser is told', () => {
  const now = new Date('2026-05-04T15:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

  it('is durations with the warning lead time, the idle end first', () => {
    expect(sessionTimeLeft({ idleExpiresAt: at(30), absoluteExpiresAt: at(600) }, now)).toEqual({
      idleMs: 30 * MINUTE,
      absoluteMs: 600 * MINUTE,
      warnBeforeMs: IDLE_WARNING_LEAD_MS,
      endsBy: 'idle',
    });
    expect(IDLE_WARNING_LEAD_MS).toBe(2 * MINUTE);
  });

  it('says when the 12-hour end comes first, which staying signed in cannot push back', () => {
    expect(sessionTimeLeft({ idleExpiresAt: at(10), absoluteExpiresAt: at(10) }, now).endsBy).toBe('absolute');
  });

  it('never goes below zero', () => {
    expect(sessionTimeLeft({ idleExpiresAt: at(-1), absoluteExpiresAt: at(-1) }, now)).toMatchObject({ idleMs: 0, absoluteMs: 0 });
  });
});
