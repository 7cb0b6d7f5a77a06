/**
 * A few open callback requests, so the demo officer's list has work and the text-ahead loop can be
 * tried (README): Ana's urgent question about her biometrics appointment with a text first, Lucía's
 * in Spanish with a text first, and one Rita asked about her client's long-pending petition, to be
 * called directly. They go through the same service as the form, so their numbers, due times,
 * timelines and emails are real.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { casesForCallback } from '@/lib/callbacks/callback-views';
import { requestCallback } from '@/lib/callbacks/callbacks';
import type { CallbackInput } from '@/lib/callbacks/callback-rules';
import { DAY, HOUR, type Clock } from '@/lib/clock';

const at = (instant: Date): Clock => ({ now: () => new Date(instant) });

export async function addDemoCallbacks(db: Db, now: Date): Promise<number> {
  const plans: { email: string; form: string; ago: number; input: Omit<CallbackInput, 'receiptNumber' | 'phone'> }[] = [
    { email: 'ana.applicant@example.com', form: 'I-485', ago: 2 * HOUR, input: { topic: 'biometrics', urgency: 'urgent', language: 'en', textAhead: true } },
    { email: 'lucia.solicitante@example.com', form: 'I-821', ago: 3 * DAY, input: { topic: 'case_status', urgency: 'regular', language: 'es', textAhead: true } },
    { email: 'rita.representative@example.com', form: 'I-130', ago: 10 * DAY, input: { topic: 'case_status', urgency: 'regular', language: 'en', textAhead: false } },
  ];
  for (const plan of plans) {
    const [person] = await db.select().from(users).where(eq(users.email, plan.email));
    const theCase = (await casesForCallback(db, person)).find((c) => c.formType === plan.form);
    await requestCallback(db, at(new Date(now.getTime() - plan.ago)), person, { ...plan.input, receiptNumber: theCase?.receiptNumber ?? null, phone: person.phone! });
  }
  return plans.length;
}
