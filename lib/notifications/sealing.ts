/**
 * What of an outbox row is sealed and how to open it: the secrets handed to enqueueNotification
 * (payload.sealedSecrets) and, for templates whose body shows a secret, the rendered body kept after
 * delivery. Sealed bodies carry a prefix so a reader never has to guess from the template.
 */
import { seal, unseal } from '@/lib/crypto/secrets';
import { OUTBOX_SEAL_PURPOSE } from './enqueue';
import { isSecretTemplate } from './templates';

const SEALED_BODY_PREFIX = 'sealed:';

/** The row's secrets in clear. Errors say only that opening failed: a parse error could quote the secret. */
export function openSealedSecrets(payload: Record<string, unknown>): Record<string, string> {
  const sealed = payload.sealedSecrets;
  if (sealed === undefined || sealed === null) return {};
  let parsed: unknown;
  try {
    parsed = typeof sealed === 'string' ? JSON.parse(unseal(sealed, OUTBOX_SEAL_PURPOSE)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('the sealed secrets of this notification cannot be opened with this server key');
  }
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The body as it may rest in the database. */
export function bodyToStore(template: string, text: string): string {
  return isSecretTemplate(template) ? SEALED_BODY_PREFIX + seal(text, OUTBOX_SEAL_PURPOSE) : text;
}

export function isSealedBody(body: string): boolean {
  return body.startsWith(SEALED_BODY_PREFIX);
}

/** The stored body in clear, for staff views of the local outbox. */
export function readStoredBody(body: string): string {
  return isSealedBody(body) ? unseal(body.slice(SEALED_BODY_PREFIX.length), OUTBOX_SEAL_PURPOSE) : body;
}

