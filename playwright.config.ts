/**
 * Browser journeys (decision 0026): `npm run test:e2e` builds the web app, then `playwright test`
 * starts the server below and runs e2e/*.spec.ts in Debian's Chromium. One journey alone:
 * `npx playwright test e2e/tasks.spec.ts` (after `npm run build:web`), or `-g 'extension'` for one test.
 *
 * The pattern of a journey (more in e2e/README.md):
 * - a file `e2e/<capability>.spec.ts` importing `test` and `expect` from `./support.ts`;
 * - each `test` stands alone: it signs in itself (`signIn(page, ACCOUNTS.x, undefined, '/path')`), reads
 *   the demo as seeded, and when it writes it makes its own data (unique titles, its own task through
 *   `createTask`), so that no test relies on another's writes or on the order of the files;
 * - several people in one journey: one browser context each (`pageFor(browser)`);
 * - the steps of one story are `test.step`s inside one test, not tests that share a page;
 * - accessibility: `expect(await seriousAccessibilityViolations(page)).toEqual([])` on each new screen.
 */
import { readdirSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// A journey written for the former runner (e2e/*.e2e.ts) would be skipped without a word: stop instead.
const unported = readdirSync(new URL('e2e/', import.meta.url)).filter((name) => name.endsWith('.e2e.ts'));
if (unported.length > 0) {
  throw new Error(`Journeys for the former runner, to port as e2e/README.md says: ${unported.join(', ')}`);
}

// One port for the whole run, chosen in the runner and inherited by its workers through the environment.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.E2E_DEMO_PASSWORD ??= process.env.STEERBOARD_DEMO_PASSWORD ?? 'e2e-Demo-Password-2025!';
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // These machines have two cores: one browser at a time beside the server. The journeys do not
  // need it (each stands alone), so `--workers=2` works where there is room.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A ceiling, not a pace: every wait is for a condition. A journey walks through several screens and
  // took over two minutes when the machine was shared with seven others.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-sync'],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
      testIgnore: /phone/,
    },
    {
      name: 'phone',
      // A phone's screen, touch and mobile viewport, in the same Chromium.
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } },
      testMatch: /phone\.spec\.ts/,
    },
  ],
  // E2E_BASE_URL: journeys against a server already running (seeded with the same demo password).
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `"${process.execPath}" e2e/serve.ts`,
        url: `${baseURL}/api/v1/health`,
        // The first start seeds the whole country: two to three minutes on a quiet machine, half an hour was
        // seen on a busy one (two cores, eight builds). A ceiling, not a pace: the run starts once /health answers.
        timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 60 * 60_000),
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
