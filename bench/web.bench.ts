/**
 * The sign-in page on a phone, as Lighthouse 12.2.3 measures it (issue 10): its mobile profile
 * (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown), performance category only, in
 * Debian's Chromium, against the built app served by `steerboard serve --seed-demo` as in production.
 * Several runs, because these machines are shared: the median of each figure is reported.
 *
 *   npm run bench:web                     builds the web app, starts a server on a fresh data directory
 *   BENCH_DATA_DIR=/tmp/seeded npm run bench:web   reuses a seeded data directory (the seed takes minutes)
 *   BASE_URL=http://127.0.0.1:3000 node bench/web.bench.ts   measures a server already running
 *   BENCH_RUNS=5 CHROME_PATH=/usr/bin/chromium …
 *
 * Exits 1 when Lighthouse fails or a figure is missing.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, freePort, temporaryDirectory } from './support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage';

interface LighthouseResult {
  categories: { performance: { score: number | null } };
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: { items?: { resourceType?: string; transferSize?: number; requestCount?: number }[] };
    }
  >;
}

interface Figures {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  scriptBytes: number;
  scriptRequests: number;
  totalBytes: number;
}

async function runLighthouse(url: string): Promise<Figures> {
  const outputDir = temporaryDirectory('steerboard-lighthouse-');
  const outputPath = path.join(outputDir, 'report.json');
  try {
    await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/lighthouse'),
      [
        url,
        '--only-categories=performance',
        `--chrome-flags=${CHROME_FLAGS}`,
        '--output=json',
        `--output-path=${outputPath}`,
        '--quiet',
      ],
      { cwd: ROOT, env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 },
    );
    const result = JSON.parse(fs.readFileSync(outputPath, 'utf8')) as LighthouseResult;
    const numeric = (id: string) => {
      const value = result.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse gave no ${id}`);
      return value;
    };
    const summary = result.audits['resource-summary']?.details?.items ?? [];
    const ofType = (type: string) => summary.find((item) => item.resourceType === type);
    const score = result.categories.performance.score;
    if (score === null) throw new Error('Lighthouse gave no performance score');
    return {
      score: Math.round(score * 100),
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      scriptBytes: ofType('script')?.transferSize ?? 0,
      scriptRequests: ofType('script')?.requestCount ?? 0,
      totalBytes: ofType('total')?.transferSize ?? 0,
    };
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function measureSignIn(baseUrl: string): Promise<void> {
  const runs: Figures[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    // Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART, NO_FCP): such a run is tried once more.
    const figures = await runLighthouse(`${baseUrl}/sign-in`).catch((error: Error) => {
      console.log(`  run ${run} failed, once more: ${error.message.split('\n').at(-2) ?? error.message}`);
      return runLighthouse(`${baseUrl}/sign-in`);
    });
    console.log(
      `  run ${run}: score ${figures.score}, FCP ${(figures.fcpMs / 1000).toFixed(1)} s, ` +
        `LCP ${(figures.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(figures.tbtMs)} ms, ` +
        `JS ${(figures.scriptBytes / 1000).toFixed(1)} kB in ${figures.scriptRequests} files`,
    );
    runs.push(figures);
  }
  const of = (key: keyof Figures) => median(runs.map((figures) => figures[key]));
  console.log(`\nLighthouse 12.2.3, mobile profile, ${baseUrl}/sign-in, median of ${RUNS} runs`);
  console.log('| performance | FCP | LCP | TBT | JavaScript transferred | everything transferred |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${of('score')} | ${(of('fcpMs') / 1000).toFixed(1)} s | ${(of('lcpMs') / 1000).toFixed(1)} s | ` +
      `${Math.round(of('tbtMs'))} ms | ${(of('scriptBytes') / 1000).toFixed(1)} kB (${of('scriptRequests')} files) | ` +
      `${(of('totalBytes') / 1000).toFixed(1)} kB |`,
  );
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  // The first start seeds the whole country: minutes on a slow machine.
  for (const deadline = Date.now() + 30 * 60_000; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const status = await fetch(`${baseUrl}/api/v1/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${baseUrl} did not become healthy`);
}

async function main(): Promise<void> {
  if (process.env.BASE_URL) return measureSignIn(process.env.BASE_URL);
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html')))
    throw new Error('build the web app first: npm run build:web');
  const dataDir = process.env.BENCH_DATA_DIR ?? temporaryDirectory('steerboard-bench-web-');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database, as a person trying the product has it
  console.log(`Starting the server on port ${port} with data in ${dataDir} (the first start seeds the demo) …`);
  const server = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--seed-demo', '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);
    await measureSignIn(baseUrl);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
    if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
