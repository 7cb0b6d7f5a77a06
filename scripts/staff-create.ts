/**
 * npm run staff:create -- --email olga.petrova@agency.example.gov --given-name Olga --family-name Petrova --role officer
 *
 * Creates an officer or supervisor account on the store in use (DATABASE_URL, or the embedded SQLite
 * file) and emails its one-time set-up link, valid 72 hours. The link is never printed: it goes to
 * the person's inbox (with no mail server configured, to the local outbox at /dev/outbox).
 * Options: --language en|es (the language of the email and of the account; default en).
 */
import { parseArgs } from 'node:util';
import { migrateStore, openStore } from '../db/client';
import { systemClock } from '../lib/clock';
import { createStaffAccount, STAFF_SETUP_VALID_HOURS } from '../lib/auth/staff-accounts';

const say = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }));

const usage = 'usage: npm run staff:create -- --email ADDRESS --given-name NAME --family-name NAME --role officer|supervisor [--language en|es]';

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      'given-name': { type: 'string' },
      'family-name': { type: 'string' },
      role: { type: 'string' },
      language: { type: 'string' },
    },
  }));
} catch (error) {
  say('error', `${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const flags: Record<string, string> = { email: '--email', givenName: '--given-name', familyName: '--family-name', role: '--role', preferredLanguage: '--language' };
const problems: Record<string, string> = {
  required: 'is required',
  too_long: 'is too long',
  invalid: 'is not valid',
  taken: 'already belongs to an account',
};

const store = openStore();
try {
  await migrateStore(store);
  const result = await createStaffAccount(store.db, systemClock, {
    email: values.email ?? '',
    givenName: values['given-name'] ?? '',
    familyName: values['family-name'] ?? '',
    role: (values.role ?? '') as 'officer',
    preferredLanguage: (values.language ?? 'en') as 'en',
    createdBy: null,
  });
  if (!result.ok) {
    const details = Object.entries(result.errors).map(([field, error]) =>
      field === 'role'
        ? '--role must be officer or supervisor'
        : field === 'preferredLanguage'
          ? '--language must be en or es'
          : `${flags[field]} ${problems[error!] ?? 'is not valid'}`,
    );
    say('error', `no account was created: ${details.join('; ')}`, { usage });
    process.exitCode = result.errors.email === 'taken' ? 1 : 2;
  } else {
    say('info', `created the ${result.user.role} account of ${result.user.givenName} ${result.user.familyName}; a set-up link valid for ${STAFF_SETUP_VALID_HOURS} hours was emailed to ${result.user.email}`, {
      dialect: store.dialect,
      userId: result.user.id,
      role: result.user.role,
      linkExpiresAt: result.linkExpiresAt.toISOString(),
    });
  }
} finally {
  await store.close();
}
