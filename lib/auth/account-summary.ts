/** Who is signed in, as the landing pages and the header show it. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Role } from '@/db/columns';
import { representativeProfiles, type User } from '@/db/schema';

export interface AccountSummary {
  name: string;
  email: string;
  role: Role;
  /** Representatives: how they practise and for which organisation. */
  representative: { kind: 'attorney' | 'accredited_representative'; organisation: string; sector: 'private' | 'nonprofit' } | null;
}

/** The person's name as they gave it, or their email address until they have given one. */
export function displayName(user: Pick<User, 'givenName' | 'familyName' | 'email'>): string {
  const name = `${user.givenName} ${user.familyName}`.trim();
  return name || user.email;
}

export async function accountSummary(db: DbOrTx, user: User): Promise<AccountSummary> {
  let representative: AccountSummary['representative'] = null;
  if (user.role === 'representative') {
    const [profile] = await db
      .select({ kind: representativeProfiles.kind, organisation: representativeProfiles.organisation, sector: representativeProfiles.sector })
      .from(representativeProfiles)
      .where(eq(representativeProfiles.userId, user.id));
    representative = profile ?? null;
  }
  return { name: displayName(user), email: user.email, role: user.role, representative };
}
