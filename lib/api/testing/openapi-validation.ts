/**
 * The data tests' checks of every answer against the OpenAPI document this code builds
 * (lib/api/openapi.ts): the checks themselves are answer-checker.ts, which also serves the
 * acceptance journey against the document a running portal serves.
 */
import { buildOpenApiDocument } from '../openapi';
import { checkAnswersAgainst } from './answer-checker';

checkAnswersAgainst(buildOpenApiDocument);

export { documented, documentedOperation, operationIdFor, undocumentedInAnswer } from './answer-checker';
