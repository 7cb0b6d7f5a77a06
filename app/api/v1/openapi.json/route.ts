import { openApiDocumentJson } from '@/lib/api/openapi';

/**
 * GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (lib/api/openapi.ts), public, built once
 * per process and the same for everyone, so shared caches may keep it for 5 minutes.
 */
export function GET(): Response {
  return new Response(openApiDocumentJson(), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  });
}
