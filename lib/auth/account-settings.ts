/**
 * The account's own settings (spec §2): name, phone, preferred language and how notifications
 * reach the person; and its protection: password, backup codes and the sessions signed in.
 *
 * Anything that changes how the account is protected asks for the password again first. That
 * re-entry counts on the same lockout as sign-in (5 wrong passwords in a row lock for 20 minutes),
 * so a session left open on a shared computer cannot be used to guess the password.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import type { Language } from '@/db/columns';
import { representativeProfiles, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import type { TemplatePayloads } from '@/lib/notifications/templates';
import { clearAttempts, recordFailure, reserveAttempt } from '@/lib/security/throttle';
import { regenerateBackupCodes, remainingBackupCodes } from './backup-codes';
import { completeSecondFactorSetup, type PendingSecondFactor } from './second-factor-setup';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { activeSessions, endOtherSessions } from './sessions';
import { PASSWORD_LOCKOUT } from './sign-in';
import { textingRules } from '@/lib/notifications/config';
import { normalisePhoneNumber, textNumberProblem } from './sign-up-schema';
import { personName } from '@/lib/people/person-name';

const reauthKey = (userId: number) => `password:reauth:user:${userId}`;

// ---------------------------------------------------------------------------------------------
// Name, phone, language, notifications

/** The form's fields; the same schema checks the browser's form data and the server's. Messages are error codes. */
export const accountSettingsSchema = z.object({
  givenName: personName(),
  familyName: personName(),
  phone: z.string().trim().max(40, 'invalid').default(''),
  preferredLanguage: z.enum(['en', 'es'], { error: 'required' }),
  notificationChannel: z.enum(['email', 'sms'], { error: 'required' }),
});

export type AccountSettingsInput = z.input<typeof accountSettingsSchema>;
export type AccountSettingsField = keyof AccountSettingsInput;
export const ACCOUNT_SETTINGS_FIELDS = ['givenName', 'familyName', 'phone', 'preferredLanguage', 'notificationChannel'] as const satisfies readonly AccountSettingsField[];

export type AccountSettingsError =
  | 'required'
  | 'too_long'
  | 'unprintable'
  | 'invalid'
  /** Text messages need a phone number to go to. */
  | 'required_for_sms'
  /** The phone receives the sign-in codes: changing it is changing the second step (security settings). */
  | 'second_factor_phone'
  /** Texts go only to US numbers unless the portal is set up for others. */
  | 'not_us'
  /** No texting: notifications go by email. */
  | 'unavailable';

export interface RepresentativeProfile {
  kind: 'attorney' | 'accredited_representative';
  barNumber: string | null;
  licensingState: string | null;
  accreditationNumber: string | null;
  organisation: string;
  sector: 'private' | 'nonprofit';
}

export async function representativeProfileOf(db: DbOrTx, userId: number): Promise<RepresentativeProfile | null> {
  const [row] = await db.select().from(representativeProfiles).where(eq(representativeProfiles.userId, userId));
  if (!row) return null;
  const { kind, barNumber, licensingState, accreditationNumber, organisation, sector } = row;
  return { kind, barNumber, licensingState, accreditationNumber, organisation, sector };
}

export type UpdateSettingsResult =
  | { ok: true; preferredLanguage: Language; changed: AccountSettingsField[] }
  | { ok: false; errors: Partial<Record<AccountSettingsField, AccountSettingsError>> };

/** Checks the form's values against the schema: each field's first problem as an error code. */
export function parseAccountSettings(
  raw: Record<string, unknown>,
): { ok: true; data: z.output<typeof accountSettingsSchema> } | { ok: false; errors: Partial<Record<AccountSettingsField, AccountSettingsError>> } {
  const parsed = accountSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Partial<Record<AccountSettingsField, AccountSettingsError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AccountSettingsField;
    errors[field] ??= (['required', 'too_long', 'invalid', 'unprintable'].includes(issue.message) ? issue.message : 'invalid') as AccountSettingsError;
  }
  return { ok: false, errors };
}

/**
 * Saves the settings form. The phone that receives text-message sign-in codes cannot be changed or
 * removed here: that would change the second step without the password (security settings do it).
 */
export async function updateAccountSettings(
  db: Db,
  clock: Clock,
  user: User,
  raw: Record<string, unknown>,
  requestId?: string | null,
): Promise<UpdateSettingsResult> {
  const parsed = parseAccountSettings(raw);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  let phone: string | null = null;
  const typedPhone = parsed.ok ? parsed.data.phone : typeof raw.phone === 'string' ? raw.phone.trim() : '';
  if (!errors.phone && typedPhone) {
    phone = normalisePhoneNumber(typedPhone);
    if (!phone) errors.phone = 'invalid';
  }
  if (parsed.ok && !errors.phone) {
    const texting = textingRules();
    if (user.secondFactor === 'sms' && phone !== user.phone) errors.phone = 'second_factor_phone';
    else if (parsed.data.notificationChannel === 'sms' && !texting.offered) errors.notificationChannel = 'unavailable';
    else if (parsed.data.notificationChannel === 'sms' && !phone) errors.phone = 'required_for_sms';
    else if (parsed.data.notificationChannel === 'sms' && phone && textNumberProblem(phone, texting)) errors.phone = 'not_us';
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const next = {
    givenName: parsed.data.givenName,
    familyName: parsed.data.familyName,
    phone,
    preferredLanguage: parsed.data.preferredLanguage,
    notificationChannel: parsed.data.notificationChannel,
  };
  const changed = ACCOUNT_SETTINGS_FIELDS.filter((field) => next[field] !== user[field]);
  await transaction(db, async (tx) => {
    if (changed.length > 0) await tx.update(users).set({ ...next, updatedAt: clock.now() }).where(eq(users.id, user.id));
    // Which fields changed, never their values: names and phone numbers are personal data.
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.update',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { fields: changed },
      requestId,
    });
  });
  return { ok: true, preferredLanguage: next.preferredLanguage, changed };
}

// ---------------------------------------------------------------------------------------------
// Asking for the password again

export type PasswordCheck = { ok: true } | { ok: false; error: 'invalid' } | { ok: false; error: 'locked'; until: Date };

/**
 * The signed-in person types their password again before a protective change. Wrong ones count on
 * the account's own counter (5 in a row: 20 minutes, even for the right one), not on the address's
 * sign-in counter, which strangers can drive: their failures must not stop the owner from changing a
 * password they fear is under attack.
 */
export async function confirmPassword(
  db: DbOrTx,
  clock: Clock,
  user: User,
  password: string,
  purpose: 'password_change' | 'second_factor_change' | 'backup_codes',
  requestId?: string | null,
): Promise<PasswordCheck> {
  const key = reauthKey(user.id);
  const actor = { id: user.id, role: user.role };
  const audit = (outcome: 'failure' | 'denied', action: string, detail: Record<string, unknown>) =>
    recordAudit(db, clock, { actor, action, objectType: 'account', objectId: user.id, outcome, detail, requestId });

  const reservation = await reserveAttempt(db, clock, key, PASSWORD_LOCKOUT);
  if (!reservation.ok) {
    await audit('denied', 'account.reauth', { purpose, reason: 'locked' });
    return { ok: false, error: 'locked', until: reservation.blockedUntil };
  }
  const [fresh] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  const matches = fresh?.passwordHash ? await verifyPassword(fresh.passwordHash, password) : false;
  if (!matches) {
    const lockedUntil = await recordFailure(db, clock, key, PASSWORD_LOCKOUT, reservation);
    await audit('failure', 'account.reauth', { purpose });
    if (lockedUntil) {
      await audit('denied', 'account.lock', { factor: 'password', until: lockedUntil.toISOString() });
      return { ok: false, error: 'locked', until: lockedUntil };
    }
    return { ok: false, error: 'invalid' };
  }
  await clearAttempts(db, clock, key);
  return { ok: true };
}

/** Tells the owner about a change to how the account is protected, in their language, even when they made it. */
export async function sendSecurityNotice(
  db: DbOrTx,
  clock: Clock,
  user: Pick<User, 'id' | 'email' | 'preferredLanguage'>,
  change: TemplatePayloads['security-change']['change'],
): Promise<void> {
  await enqueueNotification(db, clock, {
    channel: 'email',
    recipient: user.email,
    language: user.preferredLanguage,
    template: 'security-change',
    payload: { change },
    dedupeKey: `security-change:${user.id}:${change}:${randomUUID()}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Changing the password

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | {
      ok: false;
      errors: { currentPassword?: 'required' | 'invalid'; newPassword?: PasswordProblem | 'required' | 'same' };
      locked?: Date;
    };

/**
 * New password for a signed-in person: the current one again, the new one under the password rules;
 * then every other session ends (the one making the change stays) and the owner is told by email.
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  input: { user: User; sessionId: number; currentPassword: string; newPassword: string; requestId?: string | null },
): Promise<ChangePasswordResult> {
  const { user } = input;
  const errors: Extract<ChangePasswordResult, { ok: false }>['errors'] = {};
  if (!input.newPassword) errors.newPassword = 'required';
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'same';
  else {
    const problem = passwordProblem(input.newPassword, { email: user.email });
    if (problem) errors.newPassword = problem;
  }
  if (!input.currentPassword) {
    errors.currentPassword = 'required';
    return { ok: false, errors };
  }
  const check = await confirmPassword(db, clock, user, input.currentPassword, 'password_change', input.requestId);
  if (!check.ok) {
    if (check.error === 'locked') return { ok: false, errors, locked: check.until };
    return { ok: false, errors: { ...errors, currentPassword: 'invalid' } };
  }
  if (errors.newPassword) return { ok: false, errors };

  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await transaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: clock.now() }).where(eq(users.id, user.id));
    const ended = await endOtherSessions(tx, clock, user.id, input.sessionId, 'password_changed');
    await sendSecurityNotice(tx, clock, user, 'password');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.password_change',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { endedSessions: ended },
      requestId: input.requestId,
    });
    return ended;
  });
  return { ok: true, endedSessions };
}

// ---------------------------------------------------------------------------------------------
// Changing the second step

export type ChangeSecondFactorResult =
  | { ok: true; user: User; endedSessions: number }
  | { ok: false; error: 'invalid' | 'email_unconfirmed' }
  | { ok: false; error: 'locked'; until: Date };

/**
 * The last step of changing the second step: the new method is proven (the set-up of
 * lib/auth/second-factor-setup.ts, the same as at sign-up, under the 10-wrong-codes lockout), then
 * every other session ends and the owner is told by email. The password was asked again before the
 * set-up began (the pending set-up exists only after that). Backup codes stay as they are: they do
 * not depend on the method, and making new ones is its own choice on the security page.
 */
export async function changeSecondFactor(
  db: Db,
  clock: Clock,
  input: { user: User; sessionId: number; setup: PendingSecondFactor; code: string; requestId?: string | null },
): Promise<ChangeSecondFactorResult> {
  const { user } = input;
  const proven = await completeSecondFactorSetup(db, clock, { user, setup: input.setup, code: input.code, requestId: input.requestId, backupCodes: false });
  if (!proven.ok) return proven;
  const endedSessions = await transaction(db, async (tx) => {
    const ended = await endOtherSessions(tx, clock, user.id, input.sessionId, 'second_factor_changed');
    await sendSecurityNotice(tx, clock, proven.user, 'second_factor');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.second_factor_change',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { method: input.setup.method, previous: user.secondFactor, endedSessions: ended },
      requestId: input.requestId,
    });
    return ended;
  });
  return { ok: true, user: proven.user, endedSessions };
}

// ---------------------------------------------------------------------------------------------
// Backup codes

export type NewBackupCodesResult =
  | { ok: true; codes: string[] }
  | { ok: false; error: 'required' | 'invalid' }
  | { ok: false; error: 'locked'; until: Date };

/** A fresh set of ten, shown once; the old set stops working in the same transaction. */
export async function makeNewBackupCodes(
  db: Db,
  clock: Clock,
  input: { user: User; password: string; requestId?: string | null },
): Promise<NewBackupCodesResult> {
  const { user } = input;
  if (!input.password) return { ok: false, error: 'required' };
  const check = await confirmPassword(db, clock, user, input.password, 'backup_codes', input.requestId);
  if (!check.ok) return check;
  const codes = await transaction(db, async (tx) => {
    const fresh = await regenerateBackupCodes(tx, clock, user.id);
    await sendSecurityNotice(tx, clock, user, 'backup_codes');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.backup_codes_regenerate',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      requestId: input.requestId,
    });
    return fresh;
  });
  return { ok: true, codes };
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface DeviceSummary {
  browser: string | null;
  os: string | null;
}

const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** Browser and system from a user agent, enough for a person to recognise their device; null parts when unknown. */
export function describeUserAgent(userAgent: string | null): DeviceSummary {
  if (!userAgent) return { browser: null, os: null };
  return {
    browser: browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
    os: systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
  };
}

export interface SessionSummary {
  id: number;
  startedAt: Date;
  lastActiveAt: Date;
  device: DeviceSummary;
  current: boolean;
}

/** The account's signed-in sessions, this one first, then the most recently active. */
export async function listActiveSessions(db: DbOrTx, clock: Clock, userId: number, currentSessionId: number): Promise<SessionSummary[]> {
  const rows = await activeSessions(db, clock, userId);
  return rows
    .map((row) => ({
      id: row.id,
      startedAt: row.createdAt,
      lastActiveAt: row.lastSeenAt,
      device: describeUserAgent(row.userAgent),
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
}

/**
 * "Sign out everywhere else" (`includeThisSession` false) or "Sign out everywhere" (true). The
 * caller also clears this browser's cookie when this session ended too.
 */
export async function signOutEverywhere(
  db: Db,
  clock: Clock,
  input: { user: User; sessionId: number; includeThisSession: boolean; requestId?: string | null },
): Promise<{ endedSessions: number }> {
  const { user } = input;
  return transaction(db, async (tx) => {
    const endedSessions = await endOtherSessions(tx, clock, user.id, input.includeThisSession ? null : input.sessionId, 'sign_out_everywhere');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'session.end',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { reason: 'sign_out_everywhere', endedSessions, includingThisSession: input.includeThisSession },
      requestId: input.requestId,
    });
    if (endedSessions > 0) await sendSecurityNotice(tx, clock, user, 'signed_out_everywhere');
    return { endedSessions };
  });
}

// ---------------------------------------------------------------------------------------------
// What the security page shows

export interface SecurityOverview {
  secondFactor: User['secondFactor'];
  backupCodesLeft: number;
  sessions: SessionSummary[];
}

export async function securityOverview(db: DbOrTx, clock: Clock, user: User, currentSessionId: number): Promise<SecurityOverview> {
  const [backupCodesLeft, sessions] = await Promise.all([
    remainingBackupCodes(db, user.id),
    listActiveSessions(db, clock, user.id, currentSessionId),
  ]);
  return {
    secondFactor: user.secondFactor,
    backupCodesLeft,
    sessions,
  };
}

/** The account as stored now. */
export async function reloadUser(db: DbOrTx, userId: number): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}
