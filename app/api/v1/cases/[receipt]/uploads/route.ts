import { routeOf } from '@/lib/api/endpoint';
import { createUploadOperation } from '@/lib/api/uploads/upload-operations';

/** POST /api/v1/cases/{receipt}/uploads: begin an evidence upload for a client's case. */
export const POST = routeOf(createUploadOperation);
