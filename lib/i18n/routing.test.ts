import { describe, expect, it } from 'vitest';
import { localePath } from './routing';

describe('localePath', () => {
  it('leaves English addresses as they are and puts Spanish ones under /es, as next-intl routes them', () => {
    const cases = [
      ['/', 'en', '/'],
      ['/', 'es', '/es'],
      ['/sign-in', 'en', '/sign-in'],
      ['/sign-in', 'es', '/es/sign-in'],
      ['/dashboard?status=action_required&page=2', 'es', '/es/dashboard?status=action_required&page=2'],
    ] as const;
    for (const [path, locale, expected] of cases) expect(localePath(path, locale), `${locale} ${path}`).toBe(expected);
  });
});
