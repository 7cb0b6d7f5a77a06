/**
 * Reference numbers of appointment requests: "AR-" and eight symbols in two groups, from the alphabet
 * of online access codes (no I, L, O or U, so it reads aloud and types back without look-alikes).
 * Random, not sequential, so one reference says nothing about another person's; 32^8 ≈ 10^12.
 */
import { randomInt } from 'node:crypto';
import { ACCESS_CODE_ALPHABET } from '@/lib/access-codes/access-code';

const SYMBOLS = 8;
const SHAPE = new RegExp(`^AR-[${ACCESS_CODE_ALPHABET}]{4}-[${ACCESS_CODE_ALPHABET}]{4}$`);

export function generateRequestReference(): string {
  let symbols = '';
  for (let i = 0; i < SYMBOLS; i++) symbols += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return `AR-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** A reference as typed or found in an address ("ar-7kq2-m9xd", " AR 7KQ2 M9XD "), or null when it cannot be one. */
export function normaliseRequestReference(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  if (!bare.startsWith('AR') || bare.length !== 2 + SYMBOLS) return null;
  const reference = `AR-${bare.slice(2, 6)}-${bare.slice(6)}`;
  return SHAPE.test(reference) ? reference : null;
}
