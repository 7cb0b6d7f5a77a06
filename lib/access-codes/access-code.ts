/**
 * Online access codes as printed on the Account Access Notice: 12 symbols from a 32-symbol alphabet
 * without the look-alikes I, L, O and U (so 0/O and 1/I/L are never confused, and no accidental
 * words), shown in groups of four. 32^12 = 2^60 codes. Only keyed hashes are ever stored.
 */
import { randomInt } from 'node:crypto';
import { keyedHash } from '@/lib/crypto/secrets';

export const ACCESS_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACCESS_CODE_LENGTH = 12;
/** log2(32) = 5 bits per symbol. */
export const ACCESS_CODE_ENTROPY_BITS = ACCESS_CODE_LENGTH * Math.log2(ACCESS_CODE_ALPHABET.length);

const SYMBOLS = new Set(ACCESS_CODE_ALPHABET);

/** A new code, bare (12 symbols, no dashes), from the operating system's CSPRNG without modulo bias. */
export function generateAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}

/** "7KQ2M9XD4RTF" → "7KQ2-M9XD-4RTF", the form printed and typed back. */
export function formatAccessCode(code: string): string {
  const bare = normaliseAccessCode(code);
  if (!bare) throw new Error('not an access code');
  return `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
}

/**
 * What a person typed, as a bare code: case, spaces and dashes do not matter. Null when it is not 12
 * symbols of the alphabet; look-alikes (I, L, O, U) are refused rather than guessed at, because a
 * code that was never printed cannot be right.
 */
export function normaliseAccessCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  if (bare.length !== ACCESS_CODE_LENGTH) return null;
  for (const symbol of bare) if (!SYMBOLS.has(symbol)) return null;
  return bare;
}

/** The keyed hash stored for a code and looked up when someone links a case. */
export function hashAccessCode(code: string): string {
  const bare = normaliseAccessCode(code);
  if (!bare) throw new Error('not an access code');
  return keyedHash('access-code', bare);
}
