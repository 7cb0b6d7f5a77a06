/**
 * GET /api/v1/cases/{receipt}/progress: the case's myProgress, as its page shows it (the same
 * service, lib/progress/case-progress.ts): the milestones reached, and the estimate of when it will
 * be decided, between the day by which half and the day by which 80 % of similar cases still
 * pending after as long were decided, with what it rests on. An estimate, not a promise.
 */
import { z } from 'zod';
import { caseProgress } from '@/lib/progress/case-progress';
import { apiCase, caseNotFound } from './case-resource';
import { jsonResponse, type Operation } from './endpoint';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const caseProgressSchema = z.object({
  receiptNumber: z.string(),
  /** The agency's calendar day the estimate is for. */
  today: isoDate,
  milestones: z.array(z.object({ key: z.enum(['received', 'biometrics', 'interview', 'decision']), reachedOn: isoDate.nullable() })),
  estimate: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('not-covered') }),
    z.object({ kind: z.literal('decided') }),
    z.object({ kind: z.literal('no-data') }),
    z.object({
      kind: z.literal('estimate'),
      basis: z.enum(['office', 'national']),
      office: z.string().nullable(),
      comparedWithCasesPast: z.enum(['received', 'biometrics', 'interview']),
      similarCases: z.number().int(),
      similarCasesReceivedFrom: isoDate,
      similarCasesReceivedTo: isoDate,
      refreshedAt: z.string(),
      halfDecidedBy: isoDate.nullable(),
      eightyPercentDecidedBy: isoDate.nullable(),
      outsideNormalProcessingTime: z.boolean(),
      normalProcessingEndsOn: isoDate.nullable(),
    }),
  ]),
}).meta({ id: 'CaseProgress', description: 'A case’s milestones and when it may be decided: an estimate, not a promise. `estimate.kind` is `estimate`, `decided`, `not-covered` (a form myProgress does not estimate) or `no-data`.' });

export type CaseProgressResource = z.output<typeof caseProgressSchema>;

export const caseProgressOperation: Operation<{ receipt: string }> = {
  id: 'getCaseProgress',
  async handle({ db, clock, caller }, { receipt }) {
    const theCase = await apiCase(db, caller, receipt);
    if (!theCase) return caseNotFound();
    const progress = await caseProgress(db, clock, theCase);
    const { estimate } = progress;
    const resource: CaseProgressResource = {
      receiptNumber: theCase.receiptNumber,
      today: progress.today,
      milestones: progress.milestones,
      estimate:
        estimate.kind !== 'estimate'
          ? { kind: estimate.kind }
          : {
              kind: 'estimate',
              basis: estimate.basis,
              office: estimate.basis === 'office' ? progress.officeName : null,
              comparedWithCasesPast: estimate.stage,
              similarCases: estimate.cases,
              similarCasesReceivedFrom: estimate.receivedFrom,
              similarCasesReceivedTo: estimate.receivedTo,
              refreshedAt: estimate.refreshedAt.toISOString(),
              halfDecidedBy: estimate.halfBy,
              eightyPercentDecidedBy: estimate.eightyBy,
              outsideNormalProcessingTime: estimate.outsideNormal,
              normalProcessingEndsOn: estimate.usualEightyBy,
            },
    };
    return jsonResponse(resource);
  },
};
