/**
 * Password hashing (argon2id) is slow and memory-hungry on purpose, so the portal bounds how many
 * password checks anyone can make it do: per client address (every 10 minutes) and for the whole
 * portal (every minute). Signing in and signing up share the budget. A browser known to the account
 * being signed in to (lib/auth/known-device.ts) is exempt from the portal-wide bound, so flooding it
 * slows strangers down but cannot keep owners out of their accounts.
 *
 * Both numbers can be raised where one address legitimately carries many people (a test rig, an
 * office behind one NAT): PASSWORD_CHECKS_PER_CLIENT and PASSWORD_CHECKS_PER_MINUTE.
 */
import type { DbOrTx } from '@/db/client';
import { MINUTE, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { reserveAttempt, type ThrottleRule } from './throttle';

export interface HashingBudget {
  perClient: ThrottleRule;
  overall: ThrottleRule;
}

const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : fallback;
};

export function hashingBudget(env: Record<string, string | undefined> = process.env): HashingBudget {
  return {
    perClient: { kind: 'window', limit: positive(env.PASSWORD_CHECKS_PER_CLIENT, 100), periodMs: 10 * MINUTE },
    overall: { kind: 'window', limit: positive(env.PASSWORD_CHECKS_PER_MINUTE, 1_200), periodMs: MINUTE },
  };
}

export const clientBudgetKey = (clientAddress: string) => `hashing:client:${keyedHash('client-address', clientAddress)}`;
export const OVERALL_BUDGET_KEY = 'hashing:all';

/** Reserves one password check, or says until when none may be made. */
export async function reservePasswordCheck(
  db: DbOrTx,
  clock: Clock,
  input: { clientAddress: string; knownDevice: boolean },
  budget: HashingBudget = hashingBudget(),
): Promise<{ ok: true } | { ok: false; until: Date }> {
  const client = await reserveAttempt(db, clock, clientBudgetKey(input.clientAddress), budget.perClient);
  if (!client.ok) return { ok: false, until: client.blockedUntil };
  if (input.knownDevice) return { ok: true };
  const overall = await reserveAttempt(db, clock, OVERALL_BUDGET_KEY, budget.overall);
  return overall.ok ? { ok: true } : { ok: false, until: overall.blockedUntil };
}
