/**
 * Evidence uploads for a client's case, up to 1 GiB, in chunks that survive a broken connection
 * (spec §9). The client declares the file (name, type, size, SHA-256), then sends it in chunks of
 * at most 8 MiB, each saying where it starts (`Upload-Offset`), which must be where the stored file
 * ends: a chunk sent again after a break is refused with the offset to resume from, so a retry can
 * never write a byte twice. When the last byte arrives, the file's SHA-256 is computed from the
 * stored bytes and its first bytes are checked against the declared type; a mismatch rejects the
 * upload and deletes its bytes. An unfinished upload is abandoned after 24 hours.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { cases, evidenceUploads, type ApiClient, type Case, type EvidenceUpload, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { DAY, type Clock } from '@/lib/clock';
import { TooManyBytes, type EvidenceStorage } from './storage';

export const MAX_UPLOAD_BYTES = 1024 ** 3;
/** Under the 10 MiB a request body may have before the proxy (proxy.ts) would cut it. */
export const CHUNK_BYTES = 8 * 1024 ** 2;
export const UPLOAD_LIFETIME_MS = DAY;

/** The first bytes of each accepted type. */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
};
export const UPLOAD_TYPES = Object.keys(SIGNATURES) as ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

export const uploadCreateRequestSchema = z
  .strictObject({
    fileName: z
      .string({ error: 'Send fileName as text.' })
      .min(1, 'Give the file’s name.')
      .max(255, 'The file name may be at most 255 characters.')
      .refine((name) => !/[\\/\p{Cc}]/u.test(name), 'The file name must not contain slashes or control characters.'),
    contentType: z.enum(UPLOAD_TYPES, { error: `Give contentType as one of ${UPLOAD_TYPES.join(', ')}.` }),
    size: z.number({ error: 'Send size as a number of bytes.' }).int('Send size as a whole number of bytes.').min(1, 'The file is empty.').max(MAX_UPLOAD_BYTES, 'A file may be at most 1 GiB.'),
    sha256: z.string({ error: 'Send sha256 as text.' }).regex(/^[0-9a-fA-F]{64}$/, 'Give sha256 as the 64 hexadecimal digits of the file’s SHA-256.').transform((s) => s.toLowerCase()),
  })
  .meta({ id: 'UploadCreate', description: 'The file about to be sent: its name, type (PDF, JPEG, PNG or TIFF), size in bytes (at most 1 GiB) and SHA-256.' });

export const uploadSchema = z
  .object({
    id: z.string(),
    receiptNumber: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    receivedBytes: z.number().int(),
    status: z.enum(['receiving', 'complete', 'rejected']),
    rejectedReason: z.string().nullable(),
    chunkSize: z.number().int(),
    expiresAt: z.string(),
    uploadUrl: z.string(),
  })
  .meta({ id: 'Upload', description: 'An upload and how far it has arrived: send the next chunk from `receivedBytes`.' });

export type UploadResource = z.output<typeof uploadSchema>;

export const storageKeyOf = (client: Pick<ApiClient, 'environment'>, publicId: string) => `${client.environment}/${publicId}`;

export function uploadResource(upload: EvidenceUpload, receiptNumber: string): UploadResource {
  return {
    id: upload.publicId,
    receiptNumber,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    receivedBytes: upload.receivedBytes,
    status: upload.status,
    rejectedReason: upload.rejectedReason,
    chunkSize: CHUNK_BYTES,
    expiresAt: upload.expiresAt.toISOString(),
    uploadUrl: `/api/v1/uploads/${upload.publicId}`,
  };
}

export async function createUpload(
  db: DbOrTx,
  clock: Clock,
  caller: { client: ApiClient; user: User },
  theCase: Case,
  input: z.output<typeof uploadCreateRequestSchema>,
): Promise<EvidenceUpload> {
  const now = clock.now();
  const publicId = `upl_${randomBytes(12).toString('base64url')}`;
  const [upload] = await db
    .insert(evidenceUploads)
    .values({
      publicId,
      apiClientId: caller.client.id,
      caseId: theCase.id,
      userId: caller.user.id,
      fileName: input.fileName,
      contentType: input.contentType,
      size: input.size,
      sha256: input.sha256,
      storageKey: storageKeyOf(caller.client, publicId),
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + UPLOAD_LIFETIME_MS),
    })
    .returning();
  return upload;
}

/** The upload with its case's receipt number, when it is this client's and this person's. */
export async function ownUpload(db: DbOrTx, caller: { client: ApiClient; user: User }, publicId: string): Promise<{ upload: EvidenceUpload; receiptNumber: string } | null> {
  const [row] = await db
    .select({ upload: evidenceUploads, receiptNumber: cases.receiptNumber })
    .from(evidenceUploads)
    .innerJoin(cases, eq(cases.id, evidenceUploads.caseId))
    .where(and(eq(evidenceUploads.publicId, publicId), eq(evidenceUploads.apiClientId, caller.client.id), eq(evidenceUploads.userId, caller.user.id)));
  return row ?? null;
}

export type ChunkOutcome =
  | { ok: true; upload: EvidenceUpload }
  | { ok: false; error: 'offset'; receivedBytes: number }
  | { ok: false; error: 'closed' | 'expired' | 'too-large' | 'interrupted'; receivedBytes: number };

/** Chunks of one upload are written one at a time in this process (the stored file is this process's). */
const writing = new Set<number>();

export async function receiveChunk(
  db: Db,
  clock: Clock,
  storage: EvidenceStorage,
  upload: EvidenceUpload,
  offset: number,
  chunks: AsyncIterable<Uint8Array>,
): Promise<ChunkOutcome> {
  if (upload.status !== 'receiving') return { ok: false, error: 'closed', receivedBytes: upload.receivedBytes };
  if (upload.expiresAt <= clock.now()) return { ok: false, error: 'expired', receivedBytes: upload.receivedBytes };
  if (offset !== upload.receivedBytes || writing.has(upload.id)) return { ok: false, error: 'offset', receivedBytes: upload.receivedBytes };
  writing.add(upload.id);
  try {
    const room = Math.min(CHUNK_BYTES, upload.size - offset);
    const { written, error } = await storage.write(upload.storageKey, offset, chunks, room);
    // What reached the disk counts, even when the connection broke: the client resumes from there.
    const [moved] = await db
      .update(evidenceUploads)
      .set({ receivedBytes: offset + written, updatedAt: clock.now() })
      .where(and(eq(evidenceUploads.id, upload.id), eq(evidenceUploads.receivedBytes, offset), eq(evidenceUploads.status, 'receiving')))
      .returning();
    if (!moved) return { ok: false, error: 'offset', receivedBytes: upload.receivedBytes };
    if (error) return { ok: false, error: error instanceof TooManyBytes ? 'too-large' : 'interrupted', receivedBytes: moved.receivedBytes };
    if (moved.receivedBytes < moved.size) return { ok: true, upload: moved };
    return { ok: true, upload: await finish(db, clock, storage, moved) };
  } finally {
    writing.delete(upload.id);
  }
}

/** Every byte is here: the hash and the type decide. */
async function finish(db: Db, clock: Clock, storage: EvidenceStorage, upload: EvidenceUpload): Promise<EvidenceUpload> {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  for await (const chunk of storage.read(upload.storageKey)) {
    const bytes = chunk as Buffer;
    if (head.length < 16) head = Buffer.concat([head, bytes.subarray(0, 16 - head.length)]);
    hash.update(bytes);
  }
  const typeMatches = (SIGNATURES[upload.contentType] ?? []).some((signature) => signature.every((byte, i) => head[i] === byte));
  const reason = hash.digest('hex') !== upload.sha256 ? 'checksum-mismatch' : !typeMatches ? 'content-type-mismatch' : null;
  const now = clock.now();
  const [done] = await db
    .update(evidenceUploads)
    .set(reason ? { status: 'rejected', rejectedReason: reason, updatedAt: now } : { status: 'complete', completedAt: now, updatedAt: now })
    .where(eq(evidenceUploads.id, upload.id))
    .returning();
  if (reason) await storage.remove(upload.storageKey);
  await recordAudit(db, clock, {
    actor: { id: upload.userId, role: 'representative' },
    action: 'evidence.upload',
    objectType: 'evidence_upload',
    objectId: upload.publicId,
    outcome: reason ? 'failure' : 'success',
    detail: { caseId: upload.caseId, size: upload.size, contentType: upload.contentType, ...(reason ? { reason } : {}) },
  });
  return done;
}

/** Housekeeping: unfinished uploads past their 24 hours, and their bytes. */
export async function purgeAbandonedUploads(db: Db, clock: Clock, storage: EvidenceStorage): Promise<number> {
  const gone = await db
    .delete(evidenceUploads)
    .where(and(eq(evidenceUploads.status, 'receiving'), lte(evidenceUploads.expiresAt, clock.now())))
    .returning({ storageKey: evidenceUploads.storageKey });
  for (const { storageKey } of gone) await storage.remove(storageKey);
  return gone.length;
}
