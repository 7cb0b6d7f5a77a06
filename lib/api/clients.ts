/**
 * API credentials (spec §9): OAuth 2.0 client credentials for the case-management software a
 * representative connects. A client acts with exactly its representative's rights, never more.
 * Secrets and tokens are random, shown once, and stored only as keyed hashes. Rotating a secret
 * keeps the previous one working for 14 days; revoking stops the client and its tokens at once.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import { apiClients, apiTokens, users, type ApiClient, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { mayEnter } from '@/lib/auth/policy';
import { DAY, MINUTE, type Clock } from '@/lib/clock';
import { keyedHash, sameDigest } from '@/lib/crypto/secrets';
import { hasUnprintable } from '@/lib/people/person-name';

export const SECRET_GRACE_MS = 14 * DAY;
export const TOKEN_LIFETIME_MS = 30 * MINUTE;

export type ApiEnvironment = 'sandbox' | 'production';

/** How a client secret is kept: a keyed hash (also used by the bench to write a client straight into a store). */
export const secretHash = (secret: string) => keyedHash('api-client-secret', secret);
const tokenHash = (token: string) => keyedHash('api-token', token);
const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Only representatives connect case-management software. */
export const mayHaveApiClients = (user: Pick<User, 'role'>) => mayEnter(user, 'representative');

export interface NewCredentials {
  client: ApiClient;
  /** Shown once: only its hash is kept. */
  secret: string;
}

export interface NewApiClient {
  name: string;
  environment: ApiEnvironment;
  /** The demo seed's published credentials (db/seed/demo-api-client.ts); everyone else gets random ones. */
  given?: { clientId: string; secret: string };
}

export async function createApiClient(db: Db, clock: Clock, user: User, input: NewApiClient): Promise<NewCredentials> {
  if (!mayHaveApiClients(user)) throw new Error('only representatives may create API clients');
  const secret = input.given?.secret ?? `sec_${random(32)}`;
  const now = clock.now();
  return transaction(db, async (tx) => {
    const [client] = await tx
      .insert(apiClients)
      .values({
        clientId: input.given?.clientId ?? `${input.environment === 'sandbox' ? 'test' : 'live'}_${random(12)}`,
        userId: user.id,
        name: input.name,
        environment: input.environment,
        secretHash: secretHash(secret),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, clock, { actor: user, action: 'api_client.create', objectType: 'api_client', objectId: client.clientId, outcome: 'success', detail: { environment: input.environment } });
    return { client, secret };
  });
}

/** The person's own client (revoked or not); null for anyone else's. */
async function ownClient(db: DbOrTx, user: User, clientId: string): Promise<ApiClient | null> {
  const [client] = await db.select().from(apiClients).where(and(eq(apiClients.clientId, clientId), eq(apiClients.userId, user.id)));
  return client ?? null;
}

export async function listApiClients(db: DbOrTx, user: User): Promise<ApiClient[]> {
  return db.select().from(apiClients).where(eq(apiClients.userId, user.id)).orderBy(apiClients.createdAt);
}

/** A new secret; the previous one keeps working for 14 days. Null when the client is not the person's or is revoked. */
export async function rotateApiClientSecret(db: Db, clock: Clock, user: User, clientId: string): Promise<NewCredentials | null> {
  const secret = `sec_${random(32)}`;
  const now = clock.now();
  return transaction(db, async (tx) => {
    const client = await ownClient(tx, user, clientId);
    if (!client || client.revokedAt) return null;
    const [rotated] = await tx
      .update(apiClients)
      .set({ secretHash: secretHash(secret), previousSecretHash: client.secretHash, previousSecretValidUntil: new Date(now.getTime() + SECRET_GRACE_MS), rotatedAt: now })
      .where(and(eq(apiClients.id, client.id), eq(apiClients.secretHash, client.secretHash)))
      .returning();
    if (!rotated) return null;
    await recordAudit(tx, clock, { actor: user, action: 'api_client.rotate', objectType: 'api_client', objectId: clientId, outcome: 'success' });
    return { client: rotated, secret };
  });
}

/** Stops the client at once: its secrets and every token it holds. */
export async function revokeApiClient(db: Db, clock: Clock, user: User, clientId: string): Promise<boolean> {
  return transaction(db, async (tx) => {
    const client = await ownClient(tx, user, clientId);
    if (!client || client.revokedAt) return false;
    await tx.update(apiClients).set({ revokedAt: clock.now() }).where(eq(apiClients.id, client.id));
    await tx.delete(apiTokens).where(eq(apiTokens.apiClientId, client.id));
    await recordAudit(tx, clock, { actor: user, action: 'api_client.revoke', objectType: 'api_client', objectId: clientId, outcome: 'success' });
    return true;
  });
}

/**
 * The client these credentials name, when the secret is its current one (or the previous one,
 * within 14 days of a rotation), it is not revoked, and its representative's account is active.
 */
export async function authenticateApiClient(db: DbOrTx, clock: Clock, clientId: string, secret: string): Promise<{ client: ApiClient; user: User } | null> {
  const [row] = await db
    .select({ client: apiClients, user: users })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.userId))
    .where(and(eq(apiClients.clientId, clientId), isNull(apiClients.revokedAt)));
  if (!row || row.user.disabledAt || !mayHaveApiClients(row.user)) return null;
  const given = secretHash(secret);
  const current = sameDigest(given, row.client.secretHash);
  const previous =
    row.client.previousSecretHash !== null &&
    row.client.previousSecretValidUntil !== null &&
    row.client.previousSecretValidUntil > clock.now() &&
    sameDigest(given, row.client.previousSecretHash);
  return current || previous ? row : null;
}

export async function issueAccessToken(db: DbOrTx, clock: Clock, client: ApiClient): Promise<{ token: string; expiresInSeconds: number }> {
  const token = `at_${random(32)}`;
  const now = clock.now();
  await db.insert(apiTokens).values({ tokenHash: tokenHash(token), apiClientId: client.id, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS), createdAt: now });
  return { token, expiresInSeconds: TOKEN_LIFETIME_MS / 1000 };
}

/** Who a bearer token acts for, while it lives and its client is not revoked. */
export async function tokenOwner(db: DbOrTx, clock: Clock, token: string): Promise<{ client: ApiClient; user: User } | null> {
  const [row] = await db
    .select({ client: apiClients, user: users })
    .from(apiTokens)
    .innerJoin(apiClients, eq(apiClients.id, apiTokens.apiClientId))
    .innerJoin(users, eq(users.id, apiClients.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash(token)), gt(apiTokens.expiresAt, clock.now()), isNull(apiClients.revokedAt)));
  if (!row || row.user.disabledAt) return null;
  return row;
}

export const API_CLIENT_NAME_MAX = 100;

/** Why a typed name for credentials cannot be used, or null: required, at most 100 characters, printable. */
export function apiClientNameProblem(name: string): 'required' | 'tooLong' | 'unprintable' | null {
  if (!name) return 'required';
  if (name.length > API_CLIENT_NAME_MAX) return 'tooLong';
  if (hasUnprintable(name)) return 'unprintable';
  return null;
}
