import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';
import { RETURN_PATH_BYPASSES } from './testing/return-path-bypasses';

describe('the page to return to after sign-in', () => {
  it.each(RETURN_PATH_BYPASSES)('ignores %s', (_, path) => {
    expect(safeReturnPath(path)).toBe('/');
  });

  it.each([
    ['/dashboard', '/dashboard'],
    ['/es/cases/IOE0912345678', '/es/cases/IOE0912345678'],
    ['/dashboard?q=Garc%C3%ADa&page=2', '/dashboard?q=Garc%C3%ADa&page=2'],
    ['/cases/IOE0912345678#history', '/cases/IOE0912345678#history'],
    // Resolved as a browser would, so what is followed is what was judged.
    ['/cases/../settings', '/settings'],
  ])('keeps a page of the portal: %s', (path, kept) => {
    expect(safeReturnPath(path)).toBe(kept);
  });

  it('never returns to the sign-in and sign-up pages themselves', () => {
    for (const path of ['/sign-in', '/es/sign-in/verify', '/sign-up?x=1', '/sign-out', '/Sign-In']) expect(safeReturnPath(path)).toBe('/');
  });

  it('answers nothing at all with the home page', () => {
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath('')).toBe('/');
  });
});
