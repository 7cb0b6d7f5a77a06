/**
 * One rule for a person's name, wherever it comes from: sign-up, settings, staff accounts and the
 * case import. Names reach emails, texts and printed letters, so a name may hold any letters, marks
 * and punctuation of any script, but no control characters and none of the bidirectional
 * embeddings, overrides, isolates or marks that can make it display as something else.
 */
import { z } from 'zod';

export const PERSON_NAME_MAX = 100;

// C0 and C1 controls; the Arabic letter mark, LRM/RLM, the embeddings and overrides, the isolates.
const UNPRINTABLE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** True when the text holds a character that must never reach a message or a letter. */
export const hasUnprintable = (value: string): boolean => UNPRINTABLE.test(value);

export type PersonNameProblem = 'required' | 'too_long' | 'unprintable';

/**
 * A trimmed name of 1 to 100 characters, stored in Unicode normal form C (so "José" typed either
 * way is the same name). The issue codes are the keys the forms' messages use.
 */
export const personName = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required' satisfies PersonNameProblem)
    .max(PERSON_NAME_MAX, 'too_long' satisfies PersonNameProblem)
    .refine((value) => !hasUnprintable(value), 'unprintable' satisfies PersonNameProblem)
    .transform((value) => value.normalize('NFC'));
