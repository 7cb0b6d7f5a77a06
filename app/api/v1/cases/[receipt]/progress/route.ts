import { routeOf } from '@/lib/api/endpoint';
import { caseProgressOperation } from '@/lib/api/case-progress-resource';

/** GET /api/v1/cases/{receipt}/progress: the case's myProgress estimate and milestones. */
export const GET = routeOf(caseProgressOperation);
