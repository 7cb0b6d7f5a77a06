/**
 * Server actions are endpoints: anyone can POST to them, whatever page rendered the form. Every
 * settings action (API credentials included) and every staff action (supervisors' staff and capacity pages, officers' request decisions) must therefore check who is asking before it reads
 * the form or touches the store. Here each one is called with nobody signed in (the check throws, as
 * requireArea's redirect to sign-in does) and must stop at once, having asked for the right area.
 *
 * The staff set-up actions are the exception, on purpose: the person is not signed in yet, and the
 * set-up link's token (then the set-up's pending session) is their proof, checked by the services
 * (lib/auth/staff-accounts.db.test.ts). They are listed below, so a new action cannot silently join them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const NOT_SIGNED_IN = new Error('NEXT_REDIRECT: not signed in');

const checks = vi.hoisted(() => ({ requireArea: vi.fn(), requireUser: vi.fn(), getDb: vi.fn(), cookies: vi.fn() }));

vi.mock('@/lib/auth/current-user', () => ({ requireArea: checks.requireArea, requireUser: checks.requireUser }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/db/client')>()), getDb: checks.getDb, transaction: checks.getDb }));
vi.mock('next/headers', () => ({ headers: vi.fn(async () => new Headers()), cookies: checks.cookies }));
vi.mock('@/lib/i18n/navigation', () => ({
  redirect: vi.fn(() => {
    throw new Error('redirected before the check');
  }),
}));
vi.mock('next-intl/server', () => ({ getLocale: vi.fn(async () => 'en'), getTranslations: vi.fn(async () => (key: string) => key) }));

const settings = await import('./settings');
const staff = await import('./staff');
const capacity = await import('@/lib/biometrics/capacity-actions');
const officerRequests = await import('@/lib/appointment-requests/officer-actions');
const officerCallbacks = await import('@/lib/callbacks/officer-actions');
const apiClients = await import('@/lib/api/client-actions');

/** Actions open to people who are not signed in, and why they may be. */
const PUBLIC_ACTIONS: Record<string, string> = {
  startStaffSetupAction: 'the set-up link token is the proof (checked and used up by startStaffSetup)',
  confirmStaffSetupAction: 'the set-up pending session is the proof (checked by finishStaffSetup)',
  resendStaffSetupCodeAction: 'the set-up pending session is the proof (checked by pendingStaffSetup)',
  leaveStaffSetupAction: 'only forgets this browser’s set-up cookie',
};

const EXPECTED_AREA: Record<string, 'account' | 'representative' | 'officer' | 'supervisor'> = {
  ...Object.fromEntries(Object.keys(settings).map((name) => [name, 'account' as const])),
  createStaffAction: 'supervisor',
  resendStaffLinkAction: 'supervisor',
  setDayClosedAction: 'supervisor',
  saveCapacitiesAction: 'supervisor',
  claimRequestAction: 'officer',
  decideRequestAction: 'officer',
  startCallbackAction: 'officer',
  recordCallOutcomeAction: 'officer',
  createApiClientAction: 'representative',
  rotateApiClientAction: 'representative',
  revokeApiClientAction: 'representative',
};

type Action = (previous: { attempt: number }, form: FormData) => Promise<unknown>;
const actions = [...Object.entries(settings), ...Object.entries(staff), ...Object.entries(capacity), ...Object.entries(officerRequests), ...Object.entries(officerCallbacks), ...Object.entries(apiClients)]
  .filter(([, value]) => typeof value === 'function')
  .map(([name, value]) => [name, value as unknown as Action] as const);

beforeEach(() => {
  vi.clearAllMocks();
  checks.requireArea.mockRejectedValue(NOT_SIGNED_IN);
  checks.requireUser.mockRejectedValue(NOT_SIGNED_IN);
  checks.getDb.mockImplementation(() => {
    throw new Error('the store was reached before the check');
  });
  checks.cookies.mockImplementation(() => {
    throw new Error('cookies were read before the check');
  });
});

describe('settings, staff, capacity and officer request actions check who is asking first', () => {
  it('every exported action is either checked or listed as public', () => {
    const names = actions.map(([name]) => name).sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(EXPECTED_AREA[name] ?? PUBLIC_ACTIONS[name], name).toBeDefined();
  });

  for (const [name, action] of actions.filter(([name]) => !PUBLIC_ACTIONS[name])) {
    it(`${name} stops at requireArea('${EXPECTED_AREA[name]}') when nobody is signed in`, async () => {
      const form = new FormData();
      form.set('userId', '1');
      form.set('password', 'river-stone-lantern-42');
      await expect(action({ attempt: 0 }, form)).rejects.toBe(NOT_SIGNED_IN);
      expect(checks.requireArea).toHaveBeenCalledExactlyOnceWith(EXPECTED_AREA[name]);
      expect(checks.getDb).not.toHaveBeenCalled();
      expect(checks.cookies).not.toHaveBeenCalled();
    });
  }

  it('write the check as their first statement (read from the source)', () => {
    const checked: string[] = [];
    for (const file of ['settings.ts', 'staff.ts', '../../biometrics/capacity-actions.ts', '../../appointment-requests/officer-actions.ts', '../../callbacks/officer-actions.ts', '../../api/client-actions.ts']) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      for (const match of source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\n\s*(.*)\n/g)) {
        const [, name, firstLine] = match;
        if (PUBLIC_ACTIONS[name]) continue;
        expect(firstLine, `${file}: ${name}`).toMatch(/^(const \{[^}]*\} = )?await requireArea\('(account|representative|officer|supervisor)'\);$/);
        checked.push(name);
      }
    }
    expect(checked.sort()).toEqual(actions.map(([name]) => name).filter((name) => !PUBLIC_ACTIONS[name]).sort());
  });
});
