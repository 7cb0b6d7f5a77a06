/**
 * Fresh accounts for journeys that must not share one (lockouts, timeouts), made directly in the
 * store the journey server uses, with the portal's own code. Playwright tests run in Node, so they
 * can open the same SQLite file the server has open (WAL mode, busy timeout: both can write).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openStore, type Store } from '@/db/client';
import type { Language, Role, SecondFactor } from '@/db/columns';
import { sessions, users, type User } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { sealTotpSecret } from '@/lib/auth/totp';

/**
 * The store of the journey server: playwright.config.ts starts it with this DATABASE_URL. A run
 * against a server on another store sets E2E_DATABASE_URL to that store.
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'file:data/e2e.db';

/**
 * Every fresh account's password. (lib/auth/testing/accounts.ts is not imported: through the
 * notification templates it loads the JSON message catalogue, which Node's ESM loader refuses
 * without import attributes.)
 */
export const TEST_PASSWORD = 'river-stone-lantern-42';

let store: Store | undefined;
export function e2eStore(): Store {
  store ??= openStore(E2E_DATABASE_URL);
  return store;
}

export interface FreshAccount {
  user: User;
  email: string;
  password: string;
  name: string;
}

/** A new, confirmed account with its own address, so no other journey's codes or lockouts touch it. */
export async function createFreshAccount(
  options: {
    role?: Role;
    secondFactor?: SecondFactor;
    phone?: string;
    /** For an authenticator app: the plain secret (it is sealed here, as the portal stores it). */
    totpSecret?: string;
    language?: Language;
    givenName?: string;
    familyName?: string;
    verified?: boolean;
  } = {},
): Promise<FreshAccount> {
  const { db } = e2eStore();
  const email = `journey-${randomUUID().slice(0, 12)}@example.com`;
  const givenName = options.givenName ?? 'Jordan';
  const familyName = options.familyName ?? 'Rivera';
  const now = new Date();
  const [user] = await db
    .insert(users)
    .values({
      email,
      emailVerifiedAt: options.verified === false ? null : now,
      passwordHash: await hashPassword(TEST_PASSWORD),
      role: options.role ?? 'applicant',
      givenName,
      familyName,
      phone: options.phone ?? null,
      preferredLanguage: options.language ?? 'en',
      secondFactor: options.secondFactor ?? 'email',
      totpSecret: options.totpSecret ? sealTotpSecret(options.totpSecret) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { user, email, password: TEST_PASSWORD, name: `${givenName} ${familyName}` };
}

/**
 * Pretends the person has been away: moves their sessions' last activity `ms` into the past. The
 * server then judges the session exactly as it would after that much real idle time.
 */
export async function backdateActivity(userId: number, ms: number): Promise<void> {
  await e2eStore().db.update(sessions).set({ lastSeenAt: new Date(Date.now() - ms) }).where(eq(sessions.userId, userId));
}

/** The user's sessions as the server recorded them (ended or not, and why). */
export async function sessionsOf(userId: number) {
  return e2eStore().db.select().from(sessions).where(eq(sessions.userId, userId));
}

/** Moves the 12-hour end of the user's open sessions to `at` (as if they had signed in 12 hours before it). */
export async function setSessionEnd(userId: number, at: Date): Promise<void> {
  await e2eStore().db.update(sessions).set({ expiresAt: at }).where(eq(sessions.userId, userId));
}
