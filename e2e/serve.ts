/**
 * The server the journeys run against, started by playwright.config.ts's `webServer`: the built app
 * (dist/web, built beforehand by `npm run test:e2e`) on a fresh temporary data directory with the
 * demo seed, PGlite, the known demo password. Its data directory goes when Playwright stops it.
 *
 * E2E_DATA_DIR names a data directory to keep and reuse instead: the journeys do not depend on each
 * other's writes, so a second run on the same data passes too, without waiting for the seed again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port, password] = [process.env.E2E_PORT, process.env.E2E_DEMO_PASSWORD];
if (!port || !password) throw new Error('E2E_PORT and E2E_DEMO_PASSWORD come from playwright.config.ts');

const keptDataDir = process.env.E2E_DATA_DIR;
const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'steerboard-e2e-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  STEERBOARD_DEMO_PASSWORD: password,
  // The seed's progress and errors, not a line per request (LOG_LEVEL=info brings those back).
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // Every journey submits from 127.0.0.1: a run, or several on kept data, sends more than a person would
  // in an hour. The limits themselves are tested by the integration tests.
  FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000',
};
delete env.DATABASE_URL; // the embedded PGlite database in the data directory, even when CI sets PostgreSQL's
console.log(`Serving the journeys' app on port ${port} with data in ${dataDir}`);

const server = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--seed-demo', '--port', port], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env,
  stdio: 'inherit',
});

function cleanUp(): void {
  if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
}

server.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.kill(signal));
}
