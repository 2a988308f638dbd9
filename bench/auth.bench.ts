/**
 * Sign-in and an authenticated read, in requests per second, as ratios to a bare Fastify route
 * measured in the same run (these machines are noisy: only the ratios compare across runs).
 * Runs on PostgreSQL when DATABASE_URL is set (into a fresh database), PGlite otherwise.
 *   npm run bench            BENCH_SECONDS=10 npm run bench
 */
import { DEMO_ACCOUNTS } from '../src/server/seed/demo.seed.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { freePort, measure, report, startProcess, temporaryDirectory } from './support.ts';

const PASSWORD = 'bench-password-0123456789';

const barePort = await freePort();
const bare = await startProcess(['bench/bare-server.ts', String(barePort)], {}, /ready/);

const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
const port = await freePort();
const server = await startProcess(
  ['src/cli/main.ts', 'serve', '--seed-demo', '--port', String(port)],
  {
    DATA_DIR: temporaryDirectory('steerboard-bench-'),
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    STEERBOARD_DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  },
  /ready at/,
);
const base = `http://127.0.0.1:${port}`;

try {
  const signInBody = JSON.stringify({ email: 'admin@demo.steerboard.vn', password: PASSWORD });
  const signedIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: signInBody,
  });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const baseline = await measure('bare Fastify GET /ping (baseline)', { url: `http://127.0.0.1:${barePort}/ping` });
  const read = await measure('GET /api/v1/organizations?parent=VN (session cookie)', {
    url: `${base}/api/v1/organizations?parent=VN&limit=50`,
    headers: { cookie },
  });
  const search = await measure('GET /api/v1/organizations?q=xa an binh (diacritics folded)', {
    url: `${base}/api/v1/organizations?q=xa%20an%20binh&limit=20`,
    headers: { cookie },
  });
  // In turn as each demo account: sign-in reserves a place in its account's throttle until the
  // password is checked (decision 0016), and one person does not sign in ten times at once.
  let turn = 0;
  const signIn = await measure('POST /api/v1/auth/sign-in (argon2id)', {
    url: `${base}/api/v1/auth/sign-in`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const account = DEMO_ACCOUNTS[turn++ % DEMO_ACCOUNTS.length];
          return { ...request, body: JSON.stringify({ email: account?.email, password: PASSWORD }) };
        },
      },
    ],
  });
  report(
    `Steerboard auth benchmark (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, 10 connections)`,
    baseline,
    [read, search, signIn],
  );
} finally {
  bare.kill();
  server.kill();
  await new Promise((resolve) => server.once('exit', resolve));
  await scratch?.drop();
}
