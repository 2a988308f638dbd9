/**
 * The task dashboard at national scale, on PostgreSQL: 200,000 tasks with their period history and
 * 2,000,000 progress reports over the whole organization tree, generated into a scratch database.
 * Each dashboard is timed (p50/p95/p99 over BENCH_REPETITIONS sequential calls after a warm-up)
 * beside two baselines measured the same way in the same run (these machines are noisy, the ratios
 * compare across runs): the raw grouped count over every task, which the dashboard used to run, and
 * the tally read it rests on now (decision 0011). The dashboard's totals must equal the raw count's.
 * Writes pay for the tallies: a period write is timed with the triggers on and off.
 *   npm run bench:tasks      BENCH_TASKS=50000 BENCH_REPETITIONS=50 BENCH_EXPLAIN=1 npm run bench:tasks
 */
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Db, migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import type { Database } from '../src/server/db/schema.ts';
import { type Principal, SYSTEM } from '../src/server/modules/auth/principal.ts';
import { getDashboard } from '../src/server/modules/dashboard/dashboard.service.ts';
import { talliedCounts } from '../src/server/modules/dashboard/task-tallies.repository.ts';
import { recordPeriod } from '../src/server/modules/tasks/tasks.repository.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { headlineOf, type Headline } from '../src/shared/domain/headline.ts';
import { addDays, today } from '../src/shared/domain/calendar-date.ts';
import { ms, time, type Timing } from './support.ts';
import { generateDataset } from './tasks-dataset.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const REPORTS_PER_TASK = Number(process.env.BENCH_REPORTS_PER_TASK ?? 10);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
/** A measurement stops early after this long, so that a slow dashboard cannot take the run hostage. */
const MAX_SECONDS_EACH = Number(process.env.BENCH_MAX_SECONDS ?? 40);
const TARGET_P95_MS = 50;
const WRITES = Number(process.env.BENCH_WRITES ?? 200);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const TODAY = today();
const PAST = '2025-09-30';

const TIMING = { warmUp: WARM_UP, repetitions: REPETITIONS, maxSeconds: MAX_SECONDS_EACH };

/**
 * The grouped count every dashboard figure rests on, written here independently of the product's
 * query builder: tasks led within the scope (a sub-task unless its parent is led strictly inside it:
 * decision 0021), in the period covering as_of, counted by timeliness.
 */
async function rawCounts(db: Db, scopePath: string, asOf: string): Promise<Record<string, number>> {
  const scope = `${scopePath}%`;
  const { rows } = await sql<{ timeliness: string | null; n: number }>`
    SELECT CASE
        WHEN p.state = 'completed' THEN
          CASE WHEN p.effective_deadline IS NULL OR p.completed_on IS NULL OR p.completed_on <= p.effective_deadline
               THEN 'on_time' ELSE 'late' END
        WHEN p.state IN ('assigned', 'in_progress', 'submitted') THEN
          CASE WHEN p.effective_deadline IS NULL THEN 'ongoing'
               WHEN ${asOf}::date > p.effective_deadline THEN 'overdue'
               WHEN p.effective_deadline - ${asOf}::date <= 7 THEN 'due_soon'
               ELSE 'on_track' END
      END AS timeliness, count(*) AS n
    FROM task t
    JOIN task_period p ON p.task_id = t.id AND p.valid_from <= ${asOf}::date
      AND (p.valid_to IS NULL OR p.valid_to > ${asOf}::date)
    WHERE t.lead_path LIKE ${scope}
      AND (t.parent_lead_path IS NULL OR t.parent_lead_path NOT LIKE ${scope} OR t.parent_lead_path = ${scopePath})
    GROUP BY 1`.execute(db);
  return Object.fromEntries(
    rows.filter((row) => row.timeliness !== null).map((row) => [row.timeliness, Number(row.n)]),
  );
}

const HEADLINE_KEYS = [
  'total',
  'completed',
  'completedOnTime',
  'completedLate',
  'inProgress',
  'overdue',
  'dueSoon',
] as const;

function checkTotals(label: string, dashboard: Awaited<ReturnType<typeof getDashboard>>, raw: Headline): void {
  const sum = (rows: Headline[]) => rows.reduce((total, row) => total + row.total, 0);
  const problems = HEADLINE_KEYS.filter((key) => dashboard[key] !== raw[key]).map(
    (key) => `${key}: dashboard ${dashboard[key]}, raw ${raw[key]}`,
  );
  if (sum(dashboard.byOrganization) !== raw.total)
    problems.push(`by organization sums to ${sum(dashboard.byOrganization)}`);
  if (sum(dashboard.byGroup) !== raw.total) problems.push(`by group sums to ${sum(dashboard.byGroup)}`);
  if (raw.total === 0) problems.push('nothing counted');
  if (problems.length)
    throw new Error(`${label}: the dashboard disagrees with the raw count\n  ${problems.join('\n  ')}`);
  console.log(
    `  ${label}: ${raw.total} tasks, ${raw.completed} completed, ${raw.inProgress} in progress (${raw.dueSoon} due soon), ${raw.overdue} overdue — dashboard agrees`,
  );
}

/** A Kysely beside the product's that records every query it runs, to EXPLAIN them. */
function recordingDb(url: string, recorded: { sql: string; parameters: readonly unknown[] }[]) {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 1082
        ? (value: string) => value
        : oid === 20
          ? Number
          : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
  const pool = new pg.Pool({ connectionString: url, max: 4, types });
  const db: Db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return db;
}

async function explainDashboard(url: string, scope: string, asOf: string): Promise<void> {
  const recorded: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = recordingDb(url, recorded);
  try {
    await getDashboard(db, SYSTEM, { scope, as_of: asOf });
    for (const query of recorded.splice(0)) {
      const { rows } = await sql
        .raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inline(query.sql, query.parameters)}`)
        .execute(db);
      const plan = rows.map((row) => row['QUERY PLAN']);
      console.log(`\n-- ${query.sql.replace(/\s+/g, ' ').slice(0, 160)}…\n${plan.join('\n')}`);
    }
  } finally {
    await db.destroy();
  }
}

/** The query with its parameters written in, as EXPLAIN takes no bind parameters through Kysely. */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = parameters[Number(index) - 1];
    if (typeof value === 'number') return String(value);
    // An array parameter (organization ids) is written as a PostgreSQL array literal.
    const text = Array.isArray(value) ? `{${value.join(',')}}` : String(value);
    return `'${text.replace(/'/g, "''")}'`;
  });
}

/**
 * A period write (recordPeriod, in its own transaction, as a report or a transition does) on open
 * tasks, with the tally triggers on, and off through the replica role: what keeping the tallies costs.
 * Each write moves a task to `submitted` tomorrow; the writes with triggers off are undone.
 */
async function timePeriodWrites(url: string): Promise<{ on: Timing; off: Timing }> {
  const handle = await openPostgres(url);
  try {
    const { db } = handle;
    const open = await db
      .selectFrom('task_period')
      .select(['task_id', 'effective_deadline'])
      .where('valid_to', 'is', null)
      .where('state', '=', 'in_progress')
      .limit(2 * WRITES)
      .execute();
    const tomorrow = addDays(TODAY, 1);
    const writeOne = (replica: boolean) => async (index: number) =>
      db
        .transaction()
        .execute(async (tx) => {
          if (replica) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
          const task = open[index % open.length];
          if (!task) throw new Error('no open task to write');
          await recordPeriod(tx, task.task_id, tomorrow, {
            state: 'submitted',
            effective_deadline: task.effective_deadline,
            completed_on: null,
          });
          if (replica) throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
    const timeWrites = (name: string, write: (index: number) => Promise<unknown>, offset: number) =>
      time(name, (call) => write(offset + call), { warmUp: 0, repetitions: WRITES, maxSeconds: Infinity });
    const off = await timeWrites('period write, tally triggers off (baseline)', writeOne(true), 0);
    const on = await timeWrites('period write, tallies kept', writeOne(false), WRITES);
    return { on, off };
  } finally {
    await handle.close();
  }
}

class RolledBack extends Error {}

const scratch = await createScratchDatabase(SERVER_URL);
let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
try {
  handle = await openPostgres(scratch.url);
  const { db } = handle;
  await migrateToLatest(db);

  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const generationStart = performance.now();
  const counts = await generateDataset(client, { tasks: TASKS, reportsPerTask: REPORTS_PER_TASK, today: TODAY });
  const generationSeconds = (performance.now() - generationStart) / 1000;
  await client.end();
  console.log(
    `Generated in ${generationSeconds.toFixed(1)} s (with VACUUM ANALYZE): ${Object.entries(counts)
      .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
      .join(', ')}`,
  );

  const pathOf = async (code: string) =>
    (await db.selectFrom('organization').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;
  const cases = [
    { label: 'whole country', scope: 'VN', asOf: TODAY },
    { label: 'whole country', scope: 'VN', asOf: PAST },
    { label: `province ${PROVINCE}`, scope: PROVINCE, asOf: TODAY },
    { label: `province ${PROVINCE}`, scope: PROVINCE, asOf: PAST },
  ];

  console.log('\nChecking the dashboards against the raw count:');
  for (const c of cases) {
    const raw = headlineOf(await rawCounts(db, await pathOf(c.scope), c.asOf));
    checkTotals(`${c.label} as of ${c.asOf}`, await getDashboard(db, SYSTEM, { scope: c.scope, as_of: c.asOf }), raw);
  }

  // A steering member reads through the confidential-task filter (decision 0015); SYSTEM, an inspector, does not.
  const steering: Principal = { ...SYSTEM, grants: [{ role: 'steering', scopePath: await pathOf('VN') }] };
  const rows: { baseline: Timing; tallied: Timing; dashboard: Timing; asSteering: Timing }[] = [];
  for (const c of cases) {
    const scopePath = await pathOf(c.scope);
    const name = `${c.label}, as of ${c.asOf === TODAY ? `today (${TODAY})` : c.asOf}`;
    const baseline = await time(
      `raw grouped count over every task — ${name} (baseline)`,
      () => rawCounts(db, scopePath, c.asOf),
      TIMING,
    );
    const tallied = await time(
      `tally read the dashboard rests on — ${name}`,
      () => talliedCounts(db, { scopePath, asOf: c.asOf, dueSoonDays: 7 }),
      TIMING,
    );
    const dashboard = await time(
      `getDashboard — ${name}`,
      () => getDashboard(db, SYSTEM, { scope: c.scope, as_of: c.asOf }),
      TIMING,
    );
    const asSteering = await time(
      `getDashboard as a steering member (confidential filter) — ${name}`,
      () => getDashboard(db, steering, { scope: c.scope, as_of: c.asOf }),
      TIMING,
    );
    rows.push({ baseline, tallied, dashboard, asSteering });
    console.log(`  measured ${name}: dashboard p95 ${ms(dashboard.p95)} ms, raw count p95 ${ms(baseline.p95)} ms`);
  }
  const writes = await timePeriodWrites(scratch.url);

  const missed = rows.filter((row) => Math.max(row.dashboard.p95, row.asSteering.p95) >= TARGET_P95_MS);
  if (process.env.BENCH_EXPLAIN === '1' || missed.length) {
    for (const c of cases) {
      console.log(`\nQuery plans of the dashboard: ${c.label}, as of ${c.asOf}`);
      await explainDashboard(scratch.url, c.scope, c.asOf);
    }
  }

  console.log(
    `\nSteerboard task dashboard benchmark (PostgreSQL, ${counts.task?.toLocaleString('en')} tasks, ${counts.progress_report?.toLocaleString('en')} progress reports; sequential calls, ${WARM_UP} warm-up; generation ${generationSeconds.toFixed(0)} s)`,
  );
  console.log(
    `| measurement | n | p50 ms | p95 ms | p99 ms | p95 / raw count | p95 / tally read | target p95 < ${TARGET_P95_MS} ms |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { baseline, tallied, dashboard, asSteering } of rows) {
    for (const row of [baseline, tallied, dashboard, asSteering]) {
      const verdict = row === baseline || row === tallied ? '' : row.p95 < TARGET_P95_MS ? 'met' : '**missed**';
      console.log(
        `| ${row.name} | ${row.n} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${(row.p95 / baseline.p95).toFixed(3)} | ${(row.p95 / tallied.p95).toFixed(2)} | ${verdict} |`,
      );
    }
  }
  console.log(`\nWhat the tallies cost a write (one period written per transaction, ${writes.on.n} writes each):`);
  console.log('| measurement | n | p50 ms | p95 ms | p99 ms | p95 ratio |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of [writes.off, writes.on]) {
    console.log(
      `| ${row.name} | ${row.n} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${(row.p95 / writes.off.p95).toFixed(2)} |`,
    );
  }
  if (missed.length) process.exitCode = 1;
} finally {
  await handle?.close();
  // BENCH_KEEP_DATABASE=1 keeps the generated database to study plans by hand; it is dropped otherwise.
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`\nKept ${scratch.url}`);
  else await scratch.drop();
}
