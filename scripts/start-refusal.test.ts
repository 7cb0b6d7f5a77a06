import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Postgres in production without a mail server: both entry points stop before touching the store. */
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production' as const,
  // Nothing listens here: a script that got as far as connecting would fail differently.
  DATABASE_URL: 'postgres://portal:secret@127.0.0.1:9/portal',
  APP_SECRET: 'k'.repeat(40),
};

function run(script: string) {
  return spawnSync(path.join('node_modules', '.bin', 'tsx'), [script], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('starting on Postgres in production without SMTP_URL', () => {
  for (const script of ['scripts/start.ts', 'scripts/worker.ts']) {
    it(`is refused by ${script} with one paragraph naming the setting`, () => {
      const result = run(script);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^The portal refuses to start on Postgres in production .*SMTP_URL is not set/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});
