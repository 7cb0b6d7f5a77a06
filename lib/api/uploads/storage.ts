/**
 * Where evidence files are kept while they arrive and after. The embedded setup keeps them on disk
 * under UPLOAD_DIR (default data/uploads; folder 0700, files 0600), the sandbox's in a folder of its
 * own. An S3-compatible store implements the same interface with a multipart upload: `write` puts
 * a part (parts are at least 5 MiB but the last, which the 8 MiB chunks satisfy), `length` sums the
 * parts, `truncate` drops the parts past a length, `read` streams the completed object.
 */
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, rm, stat, truncate as truncateFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface EvidenceStorage {
  /** Writes `chunks` at `offset` (the file is cut to `offset` first); resolves with the bytes written, and rejects (after keeping them) if the chunks fail. */
  write(key: string, offset: number, chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ written: number; error?: Error }>;
  length(key: string): Promise<number>;
  truncate(key: string, length: number): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class TooManyBytes extends Error {}

export function diskStorage(root = process.env.UPLOAD_DIR ?? path.join('data', 'uploads')): EvidenceStorage {
  const fileOf = (key: string) => {
    if (!/^[a-z]+\/[A-Za-z0-9_-]+$/.test(key)) throw new Error('invalid storage key');
    return path.join(root, key);
  };
  return {
    async write(key, offset, chunks, maxBytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const handle = await open(file, 'r+').catch(() => open(file, 'w+', 0o600));
      let written = 0;
      try {
        await handle.truncate(offset);
        for await (const chunk of chunks) {
          if (written + chunk.byteLength > maxBytes) throw new TooManyBytes(`more than ${maxBytes} bytes`);
          await handle.write(chunk, 0, chunk.byteLength, offset + written);
          written += chunk.byteLength;
        }
        await handle.sync();
        return { written };
      } catch (error) {
        // What arrived before the break stays: the client resumes from there.
        await handle.sync().catch(() => undefined);
        return { written, error: error as Error };
      } finally {
        await handle.close();
        await chmod(file, 0o600).catch(() => undefined);
      }
    },
    async length(key) {
      return (await stat(fileOf(key)).catch(() => null))?.size ?? 0;
    },
    async truncate(key, length) {
      await truncateFile(fileOf(key), length).catch(() => undefined);
    },
    read(key) {
      return createReadStream(fileOf(key));
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

let current: EvidenceStorage | undefined;
export const evidenceStorage = (): EvidenceStorage => (current ??= diskStorage());
/** Tests use a folder of their own. */
export const setEvidenceStorage = (storage: EvidenceStorage | undefined) => void (current = storage);
