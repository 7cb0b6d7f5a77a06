import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request id', () => {
  it('keeps a short safe id a caller sent, so both sides can find the same request', () => {
    expect(requestIdFrom('lb-7f3a9c21')).toBe('lb-7f3a9c21');
    expect(requestIdFrom('0c6b1a5e-2f0d-4a47-9a55-3a0f5b1e9d10')).toBe('0c6b1a5e-2f0d-4a47-9a55-3a0f5b1e9d10');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['too short', 'abc'],
    ['too long', 'a'.repeat(65)],
    ['unbounded', 'x'.repeat(100_000)],
    ['a newline (log forging)', 'abcdefgh\n{"level":"error"}'],
    ['markup', '<script>alert(1)</script>'],
    ['spaces', 'abc defgh ijk'],
    ['non-ASCII', 'ídentificador-1'],
  ])('replaces one that is %s with a fresh one', (_, sent) => {
    const id = requestIdFrom(sent);
    expect(id).toMatch(UUID);
    expect(id).not.toBe(sent);
  });
});
