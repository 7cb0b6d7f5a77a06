/**
 * npm run build — the production build: `next build`, then the Content Security Policy of each page
 * prerendered at build time (scripts/prerendered-csp.ts). npm start and npm run bench build through
 * here too, so no build is served without those policies.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { writePrerenderedPolicies } from './prerendered-csp';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Builds into NEXT_DIST_DIR (or .next), output shown; resolves with the exit code. */
export async function buildPortal(env: NodeJS.ProcessEnv = process.env, onStart?: (stop: () => void) => void): Promise<number> {
  const build = spawn(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  onStart?.(() => build.kill('SIGTERM'));
  const code = await new Promise<number>((resolve) => build.once('exit', (exitCode) => resolve(exitCode ?? 1)));
  if (code !== 0) return code;
  for (const line of writePrerenderedPolicies(env.NEXT_DIST_DIR || '.next')) console.log(`prerendered page policy: ${line}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await buildPortal());
}
