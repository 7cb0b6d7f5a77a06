/**
 * Where a person is in signing up, for the pages and actions of /sign-up/… to check their own
 * preconditions. The database says what the account is (email confirmed? second step set?); a
 * sealed, httpOnly cookie bound to the pending session's token says what THIS sign-up has proven
 * (the email code, the second step) and carries the backup codes until they are shown and saved.
 *
 * The binding matters: an account holder who only typed their password (a pending sign-in) must not
 * be able to walk into the set-up pages and replace the second step — only a browser that proved the
 * email code in this very pending session can.
 */
import { getDb } from '@/db/client';
import type { User } from '@/db/schema';
import { MINUTE, systemClock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { currentSession } from './current-user';
import { landingPath } from './policy';
import { pendingSignInToken } from './pending-sign-in';
import { sealedCookie } from './portal-cookies';
import { pendingSignUp } from './sign-up';
import type { SecondFactorChoice } from './sign-up-schema';

const COOKIE = 'portal-sign-up';
const PURPOSE = 'sign-up-progress';
const TTL_MS = 30 * MINUTE;

export interface SignUpProgress {
  /** The account, or null after trying an address that already has one (the look-alike confirmation page). */
  userId: number | null;
  /** For that look-alike page only: the address typed, to show back, and a random id for its limits. */
  email?: string;
  attemptId?: string;
  /** The second step chosen on the first page, set up once the email is confirmed. */
  choice?: SecondFactorChoice;
  emailConfirmed: boolean;
  secondFactorSet: boolean;
  /** Shown once on the backup codes page; gone when the person continues. */
  backupCodes?: string[];
}

interface Stored extends SignUpProgress {
  binding: string;
  expiresAt: number;
}

const bindingOf = (token: string) => keyedHash(PURPOSE, token);
const cookie = sealedCookie<Stored>(COOKIE, PURPOSE, TTL_MS);

export async function saveSignUpProgress(token: string, progress: SignUpProgress): Promise<void> {
  await cookie.save({ ...progress, binding: bindingOf(token), expiresAt: systemClock.now().getTime() + TTL_MS });
}

export async function readSignUpProgress(token: string): Promise<SignUpProgress | null> {
  const stored = (await cookie.read()) as Stored | null;
  if (!stored) return null;
  const { binding, expiresAt, ...progress } = stored;
  return binding === bindingOf(token) && expiresAt > systemClock.now().getTime() ? progress : null;
}

export const clearSignUpProgress = () => cookie.clear();

export type SignUpStage =
  /** Nothing pending in this browser: never started, timed out, or finished elsewhere. */
  | { step: 'none' }
  /** Already signed in: nothing to do here. */
  | { step: 'signed_in'; user: User }
  /** A pending sign-in of an account that signed up earlier: signing in is where it continues. */
  | { step: 'sign_in' }
  /** The look-alike confirmation page after trying an address that already has an account. */
  | { step: 'exists'; token: string; email: string; attemptId: string }
  | { step: 'confirm_email'; token: string; user: User; progress: SignUpProgress | null }
  | { step: 'second_step'; token: string; user: User; progress: SignUpProgress }
  | { step: 'backup_codes'; token: string; user: User; progress: SignUpProgress };

export const stagePaths = {
  confirm_email: '/sign-up/confirm',
  exists: '/sign-up/confirm',
  second_step: '/sign-up/second-step',
  backup_codes: '/sign-up/backup-codes',
} as const;

/** Reads the pending session and the progress cookie and says which step this browser is at. */
export async function signUpStage(): Promise<SignUpStage> {
  const token = await pendingSignInToken();
  if (!token) {
    const session = await currentSession();
    return session ? { step: 'signed_in', user: session.user } : { step: 'none' };
  }
  const progress = await readSignUpProgress(token);
  if (progress && progress.userId === null && progress.email && progress.attemptId) {
    return { step: 'exists', token, email: progress.email, attemptId: progress.attemptId };
  }
  const pending = await pendingSignUp(getDb(), systemClock, token);
  if (pending.status !== 'pending') {
    const session = await currentSession();
    return session ? { step: 'signed_in', user: session.user } : { step: 'none' };
  }
  const { user } = pending;
  const ours = progress && progress.userId === user.id ? progress : null;
  if (!user.emailVerifiedAt) return { step: 'confirm_email', token, user, progress: ours };
  if (!ours?.emailConfirmed) return { step: 'sign_in' };
  if (!ours.secondFactorSet) return { step: 'second_step', token, user, progress: ours };
  return { step: 'backup_codes', token, user, progress: ours };
}

/**
 * For the sign-up pages: the stage when it is one this page serves (or 'none', which each page
 * answers by explaining that the sign-up timed out); otherwise a redirect to the right step.
 */
export async function requireSignUpStage<S extends keyof typeof stagePaths>(
  locale: Locale,
  ...wanted: S[]
): Promise<Extract<SignUpStage, { step: S }> | { step: 'none' }> {
  const stage = await signUpStage();
  if (stage.step === 'none') return stage;
  if ((wanted as string[]).includes(stage.step)) return stage as Extract<SignUpStage, { step: S }>;
  if (stage.step === 'signed_in') return redirect({ href: landingPath(stage.user.role), locale });
  if (stage.step === 'sign_in') return redirect({ href: '/sign-in/verify', locale });
  return redirect({ href: stagePaths[stage.step], locale });
}
