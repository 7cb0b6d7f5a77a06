import { describe, expect, it } from 'vitest';
import { actionsRequired } from './action-required';

describe('action required on a case', () => {
  it('asks for an answer to a request for evidence while it is the latest news', () => {
    expect(actionsRequired({ latestStatus: 'request_for_evidence_was_sent', state: 'pending', nextAppointmentKind: null })).toEqual([
      'respond_to_evidence_request',
    ]);
    expect(actionsRequired({ latestStatus: 'response_to_rfe_was_received', state: 'pending', nextAppointmentKind: null })).toEqual([]);
  });

  it('reminds of a scheduled interview and of a biometrics appointment ahead', () => {
    expect(actionsRequired({ latestStatus: 'interview_was_scheduled', state: 'pending', nextAppointmentKind: null })).toEqual(['attend_interview']);
    expect(actionsRequired({ latestStatus: 'case_was_received', state: 'pending', nextAppointmentKind: 'biometrics' })).toEqual(['attend_biometrics']);
    // Without an appointment ahead, a "scheduled" status may be about one already past: nothing to remind.
    expect(actionsRequired({ latestStatus: 'biometrics_appointment_was_scheduled', state: 'pending', nextAppointmentKind: null })).toEqual([]);
  });

  it('asks nothing of a decided case', () => {
    for (const state of ['approved', 'denied', 'withdrawn'] as const) {
      expect(actionsRequired({ latestStatus: 'request_for_evidence_was_sent', state, nextAppointmentKind: 'biometrics' })).toEqual([]);
    }
  });
});
