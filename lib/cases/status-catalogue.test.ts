import { describe, expect, it } from 'vitest';
import enCaseStatus from '@/messages/en/caseStatus.json';
import esCaseStatus from '@/messages/es/caseStatus.json';
import {
  CASE_STATUS_KEYS,
  CASE_STATUS_OUTCOMES,
  CASE_STATUS_TITLES,
  caseStatusTitle,
  DECISION_STATUSES,
  isCaseStatusKey,
  isFinalStatus,
  milestoneOf,
} from './status-catalogue';

describe('case status catalogue', () => {
  it('lists exactly the statuses the message catalogue words, in both languages', () => {
    expect([...CASE_STATUS_KEYS].sort()).toEqual(Object.keys(enCaseStatus).sort());
    expect([...CASE_STATUS_KEYS].sort()).toEqual(Object.keys(esCaseStatus).sort());
  });

  it('uses the agency wording for titles', () => {
    expect(caseStatusTitle('case_was_received')).toBe('Case Was Received');
    expect(CASE_STATUS_TITLES.fingerprint_fee_was_received).toBe('Fingerprint Fee Was Received');
    expect(CASE_STATUS_TITLES.case_is_being_actively_reviewed).toBe('Case Is Being Actively Reviewed By USCIS');
    expect(CASE_STATUS_TITLES.request_for_evidence_was_sent).toBe('Request for Additional Evidence Was Sent');
    expect(CASE_STATUS_TITLES.response_to_rfe_was_received).toBe("Response To USCIS' Request For Evidence Was Received");
    expect(CASE_STATUS_TITLES.card_was_mailed).toBe('Card Was Mailed To Me');
    expect(esCaseStatus.case_was_received.title).toBe('Caso Fue Recibido');
  });

  it('puts the date in every explanation, the same way in both languages', () => {
    for (const key of CASE_STATUS_KEYS) {
      expect(enCaseStatus[key].explanation, key).toContain('{date}');
      expect(esCaseStatus[key].explanation, key).toContain('{date}');
    }
  });

  it('knows which statuses decide a case', () => {
    expect(isFinalStatus('case_was_approved')).toBe(true);
    expect(isFinalStatus('card_was_delivered')).toBe(true);
    expect(isFinalStatus('case_was_denied')).toBe(true);
    expect(isFinalStatus('case_remains_pending')).toBe(false);
    expect(isFinalStatus('request_for_evidence_was_sent')).toBe(false);
    expect(CASE_STATUS_OUTCOMES.case_was_denied).toBe('denied');
    for (const key of DECISION_STATUSES) expect(milestoneOf(key)).toBe('decision');
    expect(milestoneOf('fingerprints_were_taken')).toBe('biometrics');
    expect(milestoneOf('card_was_mailed')).toBeNull();
    expect(isCaseStatusKey('case_was_received')).toBe(true);
    expect(isCaseStatusKey('case_was_lost')).toBe(false);
  });
});
