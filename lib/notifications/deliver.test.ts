import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '@/lib/clock';
import { backoffAfterAttempt, describeFailure, MAX_ATTEMPTS } from './deliver';

describe('retries', () => {
  it('wait 1 minute, 5 minutes, 30 minutes, 2 hours and 6 hours; the sixth attempt is the last', () => {
    expect([1, 2, 3, 4, 5].map(backoffAfterAttempt)).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR]);
    expect(MAX_ATTEMPTS).toBe(6);
  });
});

describe('a failure as recorded on the row', () => {
  it('keeps the server’s answer but not the recipient', () => {
    const error = new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <Ana@Example.com>: no such user");
    expect(describeFailure(error, 'ana@example.com')).toBe(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <[recipient]>: no such user",
    );
    expect(describeFailure(new Error('21211 invalid number 5551234567'), '+15551234567')).toBe('21211 invalid number [recipient]');
    expect(describeFailure(new Error('x'.repeat(2000)), 'a@b.c')).toHaveLength(500);
  });
});
