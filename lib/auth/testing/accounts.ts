/** Test helpers: make accounts and read the codes the portal sent them, as a person would from their inbox. */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Role, SecondFactor } from '@/db/columns';
import { notifications, users, type User } from '@/db/schema';
import type { Clock } from '@/lib/clock';
import { openSealedSecrets } from '@/lib/notifications/sealing';
import { hashPassword } from '../password';

export const TEST_PASSWORD = 'river-stone-lantern-42';

export async function createTestUser(
  db: DbOrTx,
  clock: Clock,
  overrides: Partial<{ email: string; role: Role; secondFactor: SecondFactor; phone: string; totpSecret: string; verified: boolean }> = {},
): Promise<User> {
  const now = clock.now();
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `person-${Math.random().toString(36).slice(2)}@example.com`,
      emailVerifiedAt: overrides.verified === false ? null : now,
      passwordHash: await hashPassword(TEST_PASSWORD),
      role: overrides.role ?? 'applicant',
      givenName: 'Test',
      familyName: 'Person',
      phone: overrides.phone ?? null,
      secondFactor: overrides.secondFactor ?? 'email',
      totpSecret: overrides.totpSecret ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return user;
}

/** The newest code sent to `recipient` with the one-time-code template (read from the outbox, unsealed). */
export async function latestCodeSentTo(db: DbOrTx, recipient: string): Promise<string | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, recipient), eq(notifications.template, 'one-time-code')))
    .orderBy(desc(notifications.id))
    .limit(1);
  return row ? (openSealedSecrets(row.payload).code ?? null) : null;
}
