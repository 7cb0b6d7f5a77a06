import { routeOf } from '@/lib/api/endpoint';
import { readUploadOperation, uploadChunkOperation } from '@/lib/api/uploads/upload-operations';

/** PUT /api/v1/uploads/{id}: the next chunk (Upload-Offset); GET: how far the upload has arrived. */
export const PUT = routeOf(uploadChunkOperation);
export const GET = routeOf(readUploadOperation);
