/**
 * Checks a real answer of the API against what the OpenAPI document (lib/api/openapi.ts) promises for
 * its operation: the status is one the operation declares, the content type is the declared one, the
 * JSON body matches the declared schema (JSON Schema 2020-12, with ajv), and every header declared
 * as always sent is there and well formed. Data tests pass each answer they see through it, so the
 * document cannot promise what the code does not do.
 *
 * Stricter than the document in one way: an object may not carry a member the document does not
 * name. The published document lets answers grow (clients ignore members they do not know), but a
 * member the code sends must be documented first.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { oas31 } from 'zod-openapi';

/** Added in front of every handler by proxy.ts, so never in an answer a handler gives a data test. */
const PROXY_HEADERS = new Set(['x-request-id']);
const DOCUMENT_ID = 'urn:immigration-portal:openapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy in which every object schema that names its members allows no others (see above). */
function closed(schema: Json, insideAllOf = false): Json {
  if (Array.isArray(schema)) return schema.map((item) => closed(item, insideAllOf));
  if (!schema || typeof schema !== 'object') return schema;
  const copy: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = closed(value, key === 'allOf');
  // Members of an allOf see only their own properties: closing them would refuse the others'.
  if (copy.type === 'object' && copy.properties && !('additionalProperties' in copy) && !insideAllOf) copy.additionalProperties = false;
  return copy;
}

interface Checker {
  document: oas31.OpenAPIObject;
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

let checker: Checker | undefined;
let documentSource: (() => oas31.OpenAPIObject) | undefined;

/**
 * The document answers are checked against: the one this code builds (openapi-validation.ts), or
 * the one a running portal serves (the acceptance journey fetches it).
 */
export function checkAnswersAgainst(source: () => oas31.OpenAPIObject): void {
  documentSource = source;
  checker = undefined;
}

function getChecker(): Checker {
  if (checker) return checker;
  if (!documentSource) throw new Error('no OpenAPI document to check answers against: call checkAnswersAgainst first');
  const document = documentSource();
  // `strict: false`: OpenAPI's own keywords (`example`) sit beside JSON Schema's in its schemas.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: closed(document.components as Json) } as object);
  checker = { document, ajv, validators: new Map() };
  return checker;
}

/** Follows a local `$ref` ("#/components/…") in the document. */
function resolve<T>(document: oas31.OpenAPIObject, value: T | oas31.ReferenceObject): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = (current as oas31.ReferenceObject).$ref;
    if (!ref.startsWith('#/') || hops > 10) throw new Error(`cannot follow $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
    if (current === undefined) throw new Error(`$ref ${ref} leads nowhere in the document`);
  }
  return current as T;
}

/** The operation with this id, with its method and path. */
export function documentedOperation(operationId: string): { method: string; path: string; operation: oas31.OperationObject } {
  const { document } = getChecker();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = (item as oas31.PathItemObject)[method];
      if (operation?.operationId === operationId) return { method, path, operation };
    }
  }
  throw new Error(`the OpenAPI document has no operation ${operationId}`);
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  const { ajv, validators } = getChecker();
  let validate = validators.get(key);
  if (!validate) {
    // The schema's "#/components/…" references point into the document added above.
    const rebased = JSON.parse(JSON.stringify(closed(schema)).replace(/"\$ref":"#\//g, `"$ref":"${DOCUMENT_ID}#/`)) as object;
    validate = ajv.compile(rebased);
    validators.set(key, validate);
  }
  return validate;
}

const explain = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `  ${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`).join('\n');

/**
 * The problems with this answer for that operation, one line each; empty when it is as documented.
 * Reads a clone: the answer's own body is left for the test to read.
 */
export async function undocumentedInAnswer(operationId: string, response: Response): Promise<string[]> {
  const { document } = getChecker();
  const { method, path, operation } = documentedOperation(operationId);
  const where = `${method.toUpperCase()} ${path} → ${response.status}`;
  const responses = operation.responses ?? {};
  const declared = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`] ?? responses.default;
  if (!declared) return [`${where}: the document declares no ${response.status} answer for ${operationId}`];
  const answer = resolve<oas31.ResponseObject>(document, declared);
  const found: string[] = [];

  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    const header = resolve<oas31.HeaderObject>(document, value);
    const sent = response.headers.get(name);
    if (sent === null) {
      if (header.required && !PROXY_HEADERS.has(name.toLowerCase())) found.push(`${where}: header ${name} is declared as always sent, but is missing`);
      continue;
    }
    if (header.schema) {
      const validate = validatorFor(`${operationId} ${response.status} header ${name}`, header.schema as Json);
      if (!validate(sent)) found.push(`${where}: header ${name}: ${JSON.stringify(sent)} does not match the document:\n${explain(validate)}`);
    }
  }

  const text = await response.clone().text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const content = answer.content ?? {};
  if (!Object.keys(content).length) {
    if (text) found.push(`${where}: the document declares no body, but the answer has one (${contentType})`);
    return found;
  }
  const media = content[contentType];
  if (!media) return [...found, `${where}: content type ${contentType || '(none)'} is not one the document declares (${Object.keys(content).join(', ')})`];
  if (!/json$/.test(contentType) || !media.schema) return found;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...found, `${where}: the body is not JSON: ${text.slice(0, 200)}`];
  }
  const validate = validatorFor(`${operationId} ${response.status} ${contentType}`, media.schema as Json);
  if (!validate(body)) found.push(`${where}: the body does not match the document:\n${explain(validate)}\n  body: ${JSON.stringify(body).slice(0, 500)}`);
  return found;
}

/** The same answer, once it is checked to be as the document says; throws a readable list otherwise. */
export async function documented(operationId: string, response: Response): Promise<Response> {
  const problems = await undocumentedInAnswer(operationId, response);
  if (problems.length) throw new Error(`the answer is not what the OpenAPI document promises:\n${problems.join('\n')}`);
  return response;
}

/** The operation a request addresses (its method and path under /api/v1, query ignored), or null. */
export function operationIdFor(method: string, address: string): string | null {
  const { document } = getChecker();
  const path = address.split('?')[0].replace(/^\/api\/v1/, '');
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = (item as oas31.PathItemObject)[method.toLowerCase() as 'get'];
    if (pattern.test(path) && operation?.operationId) return operation.operationId;
  }
  return null;
}
