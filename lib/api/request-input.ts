/**
 * Reading what an API request sends, with zod: the JSON body and the query string. Whatever is
 * wrong comes back as problem details naming each offending field (a JSON pointer into the body,
 * or the query parameter's name) with a message a vendor can show its customer; never a 500.
 */
import type { z } from 'zod';
import { problemResponse, type ProblemFieldError } from './problem';

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Larger JSON bodies are refused before they are parsed (a batch of 100 links is about 6 kB). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

const escapePointer = (part: PropertyKey) => String(part).replace(/~/g, '~0').replace(/\//g, '~1');
export const jsonPointer = (path: readonly PropertyKey[]) => path.map((part) => `/${escapePointer(part)}`).join('');

/** 422 with each offending part of the request named, for the rules a handler checks beyond its schema too. */
export function validationProblem(errors: ProblemFieldError[], headers: Record<string, string> = {}): Response {
  return problemResponse(
    {
      status: 422,
      code: 'validation-failed',
      title: 'The request has problems',
      detail: errors.length === 1 ? errors[0].message : `${errors.length} problems: see errors.`,
      errors,
    },
    headers,
  );
}

export function parseJsonBody<S extends z.ZodType>(request: Request, body: string, schema: S, headers: Record<string, string> = {}): Parsed<z.output<S>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      response: problemResponse(
        { status: 415, code: 'unsupported-media-type', title: 'Send JSON', detail: 'Send the request body as JSON, with Content-Type: application/json.', errors: [{ header: 'Content-Type', message: 'Use application/json.' }] },
        headers,
      ),
    };
  }
  if (Buffer.byteLength(body) > MAX_JSON_BODY_BYTES) {
    return { ok: false, response: problemResponse({ status: 413, code: 'body-too-large', title: 'Request too large', detail: `The body may be at most ${MAX_JSON_BODY_BYTES / 1024} kB.` }, headers) };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, response: problemResponse({ status: 400, code: 'malformed-json', title: 'The body is not valid JSON', detail: 'The request body could not be read as JSON: check quotes, commas and brackets.' }, headers) };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: validationProblem(result.error.issues.map((issue) => ({ pointer: jsonPointer(issue.path), message: issue.message })), headers) };
}

/** The query string as an object of strings (a repeated parameter keeps its first value). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S, headers: Record<string, string> = {}): Parsed<z.output<S>> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) if (!(name in params)) params[name] = value;
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.flatMap((issue): ProblemFieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((name) => ({ parameter: name, message: `This operation has no parameter named ${name}.` }))
      : [{ parameter: String(issue.path[0] ?? ''), message: issue.message }],
  );
  return { ok: false, response: validationProblem(errors, headers) };
}
