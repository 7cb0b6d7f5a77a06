/**
 * The one place that answers "may this user do this to that". Pages, server actions and route
 * handlers ask it; layouts and the proxy never decide access.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Role } from '@/db/columns';
import { caseLinks, type User } from '@/db/schema';

/** Parts of the portal, by who works in them. */
export type Area = 'account' | 'cases' | 'representative' | 'officer' | 'supervisor';

const areaRoles: Record<Area, readonly Role[]> = {
  account: ['applicant', 'representative', 'officer', 'supervisor'],
  cases: ['applicant', 'representative'], // officers read case data only through officer work
  representative: ['representative'], // connecting case-management software (API credentials)
  officer: ['officer', 'supervisor'],
  supervisor: ['supervisor'],
};

export function mayEnter(user: Pick<User, 'role'>, area: Area): boolean {
  return areaRoles[area].includes(user.role);
}

/** Where each role lands after signing in. */
export function landingPath(role: Role): '/dashboard' | '/officer' {
  return role === 'officer' || role === 'supervisor' ? '/officer' : '/dashboard';
}

/** Only people who sign themselves up may do so; staff accounts are made by a supervisor. */
export function maySelfSignUp(role: Role): boolean {
  return role === 'applicant' || role === 'representative';
}

export function mayManageStaff(user: Pick<User, 'role'>): boolean {
  return mayEnter(user, 'supervisor');
}

/** The role a person holds on the cases linked to them: representatives for clients, everyone else as applicant. */
export const linkRoleOf = (user: Pick<User, 'role'>): 'applicant' | 'representative' =>
  user.role === 'representative' ? 'representative' : 'applicant';

/**
 * The case links that give this person access: their own, in their role, not ended. Every read of
 * cases for a person filters with it (policy, dashboard, case page).
 */
export function activeLinksOf(user: Pick<User, 'id' | 'role'>) {
  return and(eq(caseLinks.userId, user.id), eq(caseLinks.role, linkRoleOf(user)), isNull(caseLinks.endedAt))!;
}

/**
 * Applicant: the case is linked to them as applicant. Representative: linked to them as
 * representative and not ended. Staff reach case data only through officer work, not here.
 */
export async function canViewCase(db: DbOrTx, user: Pick<User, 'id' | 'role'>, caseId: number): Promise<boolean> {
  if (!mayEnter(user, 'cases')) return false;
  const [link] = await db
    .select({ id: caseLinks.id })
    .from(caseLinks)
    .where(and(eq(caseLinks.caseId, caseId), activeLinksOf(user)))
    .limit(1);
  return Boolean(link);
}
