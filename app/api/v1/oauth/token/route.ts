import { getDb } from '@/db/client';
import { tokenEndpoint } from '@/lib/api/token-request';
import { systemClock } from '@/lib/clock';

/** OAuth 2.0 client credentials for case-management software (lib/api/token-request.ts). */
export function POST(request: Request): Promise<Response> {
  return tokenEndpoint(getDb(), systemClock, request);
}
