import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore, openStore } from './client';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the embedded store on disk', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('is created in a folder only its owner may enter, in files only its owner may read', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'portal-store-'));
    const file = path.join(root, 'store', 'portal.db');
    const store = openStore(`file:${file}`);
    try {
      await migrateStore(store);
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});
