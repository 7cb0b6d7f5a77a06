/**
 * npm run api:lint — writes the OpenAPI document the portal serves at /api/v1/openapi.json to a
 * temporary file and lints it with Redocly's recommended rules (redocly.yaml). Fails on any error
 * or warning. Redocly sends nothing anywhere: telemetry and update checks are off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument } from '../lib/api/openapi';

const folder = mkdtempSync(path.join(tmpdir(), 'api-lint-'));
const file = path.join(folder, 'openapi.json');
let status = 1;
try {
  const document = buildOpenApiDocument();
  writeFileSync(file, JSON.stringify(document, null, 2));
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const lint = (format: string) =>
    spawnSync(process.execPath, [cli, 'lint', file, '--config', 'redocly.yaml', '--format', format, '--max-problems', '100'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  // Redocly exits 0 when it finds only warnings: the totals decide here, so a warning fails as well.
  const counted = lint('json');
  let totals: { errors: number; warnings: number } | undefined;
  try {
    totals = (JSON.parse(counted.stdout) as { totals?: { errors: number; warnings: number } }).totals;
  } catch {
    totals = undefined;
  }
  if (counted.status === 0 && totals && totals.errors === 0 && totals.warnings === 0) {
    console.log(`api:lint: the OpenAPI document (${Object.keys(document.paths ?? {}).length} paths) has no errors and no warnings`);
    status = 0;
  } else {
    // Again, in words and with the lines, for whoever fixes it.
    const shown = lint('codeframe');
    process.stdout.write(shown.stdout);
    process.stderr.write(shown.stderr.replace(/^.*[║╔╚].*\n/gm, ''));
    console.error(totals ? `api:lint: ${totals.errors} errors, ${totals.warnings} warnings` : `api:lint: redocly failed (exit ${counted.status})`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exit(status);
