/**
 * The scorecards at national scale, on PostgreSQL (issue 11): the task dataset of bench:tasks
 * (200,000 tasks by default) plus 200 indicators × 200 reporting organizations × 8 quarters of
 * approved values, generated into a scratch database. getScorecards for the ministries and for the
 * provinces, for the last quarter ended, is timed (p50/p95/p99 over BENCH_REPETITIONS sequential
 * calls after a warm-up) beside its underlying SQL: the very queries one call runs, recorded, then
 * run one after another on one pg connection in the same run (these machines are noisy: the ratio
 * compares across runs). Goal: p95 under 100 ms, and at most 1.5 times the underlying SQL.
 *   npm run bench:indicators      BENCH_TASKS=50000 BENCH_INDICATORS=50 BENCH_REPETITIONS=40 npm run bench:indicators
 * BENCH_KEEP_DATABASE=1 keeps the generated database, BENCH_DATABASE=<its url> runs on it again, and
 * BENCH_EXPLAIN=1 prints the plans of the recorded queries.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import { SYSTEM } from '../src/server/kernel/principal.ts';
import { getScorecards } from '../src/server/modules/indicators/scorecards.service.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { today } from '../src/shared/domain/calendar-date.ts';
import { periodContaining, previousPeriod } from '../src/shared/domain/reporting-periods.ts';
import { generateIndicators } from './indicators-dataset.ts';
import { PRODUCT_TYPES, printPlans, type RecordedQuery, recordingDb } from './recording-db.ts';
import { CPUS, ms, printTable, time, type Timing, verdict } from './support.ts';
import { generateDataset } from './tasks-dataset.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 200);
const REPORTERS = Number(process.env.BENCH_REPORTERS ?? 200);
const QUARTERS = Number(process.env.BENCH_QUARTERS ?? 8);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 100);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 10);
const TIMING = { warmUp: WARM_UP, repetitions: REPETITIONS, maxSeconds: Number(process.env.BENCH_MAX_SECONDS ?? 60) };
const TARGET_P95_MS = 100;
const TARGET_RATIO = 1.5;
const TODAY = today();
const QUARTER = previousPeriod(periodContaining('quarter', TODAY));

/** Runs the recorded queries of one call one after another on one connection: the SQL beneath the service. */
async function replay(client: pg.Client, queries: readonly RecordedQuery[]): Promise<void> {
  for (const query of queries) await client.query(query.sql, [...query.parameters]);
}

const REUSED_URL = process.env.BENCH_DATABASE;
const scratch = REUSED_URL ? { url: REUSED_URL, drop: async () => {} } : await createScratchDatabase(SERVER_URL);
let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
const client = new pg.Client({ connectionString: scratch.url, types: PRODUCT_TYPES });
try {
  handle = await openPostgres(scratch.url);
  const { db } = handle;
  await migrateToLatest(db);
  await client.connect();
  await client.query(`SET max_parallel_workers_per_gather = 0; SET jit = off`);
  let generationSeconds = 0;
  let counts: Record<string, number> = {};
  if (!REUSED_URL) {
    const start = performance.now();
    const tasks = await generateDataset(client, { tasks: TASKS, reportsPerTask: 2, today: TODAY });
    const indicators = await generateIndicators(client, {
      indicators: INDICATORS,
      reporters: REPORTERS,
      quarters: QUARTERS,
      lastQuarterEnd: QUARTER.end,
    });
    counts = { ...tasks, ...indicators };
    generationSeconds = (performance.now() - start) / 1000;
  } else {
    const { rows } = await sql<{ task: number; indicator_observation: number }>`
      SELECT (SELECT count(*) FROM task)::int AS task,
             (SELECT count(*) FROM indicator_observation)::int AS indicator_observation`.execute(db);
    counts = { ...rows[0] };
  }
  console.log(
    `Dataset${generationSeconds ? ` generated in ${generationSeconds.toFixed(0)} s` : ''}: ${Object.entries(counts)
      .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
      .join(', ')}`,
  );

  const rows: Array<{ kind: string; service: Timing; raw: Timing; queries: number; cards: number }> = [];
  for (const kind of ['ministries', 'provinces'] as const) {
    const query = { kind, period: QUARTER.key };
    const recorded: RecordedQuery[] = [];
    const recording = recordingDb(scratch.url, recorded);
    const recordedCards = await getScorecards(recording, SYSTEM, query);
    await recording.destroy();
    const cards = await getScorecards(db, SYSTEM, query);
    // The same figures through the product's connection and the recording one: the replay runs what was timed.
    if (JSON.stringify(cards) !== JSON.stringify(recordedCards)) throw new Error(`${kind}: the two readings differ`);
    if (cards.items.filter((card) => card.score !== null).length === 0) throw new Error(`${kind}: nothing scored`);
    // Every reporter's indicators count: the benchmark measures them all (decision 0033).
    if (!cards.items.some((card) => card.indicators.count > 0)) throw new Error(`${kind}: no indicator counted`);
    if (process.env.BENCH_EXPLAIN === '1') {
      await printPlans(
        recorded,
        async (text) => (await client.query<{ 'QUERY PLAN': string }>(text)).rows,
        `${kind}: `,
      );
    }
    const service = await time(`getScorecards — ${kind}`, () => getScorecards(db, SYSTEM, query), TIMING);
    const raw = await time(`underlying SQL — ${kind}`, () => replay(client, recorded), TIMING);
    rows.push({ kind, service, raw, queries: recorded.length, cards: cards.items.length });
    console.log(`  ${kind}: p95 ${ms(service.p95)} ms, its SQL ${ms(raw.p95)} ms`);
  }

  console.log(
    `\nSteerboard scorecard benchmark (PostgreSQL; ${INDICATORS} indicators × ${REPORTERS} organizations × ${QUARTERS} quarters; ${TASKS.toLocaleString('en')} tasks; quarter ${QUARTER.key}; ${REPETITIONS} sequential calls after ${WARM_UP} warm-up; ${CPUS} CPUs)`,
  );
  console.log(
    `Each call scores the quarter and the one before it (for the change). Goals: p95 ≤ ${TARGET_P95_MS} ms, judged on a quiet machine, and ≤ ${TARGET_RATIO} × the underlying SQL.`,
  );
  printTable(
    ['agencies', 'cards', 'queries', 'p50', 'p95', 'p99', 'SQL p95', 'p95 / SQL', 'load', 'target', 'ratio'],
    rows.map(({ kind, service, raw, queries, cards }) => [
      kind,
      String(cards),
      String(queries),
      ms(service.p50),
      ms(service.p95),
      ms(service.p99),
      ms(raw.p95),
      (service.p95 / raw.p95).toFixed(2),
      service.load.toFixed(1),
      verdict(service, TARGET_P95_MS),
      service.p95 / raw.p95 <= TARGET_RATIO ? 'met' : 'missed',
    ]),
  );
  const missed = rows.filter(
    ({ service, raw }) => verdict(service, TARGET_P95_MS) === 'missed' || service.p95 / raw.p95 > TARGET_RATIO,
  ).length;
  if (missed) process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
  await handle?.close();
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`\nKept ${scratch.url}`);
  else await scratch.drop();
}
