/**
 * Every non-2xx answer of the API is problem details (RFC 9457, `application/problem+json`): `type`,
 * `title`, `status`, `detail`, a stable `code`, and `errors[]` with a JSON pointer and a message per
 * field, written for the vendor to show its customer. The type is a URN naming the code, so it
 * stays the same across hosts and versions.
 */
/** One offending part of the request: a body field by JSON pointer, or a query parameter or header by name. */
export interface ProblemFieldError {
  /** RFC 6901 pointer into the JSON body (e.g. "/items/3/accessCode"). */
  pointer?: string;
  /** A query parameter's name (e.g. "limit"). */
  parameter?: string;
  /** A request header's name (e.g. "Idempotency-Key"). */
  header?: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: ProblemFieldError[];
  /** Extra members (RFC 6749's `error` on the token endpoint). */
  extra?: Record<string, string>;
}

export const problemType = (code: string) => `urn:immigration-portal:problem:${code}`;

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const { status, code, title, detail, errors, extra } = problem;
  return new Response(JSON.stringify({ type: problemType(code), title, status, detail, code, ...(errors ? { errors } : {}), ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}
