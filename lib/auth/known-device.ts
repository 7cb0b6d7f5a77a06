/**
 * Known devices (OWASP's "device cookies"): a browser in which an account has completed both sign-in
 * steps, or opened an emailed unlock link, carries a signed entry for that account. Wrong passwords
 * typed in a known device count against that device alone, so a stranger who keeps failing for an
 * address pauses password sign-in for unknown browsers only, never for the owner's own.
 *
 * An entry is `userId.nonce.mac`: the mac (keyed with the app key) makes it unforgeable, the random
 * nonce names the device's own failure counter. It holds no secret and grants nothing by itself: the
 * password and the second step are still asked for.
 */
import { randomBytes } from 'node:crypto';
import { keyedHash, sameDigest } from '@/lib/crypto/secrets';

export const KNOWN_DEVICE_COOKIE = 'portal-device';
/** A shared computer may remember a few accounts; the oldest entry goes first. */
const MAX_ENTRIES = 5;
export const KNOWN_DEVICE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

export interface KnownDevice {
  userId: number;
  /** Names this device's own counter of wrong passwords for the account. */
  nonce: string;
}

const macOf = (userId: number, nonce: string) => keyedHash('known-device', `${userId}.${nonce}`);

/** The valid entries of a cookie value; anything forged, altered or malformed is left out. */
export function knownDevicesIn(cookieValue: string | undefined): KnownDevice[] {
  if (!cookieValue || cookieValue.length > 2_000) return [];
  const devices: KnownDevice[] = [];
  for (const entry of cookieValue.split('~')) {
    const [id, nonce, mac] = entry.split('.');
    const userId = Number(id);
    if (!Number.isSafeInteger(userId) || userId <= 0 || !/^[A-Za-z0-9_-]{22}$/.test(nonce ?? '') || !mac) continue;
    if (sameDigest(mac, macOf(userId, nonce))) devices.push({ userId, nonce });
  }
  return devices.slice(-MAX_ENTRIES);
}

/** The cookie value with the account remembered (its existing entry kept, so its counter stays). */
export function rememberDevice(cookieValue: string | undefined, userId: number): string {
  const devices = knownDevicesIn(cookieValue);
  const existing = devices.find((device) => device.userId === userId);
  const others = devices.filter((device) => device.userId !== userId);
  const mine = existing ?? { userId, nonce: randomBytes(16).toString('base64url') };
  return [...others, mine]
    .slice(-MAX_ENTRIES)
    .map((device) => `${device.userId}.${device.nonce}.${macOf(device.userId, device.nonce)}`)
    .join('~');
}
