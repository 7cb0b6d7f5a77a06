import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { runAcceptanceSuite } from '../lib/api/acceptance/acceptance-suite';

/**
 * The shipped acceptance suite (npm run api:acceptance), run as a vendor runs it: sandbox
 * credentials made with npm run api:client for the demo representative, then every check against
 * the running portal.
 */
test('the API acceptance suite passes against the running portal with sandbox credentials', async ({ baseURL }) => {
  const printed = execFileSync('npx', ['tsx', 'scripts/api-client.ts', '--email', 'rita.representative@example.com', '--sandbox', '--name', 'Acceptance'], {
    env: { ...process.env, DATABASE_URL: 'file:data/e2e.db' },
    encoding: 'utf8',
  });
  const clientId = /client id:\s+(\S+)/.exec(printed)?.[1];
  const clientSecret = /client secret:\s+(\S+)/.exec(printed)?.[1];
  expect(clientId, printed).toMatch(/^test_/);
  const results = await runAcceptanceSuite({ baseUrl: baseURL!, clientId: clientId!, clientSecret: clientSecret! });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.length).toBeGreaterThanOrEqual(13);
});
