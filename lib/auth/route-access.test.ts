import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedAnswer, PAGE_ROUTES, routeOfPageFile, type PageRoute } from './route-access';

const appDir = path.join(process.cwd(), 'app', '[locale]');

/** Every page.tsx under app/[locale], as paths relative to it. */
function pageFiles(dir = appDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? [path.relative(appDir, full)] : [];
  });
}

describe('the list of who may open each page', () => {
  const onDisk = pageFiles().map(routeOfPageFile).sort();
  const listed = Object.keys(PAGE_ROUTES).sort();

  it('has an entry for every page on disk: a new page must declare who may open it', () => {
    const missing = onDisk.filter((route) => !listed.includes(route));
    expect(missing, `add these pages to PAGE_ROUTES in lib/auth/route-access.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists no page that does not exist', () => {
    const stale = listed.filter((route) => !onDisk.includes(route));
    expect(stale, `these entries of PAGE_ROUTES have no page: ${stale.join(', ')}`).toEqual([]);
  });

  it('gives each entry a sample address that matches its pattern', () => {
    for (const [pattern, route] of Object.entries(PAGE_ROUTES) as [string, PageRoute][]) {
      const matcher = new RegExp(
        `^${pattern
          .split('/')
          .map((segment) =>
            segment.startsWith('[[...') || segment.startsWith('[...') ? '.+' : segment.startsWith('[') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      );
      expect(route.sample, pattern).toMatch(matcher);
      expect(route.sample.startsWith('/es'), `${pattern}: samples are English paths; the journey adds /es`).toBe(false);
    }
  });
});

describe('what each role gets', () => {
  it('follows the areas of lib/auth/policy.ts', () => {
    expect(expectedAnswer(PAGE_ROUTES['/officer/staff'], null)).toBe('sign-in');
    expect(expectedAnswer(PAGE_ROUTES['/officer/staff'], 'applicant')).toBe('not-found');
    expect(expectedAnswer(PAGE_ROUTES['/officer/staff'], 'officer')).toBe('not-found');
    expect(expectedAnswer(PAGE_ROUTES['/officer/staff'], 'supervisor')).toBe('page');
    expect(expectedAnswer(PAGE_ROUTES['/settings'], 'representative')).toBe('page');
    expect(expectedAnswer(PAGE_ROUTES['/settings'], null)).toBe('sign-in');
    expect(expectedAnswer(PAGE_ROUTES['/'], null)).toBe('page');
    expect(expectedAnswer(PAGE_ROUTES['/[...rest]'], 'supervisor')).toBe('not-found');
    expect(expectedAnswer({ access: 'signed-out-only', sample: '/sign-in' }, 'officer')).toBe('landing');
    expect(expectedAnswer({ access: 'signed-out-only', sample: '/sign-in' }, null)).toBe('page');
  });

  it('reads route patterns from page files, without route groups', () => {
    expect(routeOfPageFile('page.tsx')).toBe('/');
    expect(routeOfPageFile('settings/security/page.tsx')).toBe('/settings/security');
    expect(routeOfPageFile('(signed-in)/cases/[receipt]/page.tsx')).toBe('/cases/[receipt]');
    expect(routeOfPageFile('[...rest]/page.tsx')).toBe('/[...rest]');
  });
});
