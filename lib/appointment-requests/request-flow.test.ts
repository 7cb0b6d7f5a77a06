import { describe, expect, it } from 'vitest';
import { asRequestDraft, firstIncompleteStep, nextStep, previousStep, stepAnswers, stepErrors, stepsFor, type RequestDraft } from './request-flow';

const today = '2026-12-03';
const complete: RequestDraft = {
  reason: 'adit_stamp',
  caseReceipt: 'IOE0912345678',
  aNumber: '',
  fieldOfficeCode: 'NYC',
  preferredDates: [{ date: '2026-12-08', period: 'morning' }],
  explanation: '',
  contactPreference: 'email',
  contactPhone: '',
  accommodations: '',
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('the pages of a request', () => {
  it('asks which situation only after "Other"', () => {
    expect(stepsFor({ reason: 'adit_stamp' })).not.toContain('other-reason');
    expect(stepsFor({ reason: 'other' })).toEqual(['reason', 'other-reason', 'case', 'office', 'dates', 'details', 'contact', 'accommodations']);
    expect(previousStep('case', { reason: 'other' })).toBe('other-reason');
    expect(previousStep('case', { reason: 'adit_stamp' })).toBe('reason');
    expect(previousStep('reason', {})).toBeNull();
  });

  it('judges only the fields of the page at hand, with the submission rules', () => {
    expect(stepErrors('reason', {}, today, 'applicant')).toEqual({ reason: 'required' });
    // The office page does not complain about dates it has not asked for yet.
    expect(stepErrors('office', { reason: 'adit_stamp', fieldOfficeCode: 'NYC' }, today, 'applicant')).toEqual({});
    expect(stepErrors('dates', { preferredDates: [{ date: '2026-12-05', period: 'morning' }] }, today, 'applicant')).toEqual({ preferredDates: 'closed' });
    expect(stepErrors('details', { reason: 'emergency_advance_parole' }, today, 'applicant')).toEqual({
      explanation: 'required',
      travelDate: 'required',
      destination: 'required',
    });
    expect(stepErrors('details', { reason: 'adit_stamp' }, today, 'applicant')).toEqual({});
  });

  it('lets an applicant say the request is about none of their cases, never a representative', () => {
    expect(stepErrors('case', { caseReceipt: 'none' }, today, 'applicant')).toEqual({});
    expect(stepErrors('case', { caseReceipt: 'none' }, today, 'representative')).toEqual({ caseReceipt: 'required' });
    expect(stepErrors('case', {}, today, 'applicant')).toEqual({ caseReceipt: 'required' });
  });

  it('goes on page by page, and after a change back to "Check your answers" unless a page now needs an answer', () => {
    expect(nextStep('reason', complete, today, 'applicant', false)).toBe('case');
    expect(nextStep('accommodations', complete, today, 'applicant', false)).toBe('check');
    expect(nextStep('office', complete, today, 'applicant', true)).toBe('check');
    expect(nextStep('reason', { ...complete, reason: 'other' }, today, 'applicant', true)).toBe('other-reason');
    expect(nextStep('reason', { ...complete, reason: 'emergency_advance_parole' }, today, 'applicant', true)).toBe('details');
  });

  it('finds the first page that needs an answer, including a preferred date that has passed', () => {
    expect(firstIncompleteStep(complete, today, 'applicant')).toBeNull();
    expect(firstIncompleteStep(complete, '2026-12-08', 'applicant')).toBe('dates');
    expect(firstIncompleteStep({ reason: 'adit_stamp' }, today, 'applicant')).toBe('case');
  });

  it('reads a page from its posted form, and a stored draft only as the fields it knows', () => {
    expect(stepAnswers('dates', form({ preferredDate1: '2026-12-08', preferredPeriod1: 'morning', preferredDate2: '' }))).toEqual({
      preferredDates: [
        { date: '2026-12-08', period: 'morning' },
        { date: '', period: '' },
        { date: '', period: '' },
      ],
    });
    expect(stepAnswers('reason', form({ reason: 'other', prefillCase: 'IOE0912345678', fieldOfficeCode: 'NYC' }))).toEqual({ reason: 'other', caseReceipt: 'IOE0912345678' });
    expect(asRequestDraft({ reason: 'other', admin: true, preferredDates: [{ date: 5 }, 'x'], explanation: ['a'] })).toEqual({
      reason: 'other',
      preferredDates: [{ date: '', period: '' }],
    });
  });
});
