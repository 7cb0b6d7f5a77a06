import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their journeys side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser journeys against the production server (`npm start` on its own port and store). Chromium
 * is the system's (Debian's) browser: no browser downloads here. CHROMIUM_PATH overrides it.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Timeouts are per step, sized for a busy two-core machine: a page load may take 30 s, a click or
  // an expectation 15 s. A journey as a whole is bounded only by its steps (the test timeout is a
  // backstop against a hang), so a long story is not failed for being long on a slow machine.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Migrates and seeds a fresh store, builds when the build is stale, then serves with the worker.
    command: `npx tsx scripts/start.ts --port ${port} --fresh`,
    url: `${baseURL}/api/health`,
    // Its own store, started afresh; no access log lines interleaved with the test report.
    // Its own build folder too, so a benchmark or another build running meanwhile cannot pull files from under it.
    // Every journey signs in from the same address, many times a minute: the per-client and portal-wide
    // budgets of password checks are raised for them (their rules have data tests).
    env: {
      DATABASE_URL: 'file:data/e2e.db',
      NEXT_DIST_DIR: '.next-e2e',
      NEXT_TELEMETRY_DISABLED: '1',
      ACCESS_LOG: 'off',
      PASSWORD_CHECKS_PER_CLIENT: '1000000',
      PASSWORD_CHECKS_PER_MINUTE: '1000000',
    },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // The server's own log is for people running it, not for the test report.
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
