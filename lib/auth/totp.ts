/**
 * Authenticator apps (TOTP, RFC 6238: 6 digits, 30-second steps). The secret rests sealed; the last
 * accepted step is remembered so a code cannot be replayed within its window.
 */
import { generateSecret, generateURI, verify } from 'otplib';
import { seal, unseal } from '@/lib/crypto/secrets';

const ISSUER = 'Immigration Self-Service Portal';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

export const sealTotpSecret = (secret: string) => seal(secret, 'totp');
export const unsealTotpSecret = (sealed: string) => unseal(sealed, 'totp');

/** The accepted time step, or null. One step of clock drift either way is tolerated. */
export async function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  // The TOTP strategy reports the RFC 6238 step it matched (the HOTP variant of the union has none).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
