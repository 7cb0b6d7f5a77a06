/**
 * Every non-2xx answer of the API is problem details (RFC 9457, `application/problem+json`): `type`,
 * `title`, `status`, `detail`, a stable `code`, and `errors[]` with a JSON pointer and a message per
 * field, written for the vendor to show its customer. The type is a URN naming the code, so it
 * stays the same across hosts and versions. The body's shape is problemSchema (lib/api/schemas.ts),
 * which the OpenAPI document shows.
 */
import type { ProblemDocument, ProblemFieldError } from './schemas';

export type { ProblemFieldError };

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: ProblemFieldError[];
  /** Extra members the schema declares (RFC 6749's `error` on the token endpoint). */
  extra?: Pick<ProblemDocument, 'error' | 'error_description' | 'reference' | 'requestStatus' | 'rule' | 'receivedBytes'>;
}

export const problemType = (code: string) => `urn:immigration-portal:problem:${code}`;

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const { status, code, title, detail, errors, extra } = problem;
  const body: ProblemDocument = { type: problemType(code), title, status, detail, code, ...(errors ? { errors } : {}), ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}
