import { getDb } from '@/db/client';
import { apiCaller } from '@/lib/api/caller';
import { caseForApi } from '@/lib/api/case-resource';
import { problemResponse } from '@/lib/api/problem';
import { systemClock } from '@/lib/clock';

/** GET /api/v1/cases/{receipt}: one of the representative's clients' cases with its history. */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/cases/[receipt]'>): Promise<Response> {
  const caller = await apiCaller(getDb(), systemClock, request);
  if (caller instanceof Response) return caller;
  const { receipt } = await params;
  const found = await caseForApi(getDb(), caller, receipt);
  if (!found) {
    return problemResponse(
      { status: 404, code: 'case-not-found', title: 'Case not found', detail: 'No case with this receipt number is linked to your account.' },
      caller.headers,
    );
  }
  return Response.json(found, { headers: { ...caller.headers, 'Cache-Control': 'no-store' } });
}
