/**
 * A multi-page form's answers between its pages: saved by each page's "Continue", read back by every
 * page (so "Back" and "Change" show what was given), removed on submit. Held on the server, one per
 * person and form; housekeeping deletes drafts left for a day (lib/housekeeping/purge.ts).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { formDrafts } from '@/db/schema';
import type { Clock } from '@/lib/clock';

export type DraftForm = 'appointment-request' | 'biometrics-reschedule';

const keyOf = (form: DraftForm, userId: number) => `${form}:${userId}`;

export async function readDraft(db: DbOrTx, form: DraftForm, userId: number): Promise<Record<string, unknown>> {
  const [draft] = await db.select({ data: formDrafts.data }).from(formDrafts).where(eq(formDrafts.key, keyOf(form, userId)));
  return draft?.data ?? {};
}

/** Merges `answers` into the person's draft of `form` (one statement: two tabs never lose a whole draft). */
export async function saveDraft(db: DbOrTx, clock: Clock, form: DraftForm, userId: number, answers: Record<string, unknown>): Promise<Record<string, unknown>> {
  const data = { ...(await readDraft(db, form, userId)), ...answers };
  const now = clock.now();
  await db
    .insert(formDrafts)
    .values({ key: keyOf(form, userId), userId, data, updatedAt: now })
    .onConflictDoUpdate({ target: formDrafts.key, set: { data, updatedAt: now } });
  return data;
}

export async function clearDraft(db: DbOrTx, form: DraftForm, userId: number): Promise<void> {
  await db.delete(formDrafts).where(eq(formDrafts.key, keyOf(form, userId)));
}
