/** What the request pages offer to choose from: the field offices (requesters and officers), and the person's linked cases. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { fieldOffices, type User } from '@/db/schema';
import { listLinkedCases } from '@/lib/cases/case-views';
import type { Clock } from '@/lib/clock';

/** The field offices by name: to prefer one, to schedule at one, or to filter the queue by one. */
export async function fieldOfficeChoices(db: DbOrTx) {
  return db
    .select({ id: fieldOffices.id, code: fieldOffices.code, name: fieldOffices.name, city: fieldOffices.city, state: fieldOffices.state, timeZone: fieldOffices.timeZone })
    .from(fieldOffices)
    .orderBy(asc(fieldOffices.name), asc(fieldOffices.id));
}

/** The person's linked cases (a representative's: their clients'), with whose case each is. */
export async function caseChoices(db: DbOrTx, clock: Clock, user: User) {
  const linked = await listLinkedCases(db, clock, user);
  return linked.map((summary) => ({
    receiptNumber: summary.receiptNumber,
    formType: summary.formType,
    applicantName: `${summary.applicantGivenName} ${summary.applicantFamilyName}`.trim(),
  }));
}
