import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { appSecret } from './app-secret';

const subKeys = new Map<string, Buffer>();

/** A key for one purpose, derived from the app secret, so a hash of one kind can never match another. */
function keyFor(purpose: string): Buffer {
  let key = subKeys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret(), Buffer.alloc(0), `portal:${purpose}`, 32));
    subKeys.set(purpose, key);
  }
  return key;
}

/** Keyed hash (HMAC-SHA-256, hex) for codes and tokens that are looked up but never stored in clear. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', keyFor(`hash:${purpose}`)).update(value).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Encrypts text at rest (AES-256-GCM). The result is "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function seal(plain: string, purpose = 'seal'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(`seal:${purpose}`), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(sealed: string, purpose = 'seal'): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(`seal:${purpose}`), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
