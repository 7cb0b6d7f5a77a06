import { getDb } from '@/db/client';
import { caseEndpoint } from '@/lib/api/case-resource';
import { systemClock } from '@/lib/clock';

/** GET /api/v1/cases/{receipt}: one of the representative's clients' cases with its history (lib/api/case-resource.ts). */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/cases/[receipt]'>): Promise<Response> {
  const { receipt } = await params;
  return caseEndpoint(getDb(), systemClock, request, receipt);
}
