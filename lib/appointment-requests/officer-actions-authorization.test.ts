/**
 * The officers' request actions are endpoints: anyone can POST to them, whatever page rendered the
 * form. Each must check, before it reads the form or touches the store, that an officer (or a
 * supervisor) is signed in: requireArea('officer'). Here each one is called with nobody signed in
 * (the check throws, as requireArea's redirect to sign-in does) and must stop at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const NOT_SIGNED_IN = new Error('NEXT_REDIRECT: not signed in');

const checks = vi.hoisted(() => ({ requireArea: vi.fn(), requireUser: vi.fn(), getDb: vi.fn(), headers: vi.fn(), notFound: vi.fn() }));

vi.mock('@/lib/auth/current-user', () => ({ requireArea: checks.requireArea, requireUser: checks.requireUser }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/db/client')>()), getDb: checks.getDb, transaction: checks.getDb }));
vi.mock('next/headers', () => ({ headers: checks.headers, cookies: vi.fn() }));
vi.mock('next/navigation', () => ({ notFound: checks.notFound }));
vi.mock('@/lib/i18n/navigation', () => ({
  redirect: vi.fn(() => {
    throw new Error('redirected before the check');
  }),
}));
vi.mock('next-intl/server', () => ({ getLocale: vi.fn(async () => 'en'), getTranslations: vi.fn(async () => (key: string) => key) }));

const file = 'lib/appointment-requests/officer-actions.ts';
const exported = await import('./officer-actions');

type Action = (...args: unknown[]) => Promise<unknown>;
const actions = Object.entries(exported)
  .filter(([, value]) => typeof value === 'function')
  .map(([name, value]) => ({ name, action: value as unknown as Action }));

function postedForm(): FormData {
  const form = new FormData();
  form.set('reference', 'AR-7KQ2-M9XD');
  form.set('decision', 'not_needed');
  form.set('message', 'You do not need an appointment.');
  return form;
}

beforeEach(() => {
  vi.clearAllMocks();
  checks.requireArea.mockRejectedValue(NOT_SIGNED_IN);
  checks.requireUser.mockRejectedValue(NOT_SIGNED_IN);
  checks.getDb.mockImplementation(() => {
    throw new Error('the store was reached before the check');
  });
  checks.headers.mockImplementation(() => {
    throw new Error('the request was read before the check');
  });
  checks.notFound.mockImplementation(() => {
    throw new Error('answered not found before the check');
  });
});

describe('officer request actions check who is asking first', () => {
  it('are the actions this test knows how to call', () => {
    expect(actions.map((a) => a.name).sort()).toEqual(['claimRequestAction', 'decideRequestAction']);
    for (const { name, action } of actions) expect(action.length, name).toBe(2);
  });

  for (const { name, action } of actions) {
    it(`${name} stops at requireArea('officer') when nobody is signed in`, async () => {
      await expect(action({ attempt: 0 }, postedForm())).rejects.toBe(NOT_SIGNED_IN);
      expect(checks.requireArea).toHaveBeenCalledExactlyOnceWith('officer');
      expect(checks.getDb).not.toHaveBeenCalled();
      expect(checks.headers).not.toHaveBeenCalled();
      expect(checks.notFound).not.toHaveBeenCalled();
    });

    it(`${name} stops when the signed-in person is not an officer (they get "not found")`, async () => {
      const NOT_FOUND = new Error('NEXT_NOT_FOUND');
      checks.requireArea.mockRejectedValue(NOT_FOUND);
      await expect(action({ attempt: 0 }, postedForm())).rejects.toBe(NOT_FOUND);
      expect(checks.getDb).not.toHaveBeenCalled();
    });
  }

  it('write the check as their first statement (read from the source)', () => {
    const source = readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
    expect(source.startsWith("'use server';")).toBe(true);
    const checked: string[] = [];
    for (const [, name, firstLine] of source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\n\s*(.*)\n/g)) {
      expect(firstLine, name).toBe("const { user } = await requireArea('officer');");
      checked.push(name);
    }
    expect(checked.sort()).toEqual(actions.map((a) => a.name).sort());
  });
});
