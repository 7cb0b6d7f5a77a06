/**
 * npm run codes:issue -- RECEIPT --audience applicant|representative
 *
 * Issues a new online access code for a case on the store in use (DATABASE_URL, or the embedded
 * SQLite file): the old unused code of that audience stops working and the Account Access Notice
 * goes through the channel of record (a mailed letter; email for I-134A beneficiaries). The code is
 * never printed: it reaches the person only on the notice.
 *
 * Prints one JSON line. Exit codes: 0 issued, 1 refused (a malformed or unknown receipt number, a
 * representative code for a case without a representative of record), 2 usage errors.
 */
import { parseArgs } from 'node:util';
import { migrateStore, openStore } from '../db/client';
import { issueCodeForReceipt, OPERATOR_ACTOR } from '../lib/access-codes/issue-code-for-receipt';
import { systemClock } from '../lib/clock';

const say = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }));

const usage = 'usage: npm run codes:issue -- RECEIPT --audience applicant|representative';

let receipt: string;
let audience: 'applicant' | 'representative';
try {
  const { values, positionals } = parseArgs({ options: { audience: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error(positionals.length ? 'give exactly one receipt number' : 'the receipt number is missing');
  if (values.audience !== 'applicant' && values.audience !== 'representative') {
    throw new Error(values.audience === undefined ? '--audience is missing' : '--audience must be applicant or representative');
  }
  receipt = positionals[0];
  audience = values.audience;
} catch (error) {
  say('error', `${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const store = openStore();
try {
  await migrateStore(store);
  const result = await issueCodeForReceipt(store.db, systemClock, { receiptNumber: receipt, audience, actor: OPERATOR_ACTOR });
  if (!result.ok) {
    say('error', `no code was issued: ${result.message}`, { dialect: store.dialect, error: result.error });
    process.exitCode = 1;
  } else {
    const sentTo =
      result.channel === 'email' ? "by email to the applicant's email address on the case" : 'by letter to the mailing address on the case';
    const addressee = result.addressedTo === 'representative_of_record' ? 'the representative of record' : 'the applicant';
    say('info', `issued a new ${audience} access code for ${result.receiptNumber}; the Account Access Notice goes to ${addressee} ${sentTo}; the code expires on ${result.expiresOn}`, {
      dialect: store.dialect,
      receiptNumber: result.receiptNumber,
      audience,
      channel: result.channel,
      recipientKind: result.channel === 'email' ? 'email' : 'letter',
      addressedTo: result.addressedTo,
      expiresOn: result.expiresOn,
      revokedCodes: result.revokedCodes,
    });
  }
} finally {
  await store.close();
}
