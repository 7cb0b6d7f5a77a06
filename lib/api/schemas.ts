/**
 * The shapes the API takes and answers, as zod schemas: the code validates with them, its types are
 * inferred from them, and the OpenAPI document (lib/api/openapi.ts) is generated from them, so the
 * three cannot drift apart. A schema with a `.meta({ id })` becomes a named component of the
 * document; descriptions and examples in `.meta()` are what a vendor reads in the reference.
 *
 * Response objects are open in the document (a later version of v1 may add members; clients ignore
 * members they do not know), while the tests check every answer strictly against them
 * (lib/api/testing/openapi-validation.ts), so a member the code sends must be documented.
 */
import * as z from 'zod';
import type { CaseState } from '@/db/columns';
import { RECEIPT_NUMBER_EXAMPLE } from '@/lib/cases/receipt-number';
import 'zod-openapi';

// ——— Problem details (RFC 9457) ———

export const problemFieldErrorSchema = z
  .object({
    pointer: z.string().optional().meta({ description: 'RFC 6901 JSON pointer to the offending member of the request body, e.g. "/items/3/accessCode".', example: '/items/3/accessCode' }),
    parameter: z.string().optional().meta({ description: 'The offending query parameter, by name.', example: 'limit' }),
    header: z.string().optional().meta({ description: 'The offending request header, by name.', example: 'Idempotency-Key' }),
    message: z.string().meta({ description: 'What is wrong with it, in words a vendor can show its customer.', example: 'Enter the 12-character online access code' }),
  })
  .meta({ id: 'ProblemFieldError', description: 'One offending part of the request: a body member (`pointer`), a query parameter (`parameter`) or a header (`header`).' });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URN naming the problem; the same across hosts and versions.', example: 'urn:immigration-portal:problem:case-not-found' }),
    title: z.string().meta({ description: 'A short summary of the problem type.', example: 'Case not found' }),
    status: z.int().min(400).max(599).meta({ description: 'The HTTP status code of this answer.', example: 404 }),
    detail: z.string().meta({ description: 'What happened this time, and what to do about it.', example: 'No case with this receipt number is linked to your account.' }),
    code: z.string().regex(/^[a-z0-9-]+$/).meta({ description: 'A stable machine code (the last part of `type`): branch on this.', example: 'case-not-found' }),
    errors: z.array(problemFieldErrorSchema).optional().meta({ description: 'One entry per offending field, when the request had invalid fields.' }),
    error: z.string().optional().meta({ description: 'The token endpoint only: the OAuth 2.0 error code (RFC 6749 §5.2).', example: 'invalid_client' }),
    error_description: z.string().optional().meta({ description: 'The token endpoint only: the same text as `detail`.' }),
    reference: z.string().optional().meta({ description: '`duplicate-request` only: the reference of the open request.', example: 'AR-7KQ2-M9XD' }),
    requestStatus: z.string().optional().meta({ description: '`request-closed` only: where the request stands.', example: 'cancelled' }),
    rule: z.string().optional().meta({ description: '`reschedule-not-allowed` only: the rule that stops an online reschedule.', example: 'too_late' }),
    receivedBytes: z.int().optional().meta({ description: 'Uploads only: how far the stored file goes, where the next chunk must start.', example: 8388608 }),
  })
  .meta({
    id: 'Problem',
    description: 'Problem details (RFC 9457), the body of every answer with a 4xx or 5xx status, served as `application/problem+json`.',
  });

export type ProblemDocument = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

// ——— Every POST that changes something ———

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .meta({
    description:
      'A unique value of yours (a UUID, say) for this request. A retry with the same key answers the first result; the same key with another body is refused (422); while the first is still running, 409. Keys are kept 24 hours, per client.',
    example: '5f0c9b6e-3a1d-4c0e-9a57-2b8f1d7e4c21',
  });

// ——— POST /oauth/token ———

export const tokenRequestSchema = z
  .object({
    grant_type: z.literal('client_credentials').meta({ description: 'Always `client_credentials` (RFC 6749 §4.4).' }),
    client_id: z.string().min(1).optional().meta({ description: 'The client id, when the client does not authenticate with HTTP Basic.', example: 'live_demo_rita' }),
    client_secret: z.string().min(1).optional().meta({ description: 'The client secret, with `client_id`.' }),
  })
  .meta({
    id: 'TokenRequest',
    description:
      'A client-credentials token request, form-urlencoded. Authenticate the client with HTTP Basic (id and secret, each form-urlencoded) or with `client_id` and `client_secret`, never both.',
  });

export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z
  .object({
    access_token: z.string().meta({ description: 'Send it as `Authorization: Bearer <access_token>`.', example: 'at_9sXkQ2m…' }),
    token_type: z.literal('Bearer'),
    expires_in: z.int().positive().meta({ description: 'Seconds the token lives: 1800 (30 minutes).', example: 1800 }),
  })
  .meta({ id: 'TokenResponse', description: 'A bearer access token (RFC 6749 §5.1).' });

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

// ——— GET /cases/{receipt} ———

const isoDate = (description: string) => z.iso.date().meta({ description, example: '2026-02-20' });

export const receiptNumberParamSchema = z.string().meta({
  description: 'The case’s receipt number: 3 letters and 10 digits. Lower case, spaces and dashes are forgiven.',
  example: RECEIPT_NUMBER_EXAMPLE,
});

export const caseStatusResourceSchema = z
  .object({
    code: z.string().meta({ description: 'A stable key for the status; new keys may be added.', example: 'fingerprints_were_taken' }),
    title: z.string().meta({ description: 'The status in the agency’s words (English).', example: 'Case Was Updated To Show Fingerprints Were Taken' }),
    on: isoDate('The agency’s calendar day of the status (YYYY-MM-DD, the agency’s time zone).'),
  })
  .meta({ id: 'CaseStatus', description: 'One status of a case.' });

const CASE_STATES = ['pending', 'approved', 'denied', 'withdrawn'] as const satisfies readonly CaseState[];

export const caseResourceSchema = z
  .object({
    receiptNumber: z.string().meta({ description: 'The receipt number, normalised.', example: RECEIPT_NUMBER_EXAMPLE }),
    formType: z.string().meta({ example: 'I-485' }),
    classification: z.string().nullable().meta({ description: 'The category within the form, when it has one.', example: 'Family-based' }),
    receivedOn: isoDate('The day the agency received the case (YYYY-MM-DD).'),
    state: z.enum(CASE_STATES).meta({ description: 'Where the case stands overall.' }),
    office: z
      .object({ code: z.string().meta({ example: 'PHO' }), name: z.string().meta({ example: 'Phoenix Field Office' }) })
      .nullable()
      .meta({ description: 'The field office handling the case.' }),
    latestStatus: caseStatusResourceSchema.nullable().meta({ description: 'The newest entry of `history`, or null when there is none yet.' }),
    history: z.array(caseStatusResourceSchema).meta({ description: 'Every status, newest first.' }),
  })
  .meta({ id: 'Case', description: 'One of the representative’s clients’ cases, with its status history.' });

export type CaseResource = z.infer<typeof caseResourceSchema>;
export type CaseStatusResource = z.infer<typeof caseStatusResourceSchema>;

// Every state of the store is a state of the schema, and the reverse (checked when types are).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _statesMatch: Same<(typeof CASE_STATES)[number], CaseState> = true;
void _statesMatch;
