import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, evidenceUploads } from '@/db/schema';
import { fixedClock, HOUR } from '@/lib/clock';
import { apiTestClient, representativeWithCase, type ApiTestClient } from '../testing/api-fixtures';
import { diskStorage, evidenceStorage, setEvidenceStorage } from './storage';
import { createUploadOperation, readUploadOperation, uploadChunkOperation } from './upload-operations';
import { CHUNK_BYTES, purgeAbandonedUploads } from './uploads';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z');
let folder = '';
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'portal-uploads-'));
  setEvidenceStorage(diskStorage(folder));
});
afterAll(() => {
  setEvidenceStorage(undefined);
  rmSync(folder, { recursive: true, force: true });
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A file's bytes from `offset`, the same every time: a PNG signature, then a pattern. */
function bytesAt(offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const at = offset + i;
    out[i] = at < PNG.length ? PNG[at] : (at * 31 + 7) & 0xff;
  }
  return out;
}
function sha256Of(size: number): string {
  const hash = createHash('sha256');
  for (let at = 0; at < size; at += CHUNK_BYTES) hash.update(bytesAt(at, Math.min(CHUNK_BYTES, size - at)));
  return hash.digest('hex');
}

const begin = (api: ApiTestClient, receipt: string, json: Record<string, unknown>) => api.send(createUploadOperation, { path: `/cases/${receipt}/uploads`, json, params: { receipt } });
const put = (api: ApiTestClient, id: string, offset: number, body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  api.send(uploadChunkOperation, { method: 'PUT', path: `/uploads/${id}`, body, params: { id }, headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers } });

describe('evidence uploads', () => {
  it('takes a PDF in three chunks, checks it, and says where it stands; another representative’s case or upload is not found', async () => {
    const { rita, theCase } = await representativeWithCase(db(), clock);
    const api = await apiTestClient(db(), clock, rita);
    const pdf = new TextEncoder().encode(`%PDF-1.7\n${'evidence '.repeat(300)}\n%%EOF\n`);
    const created = await begin(api, theCase.receiptNumber, { fileName: 'lease.pdf', contentType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    expect(created.status).toBe(201);
    const upload = await created.json();
    expect(upload).toMatchObject({ receiptNumber: theCase.receiptNumber, status: 'receiving', receivedBytes: 0, chunkSize: CHUNK_BYTES, uploadUrl: `/api/v1/uploads/${upload.id}` });
    const third = Math.ceil(pdf.length / 3);
    for (let at = 0; at < pdf.length; at += third) {
      const answer = await put(api, upload.id, at, pdf.slice(at, at + third));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('upload-offset')).toBe(String(Math.min(pdf.length, at + third)));
    }
    const read = await (await api.send(readUploadOperation, { params: { id: upload.id } })).json();
    expect(read).toMatchObject({ status: 'complete', receivedBytes: pdf.length });
    expect(await evidenceStorage().length(`production/${upload.id}`)).toBe(pdf.length);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'evidence.upload'), eq(auditLog.objectId, upload.id)));
    expect(audit).toMatchObject({ outcome: 'success', actorId: rita.id });
    // Done is done.
    expect(await (await put(api, upload.id, pdf.length, new Uint8Array(1))).json()).toMatchObject({ status: 409, code: 'upload-closed' });

    const { rita: other, theCase: otherCase } = await representativeWithCase(db(), clock);
    expect((await begin(api, otherCase.receiptNumber, { fileName: 'x.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) })).status).toBe(404);
    const theirs = await apiTestClient(db(), clock, other);
    expect((await theirs.send(readUploadOperation, { params: { id: upload.id } })).status).toBe(404);
    expect((await put(theirs, upload.id, 0, pdf)).status).toBe(404);
  });

  it('survives a connection broken in the middle of a chunk of a 200 MB file, and resumes from the bytes that arrived', { timeout: 240_000 }, async () => {
    const { rita, theCase } = await representativeWithCase(db(), clock);
    const api = await apiTestClient(db(), clock, rita);
    const size = 200 * 1024 * 1024;
    const created = await (await begin(api, theCase.receiptNumber, { fileName: 'scan.png', contentType: 'image/png', size, sha256: sha256Of(size) })).json();
    let offset = 0;
    let broke = false;
    while (offset < size) {
      const length = Math.min(CHUNK_BYTES, size - offset);
      if (!broke && offset >= 5 * CHUNK_BYTES) {
        // The connection breaks after 3 MiB of this chunk have gone out.
        broke = true;
        const start = offset;
        let pulls = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulls++ === 0) controller.enqueue(bytesAt(start, 3 * 1024 * 1024));
            else controller.error(new Error('connection reset by peer'));
          },
        });
        const cut = await put(api, created.id, offset, stream);
        expect(await cut.json()).toMatchObject({ status: 400, code: 'chunk-interrupted' });
        const where = await (await api.send(readUploadOperation, { params: { id: created.id } })).json();
        expect(where.receivedBytes).toBeGreaterThan(offset);
        expect(where.receivedBytes).toBeLessThanOrEqual(offset + 3 * 1024 * 1024);
        // Sending the chunk again from where it began is refused, with the place to resume.
        const again = await put(api, created.id, offset, bytesAt(offset, length));
        expect(again.status).toBe(409);
        expect(again.headers.get('upload-offset')).toBe(String(where.receivedBytes));
        offset = where.receivedBytes;
        continue;
      }
      const answer = await put(api, created.id, offset, bytesAt(offset, length));
      expect(answer.status).toBe(200);
      offset = Number(answer.headers.get('upload-offset'));
    }
    expect(broke).toBe(true);
    const done = await (await api.send(readUploadOperation, { params: { id: created.id } })).json();
    expect(done).toMatchObject({ status: 'complete', receivedBytes: size });
    expect(await evidenceStorage().length(`production/${created.id}`)).toBe(size);
    await evidenceStorage().remove(`production/${created.id}`);
  });

  it('refuses a wrong checksum and bytes of another type, deleting them; a chunk out of place or too large', async () => {
    const { rita, theCase } = await representativeWithCase(db(), clock);
    const api = await apiTestClient(db(), clock, rita);
    const png = bytesAt(0, 4096);
    const wrongHash = await (await begin(api, theCase.receiptNumber, { fileName: 'a.png', contentType: 'image/png', size: png.length, sha256: 'b'.repeat(64) })).json();
    const refused = await put(api, wrongHash.id, 0, png);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'checksum-mismatch' });
    expect(await evidenceStorage().length(`production/${wrongHash.id}`)).toBe(0);

    const notPdf = await (await begin(api, theCase.receiptNumber, { fileName: 'b.pdf', contentType: 'application/pdf', size: png.length, sha256: createHash('sha256').update(png).digest('hex') })).json();
    expect(await (await put(api, notPdf.id, 0, png)).json()).toMatchObject({ status: 422, code: 'content-type-mismatch' });
    const [row] = await db().select().from(evidenceUploads).where(eq(evidenceUploads.publicId, notPdf.id));
    expect(row).toMatchObject({ status: 'rejected', rejectedReason: 'content-type-mismatch' });

    const fresh = await (await begin(api, theCase.receiptNumber, { fileName: 'c.png', contentType: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex') })).json();
    const misplaced = await put(api, fresh.id, 100, png.slice(100));
    expect(await misplaced.json()).toMatchObject({ status: 409, code: 'offset-mismatch', receivedBytes: 0 });
    expect((await put(api, fresh.id, 0, png, { 'content-length': String(CHUNK_BYTES + 1) })).status).toBe(413);
    expect((await put(api, fresh.id, 0, new Uint8Array(png.length + 10))).status).toBe(413);
    expect(await (await put(api, fresh.id, 0, png, { 'upload-offset': 'soon' })).json()).toMatchObject({ status: 400, errors: [{ header: 'Upload-Offset' }] });
  });

  it('forgets an upload left unfinished for 24 hours, with its bytes, and never answers 5xx to a bad declaration', async () => {
    const { rita, theCase } = await representativeWithCase(db(), clock);
    const api = await apiTestClient(db(), clock, rita);
    const left = await (await begin(api, theCase.receiptNumber, { fileName: 'half.png', contentType: 'image/png', size: 8192, sha256: 'c'.repeat(64) })).json();
    await put(api, left.id, 0, bytesAt(0, 4096));
    expect(await evidenceStorage().length(`production/${left.id}`)).toBe(4096);
    clock.advance(25 * HOUR);
    expect(await (await put(api, left.id, 4096, bytesAt(4096, 4096))).json()).toMatchObject({ status: 410, code: 'upload-expired' });
    expect(await purgeAbandonedUploads(db(), clock, evidenceStorage())).toBeGreaterThanOrEqual(1);
    expect(await evidenceStorage().length(`production/${left.id}`)).toBe(0);
    expect((await api.send(readUploadOperation, { params: { id: left.id } })).status).toBe(404);

    const refused = await begin(api, theCase.receiptNumber, { fileName: '../etc/passwd', contentType: 'text/html', size: 2 * 1024 ** 3, sha256: 'xyz' });
    expect((await refused.json()).errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/contentType', '/fileName', '/sha256', '/size']);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ fileName: fc.string(), size: fc.anything(), sha256: fc.string() }).map((v) => JSON.stringify(v))), async (text) => {
        const answer = await api.send(createUploadOperation, { method: 'POST', body: text, headers: { 'content-type': 'application/json' }, params: { receipt: theCase.receiptNumber } });
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});
