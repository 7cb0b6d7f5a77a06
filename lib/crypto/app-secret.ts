import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let cached: Buffer | undefined;

/**
 * The application's secret key: keys the hashes of access codes and one-time codes and seals
 * secrets at rest. Production sets APP_SECRET (32+ random bytes, base64 or hex). On the embedded
 * store without APP_SECRET, a key is made on first use and kept in data/app-secret (mode 600), so a
 * demo keeps working across restarts.
 */
export function appSecret(): Buffer {
  if (cached) return cached;
  const configured = process.env.APP_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('APP_SECRET must be at least 32 characters of random data');
    cached = Buffer.from(configured, 'utf8');
    return cached;
  }
  if (process.env.DATABASE_URL?.startsWith('postgres') && process.env.NODE_ENV === 'production') {
    throw new Error('APP_SECRET is required when running on Postgres in production');
  }
  const file = path.resolve(process.env.APP_SECRET_FILE ?? 'data/app-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  }
  chmodSync(file, 0o600);
  cached = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  return cached;
}
