/**
 * Contact Center callbacks (spec §8): a customer asks for a call; an officer starts it, with a
 * text-ahead ("can you take a call in the next 30 minutes? Reply YES or NO") when the customer opted
 * in; YES makes it ready to call for that officer; NO, or no reply within 60 minutes, makes a second
 * attempt due; two attempts without reaching the person close it as unreachable and the customer is
 * emailed how to ask again.
 *
 * Every step is one conditional UPDATE on the callback's status and attempt count, so two officers,
 * two workers, or a reply racing the end of the wait cannot both move the same callback: the loser
 * finds the row already changed and does nothing. Texts and emails go through the outbox with a
 * dedupe key per callback and attempt, so no step sends twice.
 */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { dialect, transaction, type Db, type DbOrTx } from '@/db/client';
import type { CallbackStatus, Language } from '@/db/columns';
import { callbackEvents, callbacks, caseLinks, cases, smsOptOuts, users, type Callback, type User } from '@/db/schema';
import { requestDueAt } from '@/lib/appointment-requests/due-time';
import { queueCaseEvent } from '@/lib/api/webhooks/webhooks';
import { recordAudit } from '@/lib/audit/record-audit';
import { activeLinksOf } from '@/lib/auth/policy';
import { MINUTE, type Clock } from '@/lib/clock';
import { textingOffered } from '@/lib/notifications/config';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import type { WorkerJob } from '@/lib/notifications/worker';
import { reserveText } from '@/lib/notifications/text-limits';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { replyMeaning, type CallbackInput } from './callback-rules';

/** How long a text-ahead waits for YES or NO before the attempt counts as unanswered. */
export const REPLY_WAIT_MS = 60 * MINUTE;
/** Attempts (texts, or calls without one) before a callback closes as unreachable. */
export const MAX_ATTEMPTS = 2;

export type CallbackEventKind =
  | 'requested'
  | 'text_sent'
  | 'text_not_sent'
  | 'call_started'
  | 'replied_yes'
  | 'replied_no'
  | 'no_reply'
  | 'reached'
  | 'no_answer'
  | 'closed_unreachable'
  | 'cancelled';

async function addEvent(db: DbOrTx, clock: Clock, callbackId: number, kind: CallbackEventKind, actorId: number | null = null, note: string | null = null) {
  await db.insert(callbackEvents).values({ callbackId, kind, at: clock.now(), actorId, note });
  // A callback about a case is news for the case's representatives' software.
  const [callback] = await db.select({ caseId: callbacks.caseId, number: callbacks.serviceRequestNumber, status: callbacks.status, closedReason: callbacks.closedReason }).from(callbacks).where(eq(callbacks.id, callbackId));
  if (callback?.caseId) await queueCaseEvent(db, clock, callback.caseId, 'callback.updated', { serviceRequestNumber: callback.number, event: kind, status: callback.status, closedReason: callback.closedReason });
}

/** A fresh 8-digit service request number (not starting with 0, so it reads as a number). */
const newServiceRequestNumber = () => String(randomInt(10_000_000, 100_000_000));

export async function requestCallback(db: Db, clock: Clock, user: User, input: CallbackInput): Promise<Callback> {
  const now = clock.now();
  const caseId = input.receiptNumber ? await linkedCaseId(db, user, input.receiptNumber) : null;
  if (input.receiptNumber && caseId === null) throw new Error('a callback may only name one of the person’s linked cases');
  for (let tries = 0; ; tries++) {
    try {
      return await transaction(db, async (tx) => {
        const [row] = await tx
          .insert(callbacks)
          .values({
            serviceRequestNumber: newServiceRequestNumber(),
            userId: user.id,
            caseId,
            topic: input.topic,
            urgency: input.urgency,
            priority: input.urgency === 'urgent' ? 0 : 1,
            phone: input.phone,
            language: input.language,
            textAhead: input.textAhead,
            dueAt: requestDueAt(now, input.urgency === 'urgent', AGENCY_TIME_ZONE),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await addEvent(tx, clock, row.id, 'requested', user.id);
        await enqueueNotification(tx, clock, {
          channel: 'email',
          recipient: user.email,
          language: input.language,
          template: 'callback-requested',
          payload: { serviceRequestNumber: row.serviceRequestNumber, urgency: row.urgency, dueAt: row.dueAt.toISOString(), phone: row.phone },
          dedupeKey: `callback:${row.id}:requested`,
        });
        await recordAudit(tx, clock, {
          actor: user,
          action: 'callback.request',
          objectType: 'callback',
          objectId: row.serviceRequestNumber,
          outcome: 'success',
          detail: { urgency: row.urgency, topic: row.topic, textAhead: row.textAhead, caseId },
        });
        return row;
      });
    } catch (error) {
      // Two requests drew the same number (1 in 90 million): draw again.
      if (tries < 3 && /unique|duplicate/i.test(String((error as Error).message) + String((error as { cause?: unknown }).cause ?? ''))) continue;
      throw error;
    }
  }
}

async function linkedCaseId(db: DbOrTx, user: User, receiptNumber: string): Promise<number | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.caseId))
    .where(and(activeLinksOf(user), eq(cases.receiptNumber, receiptNumber)));
  return row?.id ?? null;
}

/** One conditional move: only from the status and attempt count the caller saw. */
async function move(db: DbOrTx, clock: Clock, row: Pick<Callback, 'id' | 'status' | 'attempts'>, changes: Partial<typeof callbacks.$inferInsert>) {
  const closing = changes.status === 'closed';
  const [moved] = await db
    .update(callbacks)
    .set({ ...changes, updatedAt: clock.now(), ...(closing ? { open: false, closedAt: clock.now(), nextStepAt: null } : {}) })
    .where(and(eq(callbacks.id, row.id), eq(callbacks.status, row.status), eq(callbacks.attempts, row.attempts)))
    .returning();
  return moved ?? null;
}

export type CancelOutcome = { ok: true } | { ok: false; error: 'not_found' | 'started' };

/** The customer withdraws a request nobody has started yet. */
export async function cancelCallback(db: Db, clock: Clock, user: User, serviceRequestNumber: string): Promise<CancelOutcome> {
  return transaction(db, async (tx) => {
    const [row] = await tx.select().from(callbacks).where(and(eq(callbacks.serviceRequestNumber, serviceRequestNumber), eq(callbacks.userId, user.id)));
    if (!row) return { ok: false, error: 'not_found' };
    if (row.status !== 'queued' || row.attempts > 0) return { ok: false, error: 'started' };
    const moved = await move(tx, clock, row, { status: 'closed', closedReason: 'cancelled' });
    if (!moved) return { ok: false, error: 'started' };
    await addEvent(tx, clock, row.id, 'cancelled', user.id);
    await recordAudit(tx, clock, { actor: user, action: 'callback.cancel', objectType: 'callback', objectId: row.serviceRequestNumber, outcome: 'success' });
    return { ok: true };
  });
}

export type StartOutcome =
  | { ok: true; how: 'text' | 'call' }
  | { ok: false; error: 'not_found' | 'not_startable'; status?: CallbackStatus; officerName?: string };

/**
 * "Start callback": with text-ahead (and a number that may be texted), the text is queued in the
 * customer's language and the wait begins; otherwise the officer calls now. Either way it is an attempt.
 */
export async function startCallback(db: Db, clock: Clock, officer: User, serviceRequestNumber: string): Promise<StartOutcome> {
  return transaction(db, async (tx) => {
    const [row] = await tx.select().from(callbacks).where(eq(callbacks.serviceRequestNumber, serviceRequestNumber));
    if (!row) return { ok: false, error: 'not_found' };
    if (row.status !== 'queued' && row.status !== 'retry_due') return { ok: false, error: 'not_startable', status: row.status };
    const [customer] = await tx.select().from(users).where(eq(users.id, row.userId));
    const attempt = row.attempts + 1;
    const textable = row.textAhead && textingOffered() && (await reserveText(tx, clock, { accountId: row.userId, phone: row.phone })).ok;
    const now = clock.now();
    const moved = await move(tx, clock, row, {
      status: textable ? 'awaiting_reply' : 'calling',
      attempts: attempt,
      assignedOfficerId: officer.id,
      nextStepAt: textable ? new Date(now.getTime() + REPLY_WAIT_MS) : null,
    });
    if (!moved) return { ok: false, error: 'not_startable' };
    if (textable) {
      await enqueueNotification(tx, clock, {
        channel: 'sms',
        recipient: row.phone,
        language: row.language,
        template: 'callback-text-ahead',
        payload: { serviceRequestNumber: row.serviceRequestNumber },
        dedupeKey: `callback:${row.id}:text:${attempt}`,
      });
      await addEvent(tx, clock, row.id, 'text_sent', officer.id);
    } else {
      // Opted in, but the number answered STOP or reached the text limits: the officer calls directly.
      if (row.textAhead) await addEvent(tx, clock, row.id, 'text_not_sent', officer.id);
      await addEvent(tx, clock, row.id, 'call_started', officer.id);
    }
    await recordAudit(tx, clock, {
      actor: officer,
      action: 'callback.start',
      objectType: 'callback',
      objectId: row.serviceRequestNumber,
      outcome: 'success',
      detail: { attempt, how: textable ? 'text' : 'call', customerId: customer?.id ?? null },
    });
    return { ok: true, how: textable ? 'text' : 'call' };
  });
}

export type OutcomeResult = { ok: true; closed: boolean } | { ok: false; error: 'not_found' | 'not_yours' | 'not_calling' };

/** The officer who started a call records how it went: reached (closed), or no answer (an attempt spent). */
export async function recordCallOutcome(
  db: Db,
  clock: Clock,
  officer: User,
  serviceRequestNumber: string,
  outcome: { reached: boolean; note: string | null },
): Promise<OutcomeResult> {
  return transaction(db, async (tx) => {
    const [row] = await tx.select().from(callbacks).where(eq(callbacks.serviceRequestNumber, serviceRequestNumber));
    if (!row) return { ok: false, error: 'not_found' };
    if (row.status !== 'ready' && row.status !== 'calling') return { ok: false, error: 'not_calling' };
    if (row.assignedOfficerId !== officer.id) return { ok: false, error: 'not_yours' };
    if (outcome.reached) {
      const moved = await move(tx, clock, row, { status: 'closed', closedReason: 'reached' });
      if (!moved) return { ok: false, error: 'not_calling' };
      await addEvent(tx, clock, row.id, 'reached', officer.id, outcome.note);
    } else {
      const closed = await attemptFailed(tx, clock, row, 'no_answer', officer.id, outcome.note);
      if (closed === null) return { ok: false, error: 'not_calling' };
    }
    await recordAudit(tx, clock, {
      actor: officer,
      action: 'callback.outcome',
      objectType: 'callback',
      objectId: row.serviceRequestNumber,
      outcome: 'success',
      detail: { reached: outcome.reached, attempt: row.attempts },
    });
    return { ok: true, closed: outcome.reached || row.attempts >= MAX_ATTEMPTS };
  });
}

/**
 * An attempt ended without reaching the person (NO, no reply, no answer): the second attempt is
 * due, or after the last one the callback closes as unreachable and the customer is emailed how to
 * ask again. Null when the row had already moved on.
 */
async function attemptFailed(tx: DbOrTx, clock: Clock, row: Callback, kind: CallbackEventKind, actorId: number | null, note: string | null = null): Promise<boolean | null> {
  const last = row.attempts >= MAX_ATTEMPTS;
  const moved = await move(tx, clock, row, last ? { status: 'closed', closedReason: 'unreachable' } : { status: 'retry_due', nextStepAt: null });
  if (!moved) return null;
  await addEvent(tx, clock, row.id, kind, actorId, note);
  if (last) {
    await addEvent(tx, clock, row.id, 'closed_unreachable');
    const [customer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    if (customer) {
      await enqueueNotification(tx, clock, {
        channel: 'email',
        recipient: customer.email,
        language: row.language,
        template: 'callback-unreachable',
        payload: { serviceRequestNumber: row.serviceRequestNumber },
        dedupeKey: `callback:${row.id}:unreachable`,
      });
    }
    await recordAudit(tx, clock, { actor: null, action: 'callback.close_unreachable', objectType: 'callback', objectId: row.serviceRequestNumber, outcome: 'success' });
  }
  return last;
}

export type InboundResult =
  /** The text answered an open question (YES or NO). */
  | { kind: 'answered'; serviceRequestNumber: string; answer: 'yes' | 'no'; language: Language; closed: boolean }
  | { kind: 'opted_out' }
  | { kind: 'opted_in' }
  /** Not YES, NO, STOP or START, or no question open for this number: a short help reply is due. */
  | { kind: 'help' };

/** A text from a customer, already verified as coming from the provider. */
export async function handleInboundText(db: Db, clock: Clock, text: { from: string; body: string }): Promise<InboundResult> {
  const meaning = replyMeaning(text.body);
  const now = clock.now();
  if (meaning === 'stop') {
    await db.insert(smsOptOuts).values({ phone: text.from, optedOutAt: now }).onConflictDoNothing({ target: smsOptOuts.phone });
    await recordAudit(db, clock, { actor: null, action: 'sms.opt_out', objectType: 'phone', objectId: maskPhone(text.from), outcome: 'success' });
    return { kind: 'opted_out' };
  }
  if (meaning === 'start') {
    await db.delete(smsOptOuts).where(eq(smsOptOuts.phone, text.from));
    await recordAudit(db, clock, { actor: null, action: 'sms.opt_in', objectType: 'phone', objectId: maskPhone(text.from), outcome: 'success' });
    return { kind: 'opted_in' };
  }
  if (meaning === 'other') return { kind: 'help' };
  // Most stray replies find no question open: say so without taking the store's write lock.
  const [open] = await db
    .select({ id: callbacks.id })
    .from(callbacks)
    .where(and(eq(callbacks.phone, text.from), eq(callbacks.status, 'awaiting_reply')))
    .limit(1);
  if (!open) return { kind: 'help' };
  return transaction(db, async (tx) => {
    // The open question to this number: a text sent and still inside its wait.
    const [row] = await tx
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.phone, text.from), eq(callbacks.status, 'awaiting_reply')))
      .orderBy(desc(callbacks.nextStepAt))
      .limit(1);
    if (!row || !row.nextStepAt || row.nextStepAt <= now) return { kind: 'help' as const };
    let closed = false;
    if (meaning === 'yes') {
      const moved = await move(tx, clock, row, { status: 'ready', nextStepAt: null });
      if (!moved) return { kind: 'help' as const };
      await addEvent(tx, clock, row.id, 'replied_yes');
    } else {
      const last = await attemptFailed(tx, clock, row, 'replied_no', null);
      if (last === null) return { kind: 'help' as const };
      closed = last;
    }
    await recordAudit(tx, clock, { actor: null, action: `callback.reply_${meaning}`, objectType: 'callback', objectId: row.serviceRequestNumber, outcome: 'success' });
    return { kind: 'answered' as const, serviceRequestNumber: row.serviceRequestNumber, answer: meaning, language: row.language, closed };
  });
}

/** The audit log names a number by its last four digits only. */
const maskPhone = (phone: string) => `…${phone.slice(-4)}`;

export async function isOptedOut(db: DbOrTx, phone: string): Promise<boolean> {
  const [row] = await db.select({ id: smsOptOuts.id }).from(smsOptOuts).where(eq(smsOptOuts.phone, phone));
  return Boolean(row);
}

/**
 * The worker's step: every text-ahead whose hour has passed without YES or NO. Postgres hands each
 * waiting row to one worker (FOR UPDATE SKIP LOCKED); on both stores the move itself is conditional,
 * so a row another worker (or a late reply) moved first is left alone.
 */
export async function endExpiredWaits(db: Db, clock: Clock, limit = 50): Promise<number> {
  const now = clock.now();
  const due = and(eq(callbacks.status, 'awaiting_reply'), lte(callbacks.nextStepAt, now));
  let moved = 0;
  await transaction(db, async (tx) => {
    const base = tx.select().from(callbacks).where(due).orderBy(asc(callbacks.nextStepAt), asc(callbacks.id)).limit(limit);
    const rows: Callback[] = dialect === 'pg' ? await (base as unknown as { for(s: string, o: object): Promise<Callback[]> }).for('update', { skipLocked: true }) : await base;
    for (const row of rows) if ((await attemptFailed(tx, clock, row, 'no_reply', null)) !== null) moved++;
  });
  return moved;
}

/** The worker job for the waits. */
export function callbackStepsJob(): WorkerJob {
  return {
    name: 'callback-steps',
    async run({ db, clock }) {
      const moved = await endExpiredWaits(db, clock);
      return { counts: { repliesTimedOut: moved }, more: moved >= 50 };
    },
  };
}
