import type { RequestAnswers } from '../request-rules';

/** A valid ADIT stamp request at the given office, for tests: email contact, one preferred morning. */
export function testRequestAnswers(fieldOfficeCode: string, overrides: Partial<RequestAnswers> = {}): RequestAnswers {
  return {
    reason: 'adit_stamp',
    otherReason: null,
    aNumber: null,
    fieldOfficeCode,
    preferredDates: [{ date: '2026-12-07', period: 'morning' }],
    explanation: null,
    travelDate: null,
    destination: null,
    contactPreference: 'email',
    contactPhone: null,
    accommodations: null,
    ...overrides,
  };
}
