/**
 * npm run api:client -- --email rita.representative@example.com --sandbox [--name "Case manager"]
 *
 * Creates API credentials (OAuth 2.0 client credentials) for a representative's account on the
 * store in use, and prints the client id and the secret: the secret is shown this once and kept
 * only as a hash. --production instead of --sandbox for production credentials.
 * Exit codes: 0 created, 1 refused (no such account, not a representative), 2 usage errors.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { migrateStore, openStore } from '../db/client';
import { users } from '../db/schema';
import { createApiClient, mayHaveApiClients } from '../lib/api/clients';
import { systemClock } from '../lib/clock';

const usage = 'usage: npm run api:client -- --email EMAIL --sandbox|--production [--name NAME]';
let email: string;
let environment: 'sandbox' | 'production';
let name: string;
try {
  const { values } = parseArgs({ options: { email: { type: 'string' }, sandbox: { type: 'boolean' }, production: { type: 'boolean' }, name: { type: 'string' } } });
  if (!values.email) throw new Error('--email is missing');
  if (Boolean(values.sandbox) === Boolean(values.production)) throw new Error('say --sandbox or --production');
  email = values.email.trim().toLowerCase();
  environment = values.sandbox ? 'sandbox' : 'production';
  name = (values.name ?? 'Case-management software').trim().slice(0, 100);
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const store = openStore();
try {
  await migrateStore(store);
  const [user] = await store.db.select().from(users).where(eq(users.email, email));
  if (!user || !mayHaveApiClients(user)) {
    console.error(user ? `${email} is not a representative's account: only representatives connect case-management software` : `no account with the email address ${email}`);
    process.exitCode = 1;
  } else {
    const { client, secret } = await createApiClient(store.db, systemClock, user, { name, environment });
    console.log(`client id:     ${client.clientId}\nclient secret: ${secret}\nenvironment:   ${environment}\n\nThe secret is shown this once. Get a token with:\n  curl -s -u '${client.clientId}:${secret}' -d grant_type=client_credentials http://localhost:3000/api/v1/oauth/token`);
  }
} finally {
  await store.close();
}
