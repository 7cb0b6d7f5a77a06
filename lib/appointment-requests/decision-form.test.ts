import { describe, expect, it } from 'vitest';
import { APPOINTMENT_START_TIMES, officeLocalInstant, parseDecisionForm } from './decision-form';

const offices = [
  { id: 1, timeZone: 'America/Phoenix' },
  { id: 2, timeZone: 'America/Denver' },
  { id: 3, timeZone: 'Pacific/Honolulu' },
];
// Thursday, December 3, 2026, 10:00 in Phoenix.
const now = new Date('2026-12-03T17:00:00Z');

const posted = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};
const parse = (fields: Record<string, string>) => parseDecisionForm(posted(fields), { now, offices });

describe('the decision form', () => {
  it('asks for a decision first', () => {
    expect(parse({})).toEqual({ ok: false, problems: { decision: 'required' } });
    expect(parse({ decision: 'approve' })).toEqual({ ok: false, problems: { decision: 'required' } });
  });

  it('schedules at the office’s wall-clock time, across daylight saving', () => {
    expect(parse({ decision: 'schedule', fieldOfficeId: '1', date: '2026-12-07', time: '09:00' })).toEqual({
      ok: true,
      decision: { kind: 'schedule', fieldOfficeId: 1, startsAt: new Date('2026-12-07T16:00:00Z') },
    });
    // Denver keeps daylight time in summer (UTC-6) and not in winter (UTC-7); Phoenix never does.
    expect(officeLocalInstant('2027-07-07', '09:00', 'America/Denver')).toEqual(new Date('2027-07-07T15:00:00Z'));
    expect(officeLocalInstant('2026-12-07', '09:00', 'America/Denver')).toEqual(new Date('2026-12-07T16:00:00Z'));
    expect(officeLocalInstant('2027-07-07', '09:00', 'America/Phoenix')).toEqual(new Date('2027-07-07T16:00:00Z'));
    // The Monday after the spring change, and Honolulu.
    expect(officeLocalInstant('2027-03-15', '08:30', 'America/Denver')).toEqual(new Date('2027-03-15T14:30:00Z'));
    expect(officeLocalInstant('2026-12-07', '16:30', 'Pacific/Honolulu')).toEqual(new Date('2026-12-08T02:30:00Z'));
  });

  it('needs an office, a future business day and a half-hour start within office hours', () => {
    expect(parse({ decision: 'schedule' })).toEqual({ ok: false, problems: { fieldOfficeId: 'required', date: 'required', time: 'required' } });
    expect(parse({ decision: 'schedule', fieldOfficeId: '99', date: '2026-02-30', time: '9am' })).toEqual({
      ok: false,
      problems: { fieldOfficeId: 'invalid', date: 'invalid', time: 'invalid' },
    });
    const at = (date: string, time = '09:00') => parse({ decision: 'schedule', fieldOfficeId: '1', date, time });
    expect(at('2026-12-05')).toMatchObject({ problems: { date: 'notBusinessDay' } }); // a Saturday
    expect(at('2026-12-25')).toMatchObject({ problems: { date: 'notBusinessDay' } }); // Christmas Day
    expect(at('2026-12-03')).toMatchObject({ problems: { date: 'notFuture' } }); // today
    expect(at('2026-12-02')).toMatchObject({ problems: { date: 'notFuture' } });
    expect(at('2026-12-04')).toMatchObject({ ok: true });
    expect(at('2026-12-07', '07:30')).toMatchObject({ problems: { time: 'outsideHours' } });
    expect(at('2026-12-07', '17:00')).toMatchObject({ problems: { time: 'outsideHours' } });
    expect(at('2026-12-07', '09:15')).toMatchObject({ problems: { time: 'outsideHours' } });
    expect(at('2026-12-07', '16:30')).toMatchObject({ ok: true });
    expect(APPOINTMENT_START_TIMES[0]).toBe('08:00');
    expect(APPOINTMENT_START_TIMES.at(-1)).toBe('16:30');
    expect(APPOINTMENT_START_TIMES).toHaveLength(18);
  });

  it('judges "today" in the office’s zone', () => {
    // 23:30 on December 3 in Honolulu is already December 4 in UTC: the 4th is still tomorrow there.
    const late = parseDecisionForm(posted({ decision: 'schedule', fieldOfficeId: '3', date: '2026-12-04', time: '08:00' }), {
      now: new Date('2026-12-04T09:30:00Z'),
      offices,
    });
    expect(late).toMatchObject({ ok: true });
  });

  it('needs the not-needed message, at most 1,000 characters, trimmed', () => {
    expect(parse({ decision: 'not_needed', message: '   ' })).toEqual({ ok: false, problems: { message: 'required' } });
    expect(parse({ decision: 'not_needed', message: 'x'.repeat(1001) })).toEqual({ ok: false, problems: { message: 'tooLong' } });
    expect(parse({ decision: 'not_needed', message: ` ${'é'.repeat(1000)} ` })).toEqual({ ok: true, decision: { kind: 'not_needed', message: 'é'.repeat(1000) } });
  });

  it('needs the question and how the officer will follow up', () => {
    expect(parse({ decision: 'more_info' })).toEqual({ ok: false, problems: { question: 'required', followUpBy: 'required' } });
    expect(parse({ decision: 'more_info', question: 'Your travel ticket', followUpBy: 'fax' })).toEqual({ ok: false, problems: { followUpBy: 'required' } });
    expect(parse({ decision: 'more_info', question: 'Your travel ticket', followUpBy: 'phone' })).toEqual({
      ok: true,
      decision: { kind: 'more_info', question: 'Your travel ticket', followUpBy: 'phone' },
    });
  });

  it('ignores the fields of the decisions not chosen', () => {
    expect(parse({ decision: 'not_needed', message: 'No need', date: 'garbage', time: '03:00', question: 'x'.repeat(5000) })).toMatchObject({ ok: true });
  });
});
