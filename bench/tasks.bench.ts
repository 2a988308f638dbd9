/**
 * The task list and the dashboard at national scale, on PostgreSQL: 200,000 tasks with their period
 * history and 2,000,000 progress reports over the whole organization tree, generated into a scratch
 * database. Each call is timed (p50/p95/p99 over BENCH_REPETITIONS sequential calls after a warm-up)
 * beside baselines measured the same way in the same run (these machines are noisy: the ratios compare
 * across runs):
 * - a page of 20 of the task list (listTasks), first page and common filters, beside its raw SQL page:
 *   the same queries run directly with pg (task-list-timings.ts, decision 0023);
 * - the dashboard, beside the raw grouped count over every task, which it used to run, and the tally
 *   read it rests on now (decision 0011). The dashboard's totals must equal the raw count's.
 * Writes pay for the tallies: a period write is timed with the triggers on and off.
 * A p95 target is judged only on a quiet machine (support.ts, verdict); the run exits 1 when a figure
 * disagrees or a judged target is missed.
 *   npm run bench:tasks      BENCH_TASKS=50000 BENCH_REPETITIONS=50 BENCH_EXPLAIN=1 npm run bench:tasks
 * To study plans: BENCH_KEEP_DATABASE=1 keeps the generated database, BENCH_DATABASE=<its url> runs on it
 * again without generating, and BENCH_ONLY=list (or dashboard, writes) runs one part.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import { type Principal, SYSTEM } from '../src/server/kernel/principal.ts';
import { getDashboard } from '../src/server/modules/dashboard/dashboard.service.ts';
import { talliedCounts } from '../src/server/modules/dashboard/task-tallies.repository.ts';
import { recordPeriod } from '../src/server/modules/tasks/tasks.repository.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { headlineOf, type Headline } from '../src/shared/domain/headline.ts';
import { today } from '../src/shared/domain/calendar-date.ts';
import { printPlans, type RecordedQuery, recordingDb } from './recording-db.ts';
import { CPUS, ms, printTable, time, type Timing, verdict } from './support.ts';
import { LIST_PAGE_SIZE, taskListCases, timeTaskList } from './task-list-timings.ts';
import { generateDataset } from './tasks-dataset.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const REPORTS_PER_TASK = Number(process.env.BENCH_REPORTS_PER_TASK ?? 10);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
/** A measurement stops early after this long, so that a slow dashboard cannot take the run hostage. */
const MAX_SECONDS_EACH = Number(process.env.BENCH_MAX_SECONDS ?? 40);
/** A page of the task list, and a dashboard: p95 targets on a quiet machine (verdict in support.ts). */
const LIST_TARGET_P95_MS = 30;
const DASHBOARD_TARGET_P95_MS = 50;
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

async function explainDashboard(url: string, scope: string, asOf: string): Promise<void> {
  const recorded: RecordedQuery[] = [];
  const db = recordingDb(url, recorded);
  try {
    await getDashboard(db, SYSTEM, { scope, as_of: asOf });
    await printPlans(
      recorded.splice(0),
      async (text) => (await sql.raw<{ 'QUERY PLAN': string }>(text).execute(db)).rows,
    );
  } finally {
    await db.destroy();
  }
}

/**
 * A period write (recordPeriod, in its own transaction, as a report or a transition does) on open
 * tasks, with the tally triggers on, and off through the replica role: what keeping the tallies costs.
 * Each write moves a task to `submitted` today, as a request would (nothing is recorded on a later day:
 * decision 0030); the writes with triggers off are undone.
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
    const writeOne = (replica: boolean) => async (index: number) =>
      db
        .transaction()
        .execute(async (tx) => {
          if (replica) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
          const task = open[index % open.length];
          if (!task) throw new Error('no open task to write');
          await recordPeriod(tx, task.task_id, TODAY, {
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

/** The rows of a kept database (BENCH_DATABASE), as generateDataset reports them. */
async function datasetCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ task: number; progress_report: number }>`
    SELECT (SELECT count(*) FROM task)::int AS task, (SELECT count(*) FROM progress_report)::int AS progress_report`.execute(
    db,
  );
  return { ...rows[0] };
}

/** Which parts run (BENCH_ONLY=list,dashboard,writes; all by default). */
const PARTS = new Set((process.env.BENCH_ONLY ?? 'list,dashboard,writes').split(','));
const REUSED_URL = process.env.BENCH_DATABASE;

const scratch = REUSED_URL ? { url: REUSED_URL, drop: async () => {} } : await createScratchDatabase(SERVER_URL);
let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
try {
  handle = await openPostgres(scratch.url);
  const { db } = handle;
  await migrateToLatest(db);

  let counts: Record<string, number>;
  let generationSeconds = 0;
  if (REUSED_URL) {
    counts = await datasetCounts(db);
    console.log(`Reusing ${REUSED_URL}`);
  } else {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const generationStart = performance.now();
    counts = await generateDataset(client, { tasks: TASKS, reportsPerTask: REPORTS_PER_TASK, today: TODAY });
    generationSeconds = (performance.now() - generationStart) / 1000;
    await client.end();
    console.log(
      `Generated in ${generationSeconds.toFixed(1)} s (with VACUUM ANALYZE): ${Object.entries(counts)
        .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
        .join(', ')}`,
    );
  }

  const pathOf = async (code: string) =>
    (await db.selectFrom('organization').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;
  const cases = [
    { label: 'whole country', scope: 'VN', asOf: TODAY },
    { label: 'whole country', scope: 'VN', asOf: PAST },
    { label: `province ${PROVINCE}`, scope: PROVINCE, asOf: TODAY },
    { label: `province ${PROVINCE}`, scope: PROVINCE, asOf: PAST },
  ];

  console.log('\nChecking the dashboards against the raw count:');
  for (const c of PARTS.has('dashboard') ? cases : []) {
    const raw = headlineOf(await rawCounts(db, await pathOf(c.scope), c.asOf));
    checkTotals(`${c.label} as of ${c.asOf}`, await getDashboard(db, SYSTEM, { scope: c.scope, as_of: c.asOf }), raw);
  }

  // A steering member reads through the confidential-task filter (decision 0015); SYSTEM, an inspector, does not.
  const steering: Principal = { ...SYSTEM, grants: [{ role: 'steering', scopePath: await pathOf('VN') }] };

  console.log(`\nTask list, a page of ${LIST_PAGE_SIZE}:`);
  const listRows = PARTS.has('list')
    ? await timeTaskList(db, scratch.url, taskListCases(SYSTEM, steering, { province: PROVINCE, past: PAST }), {
        ...TIMING,
        explain: process.env.BENCH_EXPLAIN === '1',
      })
    : [];

  console.log('\nDashboard:');
  const rows: { name: string; baseline: Timing; tallied: Timing; dashboard: Timing; asSteering: Timing }[] = [];
  for (const c of PARTS.has('dashboard') ? cases : []) {
    const scopePath = await pathOf(c.scope);
    const name = `${c.label}, as of ${c.asOf === TODAY ? `today (${TODAY})` : c.asOf}`;
    const baseline = await time(`raw grouped count — ${name}`, () => rawCounts(db, scopePath, c.asOf), TIMING);
    const tallied = await time(
      `tally read — ${name}`,
      () => talliedCounts(db, { scopePath, asOf: c.asOf, dueSoonDays: 7 }),
      TIMING,
    );
    const dashboard = await time(
      `getDashboard — ${name}`,
      () => getDashboard(db, SYSTEM, { scope: c.scope, as_of: c.asOf }),
      TIMING,
    );
    const asSteering = await time(
      `getDashboard, steering member — ${name}`,
      () => getDashboard(db, steering, { scope: c.scope, as_of: c.asOf }),
      TIMING,
    );
    rows.push({ name, baseline, tallied, dashboard, asSteering });
    console.log(`  ${name}: dashboard p95 ${ms(dashboard.p95)} ms, raw count p95 ${ms(baseline.p95)} ms`);
  }
  const writes = PARTS.has('writes') ? await timePeriodWrites(scratch.url) : undefined;

  const verdicts = [
    ...listRows.map((row) => verdict(row.service, LIST_TARGET_P95_MS)),
    ...rows.flatMap((row) => [row.dashboard, row.asSteering].map((timing) => verdict(timing, DASHBOARD_TARGET_P95_MS))),
  ];
  if (
    PARTS.has('dashboard') &&
    (process.env.BENCH_EXPLAIN === '1' ||
      rows.some((row) => verdict(row.dashboard, DASHBOARD_TARGET_P95_MS) === 'missed'))
  ) {
    for (const c of cases) {
      console.log(`\nQuery plans of the dashboard: ${c.label}, as of ${c.asOf}`);
      await explainDashboard(scratch.url, c.scope, c.asOf);
    }
  }

  console.log(
    `\nSteerboard task benchmark (PostgreSQL, ${counts.task?.toLocaleString('en')} tasks, ${counts.progress_report?.toLocaleString('en')} progress reports; ${REPETITIONS} sequential calls each after ${WARM_UP} warm-up; generation ${generationSeconds.toFixed(0)} s; ${CPUS} CPUs)`,
  );
  console.log(`Targets are judged only when the load average stayed at most ${CPUS}, the CPUs: under load the`);
  console.log('absolute times measure the wait for a CPU, and the ratios to the baseline of the same run compare.');

  console.log(
    `\nTask list, a page of ${LIST_PAGE_SIZE} (listTasks), against its raw SQL page (the same page and count queries run directly with pg, in parallel as the service runs them); target p95 ≤ ${LIST_TARGET_P95_MS} ms:`,
  );
  printTable(
    ['case', 'matches', 'list p50', 'list p95', 'list p99', 'raw SQL p95', 'list p95 / raw', 'load', 'target'],
    listRows.map(({ label, matched, service, raw }) => [
      label,
      matched,
      ms(service.p50),
      ms(service.p95),
      ms(service.p99),
      ms(raw.p95),
      (service.p95 / raw.p95).toFixed(2),
      service.load.toFixed(1),
      verdict(service, LIST_TARGET_P95_MS),
    ]),
  );

  console.log(
    `\nDashboard (getDashboard), against the tally read it rests on and the raw grouped count it replaced; target p95 ≤ ${DASHBOARD_TARGET_P95_MS} ms:`,
  );
  printTable(
    [
      'case',
      'reader',
      'p50',
      'p95',
      'p99',
      'tally read p95',
      'p95 / tally read',
      'raw count p95',
      'p95 / raw count',
      'load',
      'target',
    ],
    rows.flatMap(({ name, baseline, tallied, dashboard, asSteering }) =>
      [
        ['inspector', dashboard],
        ['steering member', asSteering],
      ].map(([reader, timing]) => {
        const row = timing as Timing;
        return [
          name,
          reader as string,
          ms(row.p50),
          ms(row.p95),
          ms(row.p99),
          ms(tallied.p95),
          (row.p95 / tallied.p95).toFixed(2),
          ms(baseline.p95),
          (row.p95 / baseline.p95).toFixed(2),
          row.load.toFixed(1),
          verdict(row, DASHBOARD_TARGET_P95_MS),
        ];
      }),
    ),
  );

  if (writes) {
    console.log(`\nWhat the tallies cost a write (one period written per transaction, ${writes.on.n} writes each):`);
    printTable(
      ['measurement', 'p50', 'p95', 'p99', 'p95 / triggers off'],
      [writes.off, writes.on].map((row) => [
        row.name,
        ms(row.p50),
        ms(row.p95),
        ms(row.p99),
        (row.p95 / writes.off.p95).toFixed(2),
      ]),
    );
  }
  const missed = verdicts.filter((value) => value === 'missed').length;
  const unjudged = verdicts.filter((value) => value === 'not judged').length;
  console.log(
    `\n${verdicts.length - missed - unjudged} targets met, ${missed} missed, ${unjudged} not judged (the machine was busy).`,
  );
  if (missed) process.exitCode = 1;
} finally {
  await handle?.close();
  // BENCH_KEEP_DATABASE=1 keeps the generated database to study plans by hand; it is dropped otherwise.
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`\nKept ${scratch.url}`);
  else await scratch.drop();
}
