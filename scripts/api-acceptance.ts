/**
 * npm run api:acceptance -- --base-url URL --client-id ID --client-secret SECRET
 *
 * Runs the API's acceptance suite (lib/api/acceptance/acceptance-suite.ts) against any portal with
 * sandbox credentials, as a vendor's case-management software would use the API. Prints each
 * check; exit code 0 when all pass, 1 when one fails, 2 on usage errors.
 */
import { parseArgs } from 'node:util';
import { runAcceptanceSuite } from '../lib/api/acceptance/acceptance-suite';

const usage = 'usage: npm run api:acceptance -- --base-url URL --client-id ID --client-secret SECRET';
let options: { baseUrl: string; clientId: string; clientSecret: string };
try {
  const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' } } });
  if (!values['base-url'] || !values['client-id'] || !values['client-secret']) throw new Error('--base-url, --client-id and --client-secret are all needed');
  options = { baseUrl: values['base-url'], clientId: values['client-id'], clientSecret: values['client-secret'] };
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const results = await runAcceptanceSuite(options);
for (const result of results) console.log(`${result.ok ? '✓' : '✗'} ${result.name}${result.detail ? `\n    ${result.detail}` : ''}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} of ${results.length} checks passed`);
process.exitCode = failed === 0 ? 0 : 1;
