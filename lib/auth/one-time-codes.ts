/**
 * Six-digit one-time codes (email confirmation, sign-in by email or text, phone confirmation):
 * they expire after 10 minutes, work once, and are stored only as keyed hashes. Issuing a new
 * code for the same purpose retires the earlier ones, so only the latest message works.
 */
import { randomInt } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { OneTimeCodePurpose } from '@/db/columns';
import { oneTimeCodes } from '@/db/schema';
import { MINUTE, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';

export const ONE_TIME_CODE_TTL_MS = 10 * MINUTE;

const hashOf = (userId: number, purpose: OneTimeCodePurpose, code: string) =>
  keyedHash('one-time-code', `${userId}:${purpose}:${code}`);

export async function issueOneTimeCode(
  db: DbOrTx,
  clock: Clock,
  userId: number,
  purpose: OneTimeCodePurpose,
): Promise<{ code: string; expiresAt: Date }> {
  const now = clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_TTL_MS);
  await db
    .update(oneTimeCodes)
    .set({ usedAt: now })
    .where(and(eq(oneTimeCodes.userId, userId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.usedAt)));
  await db.insert(oneTimeCodes).values({ userId, purpose, codeHash: hashOf(userId, purpose, code), createdAt: now, expiresAt });
  return { code, expiresAt };
}

/** Uses the code if it is the live one: a single conditional update, so two submissions cannot both succeed. */
export async function consumeOneTimeCode(
  db: DbOrTx,
  clock: Clock,
  userId: number,
  purpose: OneTimeCodePurpose,
  code: string,
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const now = clock.now();
  const used = await db
    .update(oneTimeCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeCodes.userId, userId),
        eq(oneTimeCodes.purpose, purpose),
        eq(oneTimeCodes.codeHash, hashOf(userId, purpose, code)),
        isNull(oneTimeCodes.usedAt),
        gt(oneTimeCodes.expiresAt, now),
      ),
    )
    .returning({ id: oneTimeCodes.id });
  return used.length === 1;
}

/**
 * Whether `code` is one this user really was sent for `purpose` that has since expired, been used or
 * been replaced by a newer one. A wrong guess and a stale code then get different advice: "check
 * the code" versus "send a new code". Read-only: the caller has already counted the attempt.
 */
export async function isSpentOneTimeCode(
  db: DbOrTx,
  clock: Clock,
  userId: number,
  purpose: OneTimeCodePurpose,
  code: string,
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const [row] = await db
    .select({ id: oneTimeCodes.id })
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.userId, userId),
        eq(oneTimeCodes.purpose, purpose),
        eq(oneTimeCodes.codeHash, hashOf(userId, purpose, code)),
        or(isNotNull(oneTimeCodes.usedAt), lte(oneTimeCodes.expiresAt, clock.now())),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Spaces, dashes and other separators people type or paste around a code are ignored. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}
