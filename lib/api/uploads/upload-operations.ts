/**
 * POST /api/v1/cases/{receipt}/uploads, PUT and GET /api/v1/uploads/{id}: evidence uploads
 * (uploads.ts) through the API's pipeline. A PUT's body is streamed to storage, never read whole;
 * it is not an Idempotency-Key operation: its `Upload-Offset` makes a retry safe by itself.
 */
import { apiCase, caseNotFound } from '../case-resource';
import { jsonResponse, type ApiCall, type Operation } from '../endpoint';
import { problemResponse } from '../problem';
import { parseJsonBody } from '../request-input';
import { evidenceStorage } from './storage';
import { CHUNK_BYTES, createUpload, ownUpload, receiveChunk, uploadCreateRequestSchema, uploadResource } from './uploads';

const uploadNotFound = () => problemResponse({ status: 404, code: 'upload-not-found', title: 'Upload not found', detail: 'No upload with this id was started by these credentials.' });

const offsetHeaders = (receivedBytes: number) => ({ 'Upload-Offset': String(receivedBytes) });

export const createUploadOperation: Operation<{ receipt: string }> = {
  id: 'createUpload',
  async handle({ db, clock, caller, request, body }, { receipt }) {
    const parsed = parseJsonBody(request, body, uploadCreateRequestSchema);
    if (!parsed.ok) return parsed.response;
    const theCase = await apiCase(db, caller, receipt);
    if (!theCase) return caseNotFound();
    const upload = await createUpload(db, clock, caller, theCase, parsed.data);
    return jsonResponse(uploadResource(upload, theCase.receiptNumber), 201, { Location: `/api/v1/uploads/${upload.publicId}`, ...offsetHeaders(0) });
  },
};

export const readUploadOperation: Operation<{ id: string }> = {
  id: 'getUpload',
  async handle({ db, caller }, { id }) {
    const found = await ownUpload(db, caller, id.slice(0, 64));
    if (!found) return uploadNotFound();
    return jsonResponse(uploadResource(found.upload, found.receiptNumber), 200, offsetHeaders(found.upload.receivedBytes));
  },
};

async function* chunksOf(request: Request): AsyncIterable<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export const uploadChunkOperation: Operation<{ id: string }> = {
  id: 'uploadChunk',
  async handle(call: ApiCall, { id }) {
    const { db, clock, caller, request } = call;
    const found = await ownUpload(db, caller, id.slice(0, 64));
    if (!found) return uploadNotFound();
    const { upload, receiptNumber } = found;
    const offsetText = request.headers.get('upload-offset') ?? '';
    const offset = /^\d{1,10}$/.test(offsetText) ? Number(offsetText) : NaN;
    const length = Number(request.headers.get('content-length') ?? NaN);
    if (!Number.isInteger(offset)) {
      return problemResponse({ status: 400, code: 'validation-failed', title: 'Say where the chunk starts', detail: 'Send the Upload-Offset header: the byte this chunk starts at (receivedBytes).', errors: [{ header: 'Upload-Offset', message: 'Give the byte the chunk starts at, as a whole number.' }] }, offsetHeaders(upload.receivedBytes));
    }
    if (Number.isInteger(length) && (length > CHUNK_BYTES || offset + length > upload.size)) {
      return problemResponse({ status: 413, code: 'chunk-too-large', title: 'Chunk too large', detail: `A chunk may be at most ${CHUNK_BYTES} bytes and may not go past the declared size (${upload.size} bytes).` }, offsetHeaders(upload.receivedBytes));
    }
    const outcome = await receiveChunk(db, clock, evidenceStorage(), upload, offset, chunksOf(request));
    if (outcome.ok) {
      const resource = uploadResource(outcome.upload, receiptNumber);
      if (outcome.upload.status === 'rejected') {
        const checksum = outcome.upload.rejectedReason === 'checksum-mismatch';
        return problemResponse(
          {
            status: 422,
            code: outcome.upload.rejectedReason ?? 'rejected',
            title: checksum ? 'The file’s SHA-256 does not match' : 'The file is not of the declared type',
            detail: checksum ? 'The bytes received do not have the SHA-256 given when the upload began; they were deleted. Start a new upload.' : 'The file’s first bytes are not those of its declared type; it was deleted. Start a new upload with the right type.',
          },
          offsetHeaders(outcome.upload.receivedBytes),
        );
      }
      return jsonResponse(resource, 200, offsetHeaders(outcome.upload.receivedBytes));
    }
    const headers = offsetHeaders(outcome.receivedBytes);
    switch (outcome.error) {
      case 'offset':
        return problemResponse({ status: 409, code: 'offset-mismatch', title: 'The chunk does not start where the file ends', detail: `Send the chunk that starts at byte ${outcome.receivedBytes}.`, extra: { receivedBytes: outcome.receivedBytes } }, headers);
      case 'closed':
        return problemResponse({ status: 409, code: 'upload-closed', title: 'The upload is finished', detail: 'Every byte of this upload has arrived already (or it was rejected).', extra: { receivedBytes: outcome.receivedBytes } }, headers);
      case 'expired':
        return problemResponse({ status: 410, code: 'upload-expired', title: 'The upload expired', detail: 'An upload must be finished within 24 hours of its start: start a new one.' }, headers);
      case 'too-large':
        return problemResponse({ status: 413, code: 'chunk-too-large', title: 'Chunk too large', detail: `A chunk may be at most ${CHUNK_BYTES} bytes and may not go past the declared size; the bytes up to byte ${outcome.receivedBytes} were kept.` }, headers);
      case 'interrupted':
        return problemResponse({ status: 400, code: 'chunk-interrupted', title: 'The chunk was cut short', detail: `The connection broke during the chunk; the bytes up to byte ${outcome.receivedBytes} were kept. Resume from there.`, extra: { receivedBytes: outcome.receivedBytes } }, headers);
    }
  },
};
