import { describe, expect, it } from 'vitest';
import { normaliseANumber, parseRequestAnswers, type PostedRequest } from './request-rules';

// Thursday 3 December 2026: tomorrow is a Friday, 60 days ahead is 1 February 2027.
const today = '2026-12-03';
const adit: PostedRequest = {
  reason: 'adit_stamp',
  fieldOfficeCode: 'PHO',
  preferredDates: [{ date: '2026-12-07', period: 'morning' }],
  contactPreference: 'email',
};
const errorsOf = (posted: PostedRequest) => {
  const parsed = parseRequestAnswers(posted, today);
  return parsed.ok ? {} : parsed.errors;
};

describe('the answers of an appointment request', () => {
  it('accepts an ADIT stamp request with one preferred morning and email contact', () => {
    expect(parseRequestAnswers({ ...adit, aNumber: ' a-123 456 789 ', accommodations: 'Wheelchair access' }, today)).toEqual({
      ok: true,
      data: {
        reason: 'adit_stamp',
        otherReason: null,
        aNumber: 'A123456789',
        fieldOfficeCode: 'PHO',
        preferredDates: [{ date: '2026-12-07', period: 'morning' }],
        explanation: null,
        travelDate: null,
        destination: null,
        contactPreference: 'email',
        contactPhone: null,
        accommodations: 'Wheelchair access',
      },
    });
  });

  it('names every missing answer', () => {
    expect(errorsOf({})).toEqual({ reason: 'required', fieldOfficeCode: 'required', preferredDates: 'required', contactPreference: 'required' });
    expect(errorsOf({ ...adit, reason: 'other' })).toEqual({ otherReason: 'required', explanation: 'required' });
    expect(errorsOf({ ...adit, reason: 'emergency_advance_parole' })).toEqual({ explanation: 'required', travelDate: 'required', destination: 'required' });
    expect(errorsOf({ ...adit, contactPreference: 'phone' })).toEqual({ contactPhone: 'required' });
  });

  it('refuses a reason, a situation or a contact way that is not offered', () => {
    expect(errorsOf({ ...adit, reason: 'visa' })).toMatchObject({ reason: 'required' });
    expect(errorsOf({ ...adit, reason: 'other', otherReason: 'tourism', explanation: 'x' })).toEqual({ otherReason: 'required' });
    expect(errorsOf({ ...adit, contactPreference: 'fax' })).toEqual({ contactPreference: 'required' });
  });

  it('takes up to three preferred weekdays from tomorrow to 60 days ahead, offices open, each with morning or afternoon', () => {
    const dates = (...preferredDates: { date?: string; period?: string }[]) => errorsOf({ ...adit, preferredDates }).preferredDates;
    expect(dates({ date: '2026-12-03', period: 'morning' })).toBe('out_of_range'); // today
    expect(dates({ date: '2027-02-02', period: 'morning' })).toBe('out_of_range'); // 61 days ahead
    expect(dates({ date: '2027-02-01', period: 'morning' })).toBeUndefined(); // 60 days ahead
    expect(dates({ date: '2026-12-05', period: 'morning' })).toBe('closed'); // a Saturday
    expect(dates({ date: '2026-12-25', period: 'morning' })).toBe('closed'); // Christmas Day
    expect(dates({ date: '2026-02-30', period: 'morning' })).toBe('invalid');
    expect(dates({ date: '2026-12-07' })).toBe('period_required');
    expect(dates({ period: 'afternoon' })).toBe('required');
    expect(dates({ date: '2026-12-07', period: 'morning' }, { date: '2026-12-07', period: 'morning' })).toBe('duplicate');
    expect(dates({ date: '2026-12-07', period: 'morning' }, { date: '2026-12-07', period: 'afternoon' }, { date: '', period: '' })).toBeUndefined();
    const four = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'].map((date) => ({ date, period: 'morning' }));
    expect(dates(...four)).toBe('too_many');
  });

  it('asks emergency advance parole for the travel date and destination, and why, in at most 1,000 characters', () => {
    const parole = { ...adit, reason: 'emergency_advance_parole', explanation: 'My mother is in hospital.\nI must travel at once.', destination: 'Hermosillo, Mexico' };
    const parsed = parseRequestAnswers({ ...parole, travelDate: '2026-12-10' }, today);
    expect(parsed.ok && parsed.data).toMatchObject({ travelDate: '2026-12-10', destination: 'Hermosillo, Mexico', explanation: 'My mother is in hospital.\nI must travel at once.' });
    expect(errorsOf({ ...parole, travelDate: '2026-12-02' })).toEqual({ travelDate: 'out_of_range' });
    expect(errorsOf({ ...parole, travelDate: '10/12/2026' })).toEqual({ travelDate: 'invalid' });
    expect(errorsOf({ ...parole, travelDate: '2026-12-10', explanation: 'x'.repeat(1_001) })).toEqual({ explanation: 'too_long' });
    expect(errorsOf({ ...parole, travelDate: '2026-12-10', explanation: 'Urgent\u202Etxt.exe' })).toEqual({ explanation: 'unprintable' });
    expect(errorsOf({ ...parole, travelDate: '2026-12-10', destination: 'Hermosillo\nMexico' })).toEqual({ destination: 'unprintable' });
  });

  it('keeps the travel details only for emergency advance parole', () => {
    const parsed = parseRequestAnswers({ ...adit, travelDate: '2026-12-10', destination: 'Lima' }, today);
    expect(parsed.ok && [parsed.data.travelDate, parsed.data.destination]).toEqual([null, null]);
  });

  it('stores a contact phone in E.164 and refuses one that is not a number', () => {
    const parsed = parseRequestAnswers({ ...adit, contactPreference: 'phone', contactPhone: '(602) 555-0143' }, today);
    expect(parsed.ok && parsed.data.contactPhone).toBe('+16025550143');
    expect(errorsOf({ ...adit, contactPreference: 'phone', contactPhone: '555' })).toEqual({ contactPhone: 'invalid' });
  });

  it('reads an A-Number as "A" and 8 or 9 digits, however it is typed', () => {
    expect(normaliseANumber('12345678')).toBe('A12345678');
    expect(normaliseANumber('A-123-456-789')).toBe('A123456789');
    for (const junk of ['A1234567', 'A1234567890', 'B12345678', 'A12345678X']) expect(normaliseANumber(junk)).toBeNull();
    expect(errorsOf({ ...adit, aNumber: 'A12' })).toEqual({ aNumber: 'invalid' });
  });
});
