/**
 * Runs the browser journeys against a real server: a fresh data directory, the demo seed, a free
 * port. `npm run test:e2e` builds the web app first, because the server serves dist/web.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// The first start seeds the demo (organizations, accounts, 1,132 tasks with their history).
const HEALTH_TIMEOUT_MS = 300_000;
const demoPassword = process.env.STEERBOARD_DEMO_PASSWORD ?? 'e2e-Demo-Password-2025!';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet: seeding 3,500 organizations takes a while.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer GET /api/v1/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function runJourneys(baseUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const tests = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        '--test-timeout=120000',
        ...(process.argv.length > 2 ? process.argv.slice(2) : ['e2e/*.e2e.ts']),
      ],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, BASE_URL: baseUrl, DEMO_PASSWORD: demoPassword },
      },
    );
    tests.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'steerboard-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, STEERBOARD_DEMO_PASSWORD: demoPassword };
  delete serverEnv.DATABASE_URL; // the embedded PGlite database, in the temporary directory

  const server = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--seed-demo', '--port', String(port)], {
    cwd: repoRoot,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept, not shown: the output matters only when something goes wrong.
  const serverOutput: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => serverOutput.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => serverOutput.push(chunk.toString()));
  let isStopping = false;
  server.on('exit', (code, signal) => {
    if (isStopping) return;
    console.error(`\n✖ the server died (code ${code}, signal ${signal}). Its output:\n${serverOutput.join('')}`);
  });

  try {
    console.log(`Starting the server on ${baseUrl} with data in ${dataDir} …`);
    const startedAt = Date.now();
    await waitForHealth(baseUrl, server);
    console.log(`Server ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; running the journeys.`);
    const exitCode = await runJourneys(baseUrl);
    if (exitCode !== 0) console.error(`\n--- server output ---\n${serverOutput.join('').slice(-20_000)}`);
    return exitCode;
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}\n--- server output ---\n${serverOutput.join('')}`);
    return 1;
  } finally {
    isStopping = true;
    server.kill('SIGTERM');
    await new Promise((resolve) => {
      const forceTimer = setTimeout(() => {
        server.kill('SIGKILL');
        resolve(undefined);
      }, 10_000);
      server.once('exit', () => {
        clearTimeout(forceTimer);
        resolve(undefined);
      });
      if (server.exitCode !== null) resolve(undefined);
    });
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
