/**
 * The second step being set up, between showing it and proving it: kept sealed (AES-GCM with the app
 * key) in a short-lived httpOnly cookie, so an authenticator secret that was never confirmed is never
 * stored in clear, nor on the account. The cookie names the account it belongs to and expires on its
 * own; it grants nothing by itself — every action that reads it has checked who is asking first.
 *
 * Shared by sign-up and by settings (changing the second step).
 */
import { MINUTE } from '@/lib/clock';
import { seal, unseal } from '@/lib/crypto/secrets';
import { clearPortalCookie, portalCookie, setPortalCookie } from './portal-cookies';
import type { PendingSecondFactor } from './second-factor-setup';

const COOKIE = 'portal-second-factor-setup';
const PURPOSE = 'second-factor-setup';
export const SETUP_STATE_TTL_MS = 30 * MINUTE;

interface Stored {
  userId: number;
  setup: PendingSecondFactor;
  expiresAt: number;
}

export async function saveSecondFactorSetup(userId: number, setup: PendingSecondFactor, now = new Date()): Promise<void> {
  const stored: Stored = { userId, setup, expiresAt: now.getTime() + SETUP_STATE_TTL_MS };
  await setPortalCookie(COOKIE, seal(JSON.stringify(stored), PURPOSE), SETUP_STATE_TTL_MS);
}

/** The pending set-up of this account, or null (none, another account's, expired, or tampered with). */
export async function readSecondFactorSetup(userId: number, now = new Date()): Promise<PendingSecondFactor | null> {
  const value = await portalCookie(COOKIE);
  return value ? openSetupState(value, userId, now) : null;
}

export const clearSecondFactorSetup = () => clearPortalCookie(COOKIE);

/** Unseals and checks a stored set-up; exported for tests. */
export function openSetupState(value: string, userId: number, now: Date): PendingSecondFactor | null {
  try {
    const stored = JSON.parse(unseal(value, PURPOSE)) as Stored;
    if (stored.userId !== userId || stored.expiresAt <= now.getTime()) return null;
    return stored.setup;
  } catch {
    return null;
  }
}
