import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = { '@': root };
const dataTests = ['{lib,db,scripts}/**/*.db.test.ts'];

/**
 * Three projects: pure rules; data tests on SQLite; the same data tests on Postgres when
 * TEST_DATABASE_URL is set (CI always sets it).
 */
// Every data test's sign-in comes from one "client"; the password-check budget's own tests set their numbers.
const oneClientForAll = { PASSWORD_CHECKS_PER_CLIENT: '1000000', PASSWORD_CHECKS_PER_MINUTE: '1000000' };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'rules',
          include: ['{lib,db,scripts,components}/**/*.test.{ts,tsx}'],
          exclude: dataTests,
          env: { TZ: 'UTC', NODE_ENV: 'test' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'sqlite',
          include: dataTests,
          setupFiles: ['db/test-store.ts'],
          env: { TZ: 'UTC', NODE_ENV: 'test', DATABASE_URL: '', ...oneClientForAll },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: 'postgres',
                include: dataTests,
                setupFiles: ['db/test-store.ts'],
                // `as const`: inside the conditional spread the literal loses its contextual type.
                // LOCAL_OUTBOX: the same messages stay local on both stores, as in the demo.
                env: { TZ: 'UTC', NODE_ENV: 'test' as const, DATABASE_URL: process.env.TEST_DATABASE_URL, LOCAL_OUTBOX: 'on', ...oneClientForAll },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
