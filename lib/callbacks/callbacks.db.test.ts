import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, callbackEvents, callbacks, notifications, type Callback, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { fixedClock, MINUTE, type Clock } from '@/lib/clock';
import { callbackStepsJob, cancelCallback, endExpiredWaits, handleInboundText, recordCallOutcome, requestCallback, startCallback } from './callbacks';
import type { CallbackInput } from './callback-rules';
import { DEMO_INBOUND_AUTH_TOKEN, inboundUrl, receiveInboundText, twilioSignature } from './inbound-webhook';

const db = () => getDb();
// Tuesday 2026-10-20, 11:00 in Washington.
const start = new Date('2026-10-20T15:00:00Z');
const at = (minutes: number): Clock => fixedClock(new Date(start.getTime() + minutes * MINUTE));
const clock = at(0);

let phoneSeed = 1000;
/** A fresh US number per callback, so tests never answer each other's texts. */
const freshPhone = () => `+1602555${String(phoneSeed++).padStart(4, '0')}`;

async function customerWithCallback(input: Partial<CallbackInput> = {}, when: Clock = clock) {
  const customer = await createTestUser(db(), when);
  const callback = await requestCallback(db(), when, customer, { receiptNumber: null, topic: 'case_status', urgency: 'regular', phone: freshPhone(), language: 'en', textAhead: true, ...input });
  return { customer, callback };
}

const reload = async (callback: Callback) => (await db().select().from(callbacks).where(eq(callbacks.id, callback.id)))[0];
const events = async (callback: Callback) =>
  (await db().select().from(callbackEvents).where(eq(callbackEvents.callbackId, callback.id)).orderBy(asc(callbackEvents.id))).map((e) => e.kind);
const textsTo = async (phone: string) => db().select().from(notifications).where(and(eq(notifications.recipient, phone), eq(notifications.template, 'callback-text-ahead')));
const emailsOf = async (user: User, template: string) => db().select().from(notifications).where(and(eq(notifications.recipient, user.email), eq(notifications.template, template)));
const officer = () => createTestUser(db(), clock, { role: 'officer' });

describe('requesting a callback', () => {
  it('gives an 8-digit service request number, due in 72 hours or 30 business days, emailed to the customer', async () => {
    const { customer, callback } = await customerWithCallback({ urgency: 'urgent' });
    expect(callback.serviceRequestNumber).toMatch(/^[1-9]\d{7}$/);
    expect(callback.dueAt).toEqual(new Date(start.getTime() + 72 * 60 * MINUTE));
    expect(callback).toMatchObject({ status: 'queued', attempts: 0, open: true, priority: 0 });
    const [email] = await emailsOf(customer, 'callback-requested');
    expect(email.payload).toMatchObject({ serviceRequestNumber: callback.serviceRequestNumber, urgency: 'urgent' });
    expect(await events(callback)).toEqual(['requested']);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'callback.request'), eq(auditLog.objectId, callback.serviceRequestNumber)));
    expect(audit.actorId).toBe(customer.id);

    // 30 business days from Tuesday 2026-10-20: Veterans Day (Nov 11) and Thanksgiving (Nov 26) do not count.
    const { callback: regular } = await customerWithCallback({ urgency: 'regular' });
    expect(regular.dueAt.toISOString()).toBe('2026-12-03T16:00:00.000Z'); // 11:00 in Washington, now on standard time
    expect(regular.priority).toBe(1);
  });

  it('may name only a case linked to the person asking', async () => {
    const customer = await createTestUser(db(), clock);
    const own = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, own, customer);
    const stranger = await addTestCase(db(), clock);
    const base = { topic: 'case_status', urgency: 'regular', phone: freshPhone(), language: 'en', textAhead: false } as const;
    expect((await requestCallback(db(), clock, customer, { ...base, receiptNumber: own.receiptNumber })).caseId).toBe(own.id);
    await expect(requestCallback(db(), clock, customer, { ...base, receiptNumber: stranger.receiptNumber })).rejects.toThrow(/linked/);
  });

  it('can be cancelled while nothing has happened, and not after an officer started it', async () => {
    const { customer, callback } = await customerWithCallback();
    expect(await cancelCallback(db(), clock, customer, callback.serviceRequestNumber)).toEqual({ ok: true });
    expect(await reload(callback)).toMatchObject({ status: 'closed', closedReason: 'cancelled', open: false });
    const other = await customerWithCallback();
    expect(await cancelCallback(db(), clock, customer, other.callback.serviceRequestNumber)).toEqual({ ok: false, error: 'not_found' });
    await startCallback(db(), clock, await officer(), other.callback.serviceRequestNumber);
    expect(await cancelCallback(db(), clock, other.customer, other.callback.serviceRequestNumber)).toEqual({ ok: false, error: 'started' });
  });
});

describe('text-ahead', () => {
  it('YES within the hour: ready to call for the officer who started it, who records "Reached"', async () => {
    const { callback } = await customerWithCallback({ language: 'es' });
    const omar = await officer();
    expect(await startCallback(db(), clock, omar, callback.serviceRequestNumber)).toEqual({ ok: true, how: 'text' });
    const [text] = await textsTo(callback.phone);
    expect(text).toMatchObject({ channel: 'sms', language: 'es' });
    expect(await reload(callback)).toMatchObject({ status: 'awaiting_reply', attempts: 1, assignedOfficerId: omar.id, nextStepAt: at(60).now() });

    expect(await handleInboundText(db(), at(59), { from: callback.phone, body: 'Sí' })).toMatchObject({ kind: 'answered', answer: 'yes', language: 'es' });
    expect(await reload(callback)).toMatchObject({ status: 'ready', assignedOfficerId: omar.id });
    // Another officer cannot record it; the one who started it can.
    expect(await recordCallOutcome(db(), at(61), await officer(), callback.serviceRequestNumber, { reached: true, note: null })).toEqual({ ok: false, error: 'not_yours' });
    expect(await recordCallOutcome(db(), at(62), omar, callback.serviceRequestNumber, { reached: true, note: 'Explained the RFE' })).toEqual({ ok: true, closed: true });
    expect(await reload(callback)).toMatchObject({ status: 'closed', closedReason: 'reached', open: false });
    expect(await events(callback)).toEqual(['requested', 'text_sent', 'replied_yes', 'reached']);
  });

  it('NO, then NO again: closed as unreachable and the customer emailed how to ask again', async () => {
    const { customer, callback } = await customerWithCallback();
    const omar = await officer();
    await startCallback(db(), clock, omar, callback.serviceRequestNumber);
    expect(await handleInboundText(db(), at(5), { from: callback.phone, body: 'no' })).toMatchObject({ answer: 'no', closed: false });
    expect(await reload(callback)).toMatchObject({ status: 'retry_due', attempts: 1, nextStepAt: null });
    await startCallback(db(), at(30), omar, callback.serviceRequestNumber);
    expect(await textsTo(callback.phone)).toHaveLength(2);
    expect(await handleInboundText(db(), at(31), { from: callback.phone, body: 'NO.' })).toMatchObject({ answer: 'no', closed: true });
    expect(await reload(callback)).toMatchObject({ status: 'closed', closedReason: 'unreachable', open: false });
    expect(await emailsOf(customer, 'callback-unreachable')).toHaveLength(1);
    expect(await events(callback)).toEqual(['requested', 'text_sent', 'replied_no', 'text_sent', 'replied_no', 'closed_unreachable']);
  });

  it('silence: after 60 minutes the worker makes a second attempt due; silence again closes it and emails', async () => {
    const { customer, callback } = await customerWithCallback();
    const omar = await officer();
    await startCallback(db(), clock, omar, callback.serviceRequestNumber);
    await endExpiredWaits(db(), at(59));
    expect((await reload(callback)).status).toBe('awaiting_reply');
    await endExpiredWaits(db(), at(60));
    expect(await reload(callback)).toMatchObject({ status: 'retry_due', attempts: 1 });
    await startCallback(db(), at(90), omar, callback.serviceRequestNumber);
    await endExpiredWaits(db(), at(150));
    expect(await reload(callback)).toMatchObject({ status: 'closed', closedReason: 'unreachable' });
    expect(await emailsOf(customer, 'callback-unreachable')).toHaveLength(1);
    expect(await events(callback)).toEqual(['requested', 'text_sent', 'no_reply', 'text_sent', 'no_reply', 'closed_unreachable']);
  });

  it('a reply after the window changes nothing and gets the help text', async () => {
    const { callback } = await customerWithCallback();
    await startCallback(db(), clock, await officer(), callback.serviceRequestNumber);
    // The hour is over but the worker has not run yet: too late all the same.
    expect(await handleInboundText(db(), at(61), { from: callback.phone, body: 'YES' })).toEqual({ kind: 'help' });
    expect((await reload(callback)).status).toBe('awaiting_reply');
    await endExpiredWaits(db(), at(62));
    expect(await handleInboundText(db(), at(63), { from: callback.phone, body: 'YES' })).toEqual({ kind: 'help' });
    expect((await reload(callback)).status).toBe('retry_due');
    expect(await handleInboundText(db(), at(64), { from: callback.phone, body: 'maybe later' })).toEqual({ kind: 'help' });
  });

  it('STOP opts the number out of every text (the officer is told to call directly); START opts it back in', async () => {
    const { callback } = await customerWithCallback();
    const omar = await officer();
    expect(await handleInboundText(db(), clock, { from: callback.phone, body: 'stop' })).toEqual({ kind: 'opted_out' });
    expect(await startCallback(db(), clock, omar, callback.serviceRequestNumber)).toEqual({ ok: true, how: 'call' });
    expect(await textsTo(callback.phone)).toHaveLength(0);
    expect(await events(callback)).toEqual(['requested', 'text_not_sent', 'call_started']);
    await recordCallOutcome(db(), at(10), omar, callback.serviceRequestNumber, { reached: false, note: null });
    expect(await handleInboundText(db(), at(20), { from: callback.phone, body: 'START' })).toEqual({ kind: 'opted_in' });
    expect(await startCallback(db(), at(30), omar, callback.serviceRequestNumber)).toEqual({ ok: true, how: 'text' });
    expect(await textsTo(callback.phone)).toHaveLength(1);
  });
});

describe('without text-ahead', () => {
  it('the officer records two call attempts, then it closes as unreachable', async () => {
    const { customer, callback } = await customerWithCallback({ textAhead: false });
    const omar = await officer();
    expect(await startCallback(db(), clock, omar, callback.serviceRequestNumber)).toEqual({ ok: true, how: 'call' });
    expect(await recordCallOutcome(db(), at(5), omar, callback.serviceRequestNumber, { reached: false, note: 'Voicemail full' })).toEqual({ ok: true, closed: false });
    expect((await reload(callback)).status).toBe('retry_due');
    await startCallback(db(), at(60), omar, callback.serviceRequestNumber);
    expect(await recordCallOutcome(db(), at(65), omar, callback.serviceRequestNumber, { reached: false, note: null })).toEqual({ ok: true, closed: true });
    expect(await reload(callback)).toMatchObject({ status: 'closed', closedReason: 'unreachable', attempts: 2 });
    expect(await emailsOf(customer, 'callback-unreachable')).toHaveLength(1);
    expect(await textsTo(callback.phone)).toHaveLength(0);
  });
});

describe('time and failure', () => {
  it('a worker killed mid-wait and restarted neither loses nor repeats the step', async () => {
    const { callback } = await customerWithCallback();
    await startCallback(db(), clock, await officer(), callback.serviceRequestNumber);
    const first = callbackStepsJob();
    await first.run({ db: db(), clock: at(30), signal: new AbortController().signal });
    // The first worker is gone; the wait is in the row, so a new one picks it up after the hour.
    const restarted = callbackStepsJob();
    expect((await restarted.run({ db: db(), clock: at(61), signal: new AbortController().signal })).counts).toEqual({ repliesTimedOut: 1 });
    expect((await restarted.run({ db: db(), clock: at(62), signal: new AbortController().signal })).counts).toEqual({ repliesTimedOut: 0 });
    expect(await events(callback)).toEqual(['requested', 'text_sent', 'no_reply']);
    expect(await textsTo(callback.phone)).toHaveLength(1);
  });

  it('two workers at once end each wait once; two officers starting at once send one text', async () => {
    const omar = await officer();
    const started = await Promise.all(Array.from({ length: 8 }, () => customerWithCallback()));
    for (const { callback } of started) await startCallback(db(), clock, omar, callback.serviceRequestNumber);
    const moved = await Promise.all([endExpiredWaits(db(), at(61)), endExpiredWaits(db(), at(61))]);
    expect(moved[0] + moved[1]).toBeGreaterThanOrEqual(8);
    for (const { callback } of started) {
      expect((await events(callback)).filter((kind) => kind === 'no_reply')).toHaveLength(1);
      expect((await reload(callback)).status).toBe('retry_due');
    }

    const { callback } = await customerWithCallback();
    const officers = await Promise.all([officer(), officer(), officer()]);
    const outcomes = await Promise.all(officers.map((o) => startCallback(db(), clock, o, callback.serviceRequestNumber)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await textsTo(callback.phone)).toHaveLength(1);
  });
});

describe('the inbound webhook', () => {
  const config = { smtp: null, sms: null, portalUrl: 'https://portal.example.gov', localOutbox: true, internationalTexts: false };

  it('refuses unsigned and wrongly signed requests without changing anything, and takes a correctly signed YES', async () => {
    const { callback } = await customerWithCallback();
    await startCallback(db(), clock, await officer(), callback.serviceRequestNumber);
    const params = { From: callback.phone, Body: 'YES', MessageSid: 'SM123', To: '+15555550100' };
    const url = inboundUrl(config);
    expect(await receiveInboundText(db(), at(5), { params, signature: null }, config)).toEqual({ status: 403 });
    expect(await receiveInboundText(db(), at(5), { params, signature: twilioSignature(url, params, 'another token') }, config)).toEqual({ status: 403 });
    // Signed, then changed on the way (Body NO → YES).
    expect(await receiveInboundText(db(), at(5), { params, signature: twilioSignature(url, { ...params, Body: 'NO' }, DEMO_INBOUND_AUTH_TOKEN) }, config)).toEqual({ status: 403 });
    expect((await reload(callback)).status).toBe('awaiting_reply');

    const signature = twilioSignature(url, params, DEMO_INBOUND_AUTH_TOKEN);
    expect(await receiveInboundText(db(), at(5), { params, signature }, config)).toMatchObject({ status: 200, result: { kind: 'answered', answer: 'yes' } });
    expect((await reload(callback)).status).toBe('ready');
    const bad = { From: 'not a number', Body: 'YES' };
    expect(await receiveInboundText(db(), at(6), { params: bad, signature: twilioSignature(url, bad, DEMO_INBOUND_AUTH_TOKEN) }, config)).toMatchObject({ status: 400 });
    // Without a provider and outside the demo, nothing may post texts here.
    expect(await receiveInboundText(db(), at(7), { params, signature }, { ...config, localOutbox: false })).toEqual({ status: 403 });
  });
});
