import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { type User } from '@/db/schema';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestFieldOffice, renameUser } from '@/lib/cases/testing/case-fixtures';
import { officerQueue, QUEUE_PAGE_SIZE, requestForRequester, requestsOf } from './queries';
import type { RequestReason } from './reasons';
import { claimRequest, decideRequest } from './review';
import { submitAppointmentRequest } from './submit-request';
import { testRequestAnswers } from './testing/answers';

const db = () => getDb();

async function submit(clock: ReturnType<typeof fixedClock>, officeCode: string, reason: RequestReason = 'adit_stamp', requester?: User) {
  const applicant = requester ?? (await createTestUser(db(), clock));
  const parole = reason === 'emergency_advance_parole';
  const result = await submitAppointmentRequest(db(), clock, {
    requester: applicant,
    caseId: null,
    answers: testRequestAnswers(officeCode, {
      reason,
      explanation: parole ? 'Family emergency abroad' : null,
      travelDate: parole ? '2026-12-09' : null,
      destination: parole ? 'Lima, Peru' : null,
    }),
  });
  if (!result.ok) throw new Error(result.error);
  return { applicant, reference: result.request.reference };
}

describe('the officers’ queue', () => {
  it('puts emergency advance parole first, then the oldest, and filters by status, reason and office', async () => {
    const clock = fixedClock('2026-12-01T15:00:00Z');
    const [phoenix, tucson] = [await addTestFieldOffice(db(), 'Phoenix QA'), await addTestFieldOffice(db(), 'Tucson QA')];
    const oldest = await submit(clock, phoenix.code);
    clock.advance(HOUR);
    const judge = await submit(clock, tucson.code, 'immigration_judge_grant');
    clock.advance(HOUR);
    const parole = await submit(clock, phoenix.code, 'emergency_advance_parole');
    const olga = await renameUser(db(), await createTestUser(db(), clock, { role: 'officer' }), 'Olga', 'Ortiz');
    await claimRequest(db(), clock, { officer: olga, reference: judge.reference });

    const mine = (rows: { reference: string }[]) => rows.map((row) => row.reference).filter((r) => [oldest, judge, parole].some((x) => x.reference === r));
    const queue = await officerQueue(db());
    expect(mine(queue.rows)).toEqual([parole.reference, oldest.reference, judge.reference]);
    expect(queue.rows.find((row) => row.reference === judge.reference)).toMatchObject({ status: 'in_review', claimedByGiven: 'Olga', officeName: 'Tucson QA' });
    expect(mine((await officerQueue(db(), { reason: 'emergency_advance_parole' })).rows)).toEqual([parole.reference]);
    expect(mine((await officerQueue(db(), { fieldOfficeId: tucson.id })).rows)).toEqual([judge.reference]);
    expect(mine((await officerQueue(db(), { statuses: ['in_review'] })).rows)).toEqual([judge.reference]);

    // Once decided, a request leaves the queue of work to review.
    await decideRequest(db(), clock, { officer: olga, reference: judge.reference, decision: { kind: 'not_needed', message: 'Your card is on its way.' } });
    expect(mine((await officerQueue(db())).rows)).toEqual([parole.reference, oldest.reference]);
  });

  it('pages 25 at a time, and a page past the end shows the last', async () => {
    const clock = fixedClock('2026-12-02T15:00:00Z');
    const office = await addTestFieldOffice(db(), 'Paging QA');
    for (let i = 0; i < QUEUE_PAGE_SIZE + 3; i++) {
      await submit(clock, office.code);
      clock.advance(MINUTE);
    }
    const first = await officerQueue(db(), { fieldOfficeId: office.id });
    expect([first.rows.length, first.total, first.pageCount]).toEqual([25, 28, 2]);
    const last = await officerQueue(db(), { fieldOfficeId: office.id, page: 9 });
    expect([last.page, last.rows.length]).toEqual([2, 3]);
  });
});

describe('a requester’s own requests', () => {
  it('lists theirs, newest first, with the appointment once scheduled, and shows one with its timeline', async () => {
    const clock = fixedClock('2026-12-03T15:00:00Z');
    const office = await addTestFieldOffice(db());
    const first = await submit(clock, office.code);
    clock.advance(HOUR);
    const second = await submit(clock, office.code, 'immigration_judge_grant', first.applicant);
    const olga = await createTestUser(db(), clock, { role: 'officer' });
    await claimRequest(db(), clock, { officer: olga, reference: first.reference });
    await decideRequest(db(), clock, { officer: olga, reference: first.reference, decision: { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z') } });

    const list = await requestsOf(db(), first.applicant);
    expect(list.map((row) => [row.reference, row.status, row.appointmentStartsAt])).toEqual([
      [second.reference, 'submitted', null],
      [first.reference, 'appointment_scheduled', new Date('2026-12-07T16:00:00Z')],
    ]);
    const detail = await requestForRequester(db(), first.applicant, first.reference);
    expect(detail?.timeline.map((event) => event.kind)).toEqual(['submitted', 'claimed', 'scheduled']);
    expect(detail?.appointment?.startsAt).toEqual(new Date('2026-12-07T16:00:00Z'));
    const someoneElse = await createTestUser(db(), clock);
    expect(await requestForRequester(db(), someoneElse, first.reference)).toBeNull();
  });
});
