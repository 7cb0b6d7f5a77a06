/**
 * The case, access-code, appointment-request, reschedule and callback server actions are endpoints: anyone can POST to them, whatever page
 * rendered the form. Each must check, before it reads the form or touches the store, that an
 * applicant or representative is signed in (requireArea('cases')). Here each one is called with
 * nobody signed in (the check throws, as requireArea's redirect to sign-in does) and must stop at once.
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

const modules = {
  'lib/access-codes/actions.ts': await import('@/lib/access-codes/actions'),
  'lib/cases/actions.ts': await import('./actions'),
  'lib/appointment-requests/request-actions.ts': await import('@/lib/appointment-requests/request-actions'),
  'lib/biometrics/reschedule-actions.ts': await import('@/lib/biometrics/reschedule-actions'),
  'lib/callbacks/customer-actions.ts': await import('@/lib/callbacks/customer-actions'),
};

/** Actions that take one argument: bound to a form without useActionState (the form), or reading no fields (the state). */
const FORM_ONLY = new Set(['endRepresentativeAccessAction', 'submitRequestAction', 'cancelCallbackAction']);

type Action = (...args: unknown[]) => Promise<unknown>;
const actions = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, value]) => ({ file, name, action: value as unknown as Action })),
);

function postedForm(): FormData {
  const form = new FormData();
  form.set('receiptNumber', 'IOE0912345678');
  form.set('accessCode', '7KQ2-M9XD-4RTF');
  form.set('linkId', '1');
  form.set('dateOfBirthMonth', '7');
  form.set('dateOfBirthDay', '14');
  form.set('dateOfBirthYear', '1990');
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

describe('case, access-code and appointment-request actions check who is asking first', () => {
  it('are the actions this test knows how to call', () => {
    expect(actions.map((a) => a.name).sort()).toEqual([
      'answerQuestionAction',
      'cancelCallbackAction',
      'cancelRequestAction',
      'chooseCentreAction',
      'chooseGoodCauseAction',
      'chooseTimeAction',
      'confirmRescheduleAction',
      'endRepresentativeAccessAction',
      'linkCaseAction',
      'requestAccessCodeAction',
      'requestCallbackAction',
      'saveRequestStepAction',
      'submitRequestAction',
    ]);
    for (const { name, action } of actions) expect(action.length, name).toBe(FORM_ONLY.has(name) ? 1 : 2);
  });

  for (const { name, action } of actions) {
    it(`${name} stops at requireArea('cases') when nobody is signed in`, async () => {
      const call = FORM_ONLY.has(name) ? action(postedForm()) : action({ attempt: 0 }, postedForm());
      await expect(call).rejects.toBe(NOT_SIGNED_IN);
      expect(checks.requireArea).toHaveBeenCalledExactlyOnceWith('cases');
      expect(checks.requireUser).not.toHaveBeenCalled();
      expect(checks.getDb).not.toHaveBeenCalled();
      expect(checks.headers).not.toHaveBeenCalled();
      expect(checks.notFound).not.toHaveBeenCalled();
    });

    it(`${name} stops when the signed-in person may not use cases (an officer gets "not found")`, async () => {
      const NOT_FOUND = new Error('NEXT_NOT_FOUND');
      checks.requireArea.mockRejectedValue(NOT_FOUND);
      const call = FORM_ONLY.has(name) ? action(postedForm()) : action({ attempt: 0 }, postedForm());
      await expect(call).rejects.toBe(NOT_FOUND);
      expect(checks.getDb).not.toHaveBeenCalled();
    });
  }

  it('write the check as their first statement (read from the source)', () => {
    const checked: string[] = [];
    for (const file of Object.keys(modules)) {
      const source = readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
      expect(source.startsWith("'use server';"), file).toBe(true);
      for (const match of source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\n\s*(.*)\n/g)) {
        const [, name, firstLine] = match;
        expect(firstLine, `${file}: ${name}`).toBe("const { user } = await requireArea('cases');");
        checked.push(name);
      }
    }
    expect(checked.sort()).toEqual(actions.map((a) => a.name).sort());
  });
});
