/**
 * Officer and supervisor accounts (spec §1: never by self sign-up). A supervisor, or the
 * `npm run staff:create` command, creates the account without a password; the person gets a
 * one-time set-up link by email, valid 72 hours, with which they choose a password and a second
 * sign-in step. The link's token is 32 random bytes, stored only as a keyed hash, and is consumed by
 * one conditional update so it works exactly once however many times it is submitted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import type { Language } from '@/db/columns';
import { oneTimeCodes, users, type User } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { HOUR, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { notificationConfig } from '@/lib/notifications/config';
import { hashPassword } from './password';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { beginSecondFactorSetup, completeSecondFactorSetup, type PendingSecondFactor } from './second-factor-setup';
import { checkSession, endSessionByToken, startSession } from './sessions';
import { normaliseEmail } from './sign-in';
import type { SecondFactorChoice } from './sign-up-schema';
import { personName } from '@/lib/people/person-name';

export const STAFF_SETUP_VALID_HOURS = 72;
export const STAFF_SETUP_VALID_MS = STAFF_SETUP_VALID_HOURS * HOUR;

export type StaffRole = 'officer' | 'supervisor';
export const STAFF_ROLES = ['officer', 'supervisor'] as const satisfies readonly StaffRole[];

/** The supervisor's form and the command line share it. Messages are error codes. */
export const staffAccountSchema = z.object({
  givenName: personName(),
  familyName: personName(),
  email: z
    .string()
    .trim()
    .min(1, 'required')
    .max(254, 'too_long')
    .pipe(z.email({ error: 'invalid' })),
  role: z.enum(STAFF_ROLES, { error: 'required' }),
  preferredLanguage: z.enum(['en', 'es'], { error: 'required' }).default('en'),
});

export type StaffAccountInput = z.input<typeof staffAccountSchema>;
export type StaffAccountField = keyof StaffAccountInput;
export const STAFF_ACCOUNT_FIELDS = ['givenName', 'familyName', 'email', 'role', 'preferredLanguage'] as const satisfies readonly StaffAccountField[];
export type StaffAccountError = 'required' | 'too_long' | 'invalid' | 'taken' | 'unprintable';

export type CreateStaffResult =
  | { ok: true; user: User; linkExpiresAt: Date }
  | { ok: false; errors: Partial<Record<StaffAccountField, StaffAccountError>> };

const tokenHash = (token: string) => keyedHash('staff-setup', token);

/** Where the link takes the person: the portal's public address, in the language of the account. */
export function staffSetupLink(token: string, language: Language, portalUrl = notificationConfig().portalUrl): string {
  return `${portalUrl}${language === 'es' ? '/es' : ''}/staff/setup?token=${encodeURIComponent(token)}`;
}

export function parseStaffAccount(raw: Record<string, unknown>):
  | { ok: true; data: z.output<typeof staffAccountSchema> }
  | { ok: false; errors: Partial<Record<StaffAccountField, StaffAccountError>> } {
  const parsed = staffAccountSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: { ...parsed.data, email: normaliseEmail(parsed.data.email) } };
  const errors: Partial<Record<StaffAccountField, StaffAccountError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as StaffAccountField;
    errors[field] ??= (['required', 'too_long', 'unprintable'].includes(issue.message) ? issue.message : 'invalid') as StaffAccountError;
  }
  return { ok: false, errors };
}

/**
 * Creates an officer or supervisor account and emails its set-up link. `createdBy` is the supervisor,
 * or null for the command line. The account, the link and its email commit together.
 */
export async function createStaffAccount(
  db: Db,
  clock: Clock,
  input: StaffAccountInput & { createdBy: AuditActor | null; requestId?: string | null; portalUrl?: string },
): Promise<CreateStaffResult> {
  const parsed = parseStaffAccount(input);
  if (!parsed.ok) return parsed;
  const { email, givenName, familyName, role, preferredLanguage } = parsed.data;
  return transaction(db, async (tx) => {
    const now = clock.now();
    // One statement decides whether the address is free, so two supervisors racing cannot both create it.
    const [user] = await tx
      .insert(users)
      .values({ email, role, givenName, familyName, preferredLanguage, passwordHash: null, emailVerifiedAt: null, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) {
      await recordAudit(tx, clock, {
        actor: input.createdBy,
        action: 'staff.create',
        objectType: 'account',
        outcome: 'failure',
        detail: { reason: 'email_taken', role },
        requestId: input.requestId,
      });
      return { ok: false as const, errors: { email: 'taken' as const } };
    }
    const linkExpiresAt = await issueSetupLink(tx, clock, user, input.portalUrl);
    await recordAudit(tx, clock, {
      actor: input.createdBy,
      action: 'staff.create',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { role, via: input.createdBy ? 'portal' : 'command_line' },
      requestId: input.requestId,
    });
    return { ok: true as const, user, linkExpiresAt };
  });
}

/**
 * A new set-up link for an account that has not been set up (the first expired or was lost). Earlier
 * links stop working. Refused once the account has a password: from then on it signs in normally.
 */
export async function resendStaffSetupLink(
  db: Db,
  clock: Clock,
  input: { userId: number; actor: AuditActor; requestId?: string | null; portalUrl?: string },
): Promise<{ ok: true; user: User; linkExpiresAt: Date } | { ok: false; error: 'not_found' | 'already_set_up' }> {
  return transaction(db, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), inArray(users.role, [...STAFF_ROLES])));
    if (!user || user.disabledAt) return { ok: false as const, error: 'not_found' as const };
    if (user.passwordHash) return { ok: false as const, error: 'already_set_up' as const };
    const linkExpiresAt = await issueSetupLink(tx, clock, user, input.portalUrl);
    await recordAudit(tx, clock, {
      actor: input.actor,
      action: 'staff.setup_link',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      requestId: input.requestId,
    });
    return { ok: true as const, user, linkExpiresAt };
  });
}

async function issueSetupLink(tx: DbOrTx, clock: Clock, user: User, portalUrl?: string): Promise<Date> {
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + STAFF_SETUP_VALID_MS);
  // Earlier links are retired by expiring them (not marking them used), so they read as "expired".
  await tx
    .update(oneTimeCodes)
    .set({ expiresAt: now })
    .where(and(eq(oneTimeCodes.userId, user.id), eq(oneTimeCodes.purpose, 'staff_setup'), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)));
  await tx.insert(oneTimeCodes).values({ userId: user.id, purpose: 'staff_setup', codeHash: tokenHash(token), createdAt: now, expiresAt });
  await enqueueNotification(tx, clock, {
    channel: 'email',
    recipient: user.email,
    language: user.preferredLanguage,
    template: 'staff-setup-link',
    payload: { name: `${user.givenName} ${user.familyName}`.trim(), role: user.role as StaffRole, validHours: STAFF_SETUP_VALID_HOURS },
    secrets: { link: staffSetupLink(token, user.preferredLanguage, portalUrl) },
    dedupeKey: `staff-setup-link:${user.id}:${randomUUID()}`,
  });
  return expiresAt;
}

export type SetupLinkState =
  | { status: 'valid'; user: User; expiresAt: Date }
  | { status: 'expired' | 'used' | 'invalid' };

/** What a set-up link is worth now, without using it. Unknown and malformed tokens are 'invalid'. */
export async function checkStaffSetupLink(db: DbOrTx, clock: Clock, token: string | null | undefined): Promise<SetupLinkState> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'invalid' };
  const [row] = await db
    .select({ code: oneTimeCodes, user: users })
    .from(oneTimeCodes)
    .innerJoin(users, eq(users.id, oneTimeCodes.userId))
    .where(and(eq(oneTimeCodes.codeHash, tokenHash(token)), eq(oneTimeCodes.purpose, 'staff_setup')));
  if (!row || row.user.disabledAt) return { status: 'invalid' };
  if (row.code.usedAt) return { status: 'used' };
  if (row.code.expiresAt <= clock.now()) return { status: 'expired' };
  return { status: 'valid', user: row.user, expiresAt: row.code.expiresAt };
}

export type AcceptSetupResult =
  | { ok: true; user: User }
  | { ok: false; error: 'expired' | 'used' | 'invalid' }
  | { ok: false; error: 'password'; problem: PasswordProblem | 'required' };

/**
 * The person chose a password through their link: the link is used up (one conditional update:
 * of two submissions only one gets past it), the password is set and the email address counts as
 * confirmed (the link reached them there). The second step is set up next, as after sign-up.
 */
export async function acceptStaffSetup(
  db: Db,
  clock: Clock,
  input: { token: string; password: string; requestId?: string | null },
): Promise<AcceptSetupResult> {
  const state = await checkStaffSetupLink(db, clock, input.token);
  if (state.status !== 'valid') return { ok: false, error: state.status };
  if (!input.password) return { ok: false, error: 'password', problem: 'required' };
  const problem = passwordProblem(input.password, { email: state.user.email });
  if (problem) return { ok: false, error: 'password', problem };

  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const now = clock.now();
    const [used] = await tx
      .update(oneTimeCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeCodes.codeHash, tokenHash(input.token)),
          eq(oneTimeCodes.purpose, 'staff_setup'),
          isNull(oneTimeCodes.usedAt),
          gt(oneTimeCodes.expiresAt, now),
        ),
      )
      .returning({ userId: oneTimeCodes.userId });
    if (!used) {
      const after = await checkStaffSetupLink(tx, clock, input.token);
      return { ok: false as const, error: after.status === 'valid' ? ('used' as const) : after.status };
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: state.user.emailVerifiedAt ?? now, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning();
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'staff.setup',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { step: 'password', emailConfirmed: true },
      requestId: input.requestId,
    });
    return { ok: true as const, user };
  });
}

export type StaffAccountStatus = 'active' | 'second_step_missing' | 'pending' | 'link_expired' | 'disabled';

export interface StaffAccountRow {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  status: StaffAccountStatus;
  createdAt: Date;
  /** For accounts waiting to be set up: when the live link stops working. */
  linkExpiresAt: Date | null;
}

/** Every officer and supervisor account, by family name, for the supervisor's page. */
export async function listStaffAccounts(db: DbOrTx, clock: Clock): Promise<StaffAccountRow[]> {
  const now = clock.now();
  const staff = await db
    .select()
    .from(users)
    .where(inArray(users.role, [...STAFF_ROLES]))
    .orderBy(asc(users.familyName), asc(users.givenName), asc(users.id));
  const waiting = staff.filter((u) => !u.passwordHash).map((u) => u.id);
  const links = waiting.length
    ? await db
        .select({ userId: oneTimeCodes.userId, expiresAt: oneTimeCodes.expiresAt })
        .from(oneTimeCodes)
        .where(and(inArray(oneTimeCodes.userId, waiting), eq(oneTimeCodes.purpose, 'staff_setup'), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)))
    : [];
  const liveLink = new Map(links.map((l) => [l.userId, l.expiresAt]));
  return staff.map((u) => ({
    id: u.id,
    name: `${u.givenName} ${u.familyName}`.trim(),
    email: u.email,
    role: u.role as StaffRole,
    status: u.disabledAt
      ? 'disabled'
      : u.passwordHash
        ? u.secondFactor
          ? 'active'
          : 'second_step_missing'
        : liveLink.has(u.id)
          ? 'pending'
          : 'link_expired',
    createdAt: u.createdAt,
    linkExpiresAt: liveLink.get(u.id) ?? null,
  }));
}

export type StartStaffSetupResult =
  | { ok: true; user: User; setup: PendingSecondFactor; pendingToken: string }
  | Exclude<AcceptSetupResult, { ok: true }>;

/**
 * The set-up page's first form: the password (the link is used up by it) and the chosen second step,
 * whose set-up begins at once (a text-message code is sent; an authenticator secret is made). A
 * pending session carries the person to the confirmation step, as after sign-up; it is not a
 * signed-in session and reaches no page.
 */
export async function startStaffSetup(
  db: Db,
  clock: Clock,
  input: { token: string; password: string; choice: SecondFactorChoice; userAgent: string | null; requestId?: string | null },
): Promise<StartStaffSetupResult> {
  const accepted = await acceptStaffSetup(db, clock, input);
  if (!accepted.ok) return accepted;
  const pendingToken = await startSession(db, clock, accepted.user.id, input.userAgent);
  const setup = await beginSecondFactorSetup(db, clock, accepted.user, input.choice, input.requestId);
  return { ok: true, user: accepted.user, setup, pendingToken };
}

/** The person behind a staff set-up's pending session, or null once it ended or expired (15 minutes). */
export async function pendingStaffSetup(db: DbOrTx, clock: Clock, pendingToken: string | null | undefined): Promise<User | null> {
  const check = await checkSession(db, clock, pendingToken, { touch: false });
  if (check.status !== 'pending' || !STAFF_ROLES.includes(check.user.role as StaffRole) || check.user.secondFactor) return null;
  return check.user;
}

export type FinishStaffSetupResult =
  | { ok: true; user: User; backupCodes: string[] }
  | { ok: false; error: 'no_session' | 'invalid' | 'email_unconfirmed' }
  | { ok: false; error: 'locked'; until: Date };

/**
 * Proves the chosen second step (as at sign-up) and makes the ten backup codes shown once. The
 * pending session ends: the person then signs in like everyone else, with both steps.
 */
export async function finishStaffSetup(
  db: Db,
  clock: Clock,
  input: { pendingToken: string | null | undefined; setup: PendingSecondFactor; code: string; requestId?: string | null },
): Promise<FinishStaffSetupResult> {
  const user = await pendingStaffSetup(db, clock, input.pendingToken);
  if (!user) return { ok: false, error: 'no_session' };
  const proven = await completeSecondFactorSetup(db, clock, { user, setup: input.setup, code: input.code, requestId: input.requestId, backupCodes: true });
  if (!proven.ok) return proven;
  await transaction(db, async (tx) => {
    await endSessionByToken(tx, clock, input.pendingToken!, 'sign_out');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'staff.setup',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { step: 'second_factor', method: input.setup.method },
      requestId: input.requestId,
    });
  });
  return { ok: true, user: proven.user, backupCodes: proven.backupCodes ?? [] };
}
