/**
 * Ten single-use backup codes, shown once at set-up and whenever they are made anew (which retires
 * the old set). 10 symbols from a 32-letter alphabet: 50 bits each, stored as keyed hashes.
 */
import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { backupCodes } from '@/db/schema';
import type { Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BACKUP_CODE_COUNT = 10;

const hashOf = (userId: number, code: string) => keyedHash('backup-code', `${userId}:${code}`);

export function normaliseBackupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

function newCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function formatBackupCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Makes a fresh set (the previous set stops working) and returns it for showing once. */
export async function regenerateBackupCodes(db: DbOrTx, clock: Clock, userId: number): Promise<string[]> {
  const now = clock.now();
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newCode);
  await db.delete(backupCodes).where(eq(backupCodes.userId, userId));
  await db.insert(backupCodes).values(codes.map((code) => ({ userId, codeHash: hashOf(userId, code), createdAt: now })));
  return codes.map(formatBackupCode);
}

export async function consumeBackupCode(db: DbOrTx, clock: Clock, userId: number, input: string): Promise<boolean> {
  const code = normaliseBackupCode(input);
  if (!/^[0-9A-Z]{10}$/.test(code)) return false;
  const used = await db
    .update(backupCodes)
    .set({ usedAt: clock.now() })
    .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, hashOf(userId, code)), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  return used.length === 1;
}

export async function remainingBackupCodes(db: DbOrTx, userId: number): Promise<number> {
  const rows = await db
    .select({ id: backupCodes.id })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt)));
  return rows.length;
}
