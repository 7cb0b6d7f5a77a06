import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { runAcceptanceSuite } from '../lib/api/acceptance/acceptance-suite';
import { checkAnswersAgainst, operationIdFor, undocumentedInAnswer } from '../lib/api/testing/answer-checker';

/**
 * The shipped acceptance suite (npm run api:acceptance), run as a vendor runs it: sandbox
 * credentials made with npm run api:client for the demo representative, then every check against
 * the running portal, each answer also checked against the OpenAPI document.
 */
test('the API acceptance suite passes against the running portal with sandbox credentials', async ({ baseURL }) => {
  const printed = execFileSync('npx', ['tsx', 'scripts/api-client.ts', '--email', 'rita.representative@example.com', '--sandbox', '--name', 'Acceptance'], {
    env: { ...process.env, DATABASE_URL: 'file:data/e2e.db' },
    encoding: 'utf8',
  });
  const clientId = /client id:\s+(\S+)/.exec(printed)?.[1];
  const clientSecret = /client secret:\s+(\S+)/.exec(printed)?.[1];
  expect(clientId, printed).toMatch(/^test_/);
  // Every answer the suite sees is also checked against the OpenAPI document the portal serves.
  const published = await (await fetch(new URL('/api/v1/openapi.json', baseURL))).json();
  checkAnswersAgainst(() => published);
  const undocumented: string[] = [];
  let checked = 0;
  const results = await runAcceptanceSuite({
    baseUrl: baseURL!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    onResponse: async (seen) => {
      const operationId = operationIdFor(seen.method, seen.path);
      if (!operationId) return void undocumented.push(`${seen.method} ${seen.path}: no operation in the document`);
      const body = typeof seen.body === 'string' ? seen.body : JSON.stringify(seen.body);
      undocumented.push(...(await undocumentedInAnswer(operationId, new Response(body, { status: seen.status, headers: seen.headers }))));
      checked += 1;
    },
  });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(undocumented).toEqual([]);
  expect(checked).toBeGreaterThan(40);
  expect(results.length).toBeGreaterThanOrEqual(13);
});
