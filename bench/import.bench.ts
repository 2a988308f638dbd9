/**
 * A 1,000-row task import on PostgreSQL, through the service the job runs: a dry run (median of
 * BENCH_REPETITIONS), the apply that creates the tasks, and a second apply that changes every
 * title (updates go row by row through updateTask). Each is reported beside two baselines measured
 * in the same run: reading the workbook, and 1,000 single-row inserts in one transaction; these
 * machines are noisy, the ratios compare across runs.
 *   npm run bench:import      BENCH_ROWS=2000 BENCH_REPETITIONS=5 npm run bench:import
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import { loadPrincipal } from '../src/server/modules/auth/auth.service.ts';
import { type SheetRow, taskWorkbook } from '../src/server/modules/spreadsheets/spreadsheets-test-support.ts';
import { importTasks } from '../src/server/modules/spreadsheets/task-import.service.ts';
import { readTaskSheet } from '../src/server/modules/spreadsheets/task-sheet-reader.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { buildProgramme } from '../src/server/testing/task-factory.ts';
import { seedTestWorld } from '../src/server/testing/test-world.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);

const sheetRow = (i: number, title = `Nhiệm vụ thử tải số ${i + 1}`): SheetRow => ({
  'Tên nhiệm vụ': title,
  'Nhóm nhiệm vụ (số)': 2,
  'Số văn bản giao': '57-NQ/TW',
  'Mã cơ quan chủ trì': i % 2 ? 'BKHCN' : '01',
  'Mã cơ quan phối hợp': '01, 79',
  'Thời hạn hoàn thành': new Date('2026-06-30T00:00:00Z'),
  'Sản phẩm đầu ra': 'Hệ thống thông tin',
  'Mức độ ưu tiên': 'Khẩn',
  Mật: 'không',
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i += 1) times.push((await timed(run)).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

const scratch = await createScratchDatabase(SERVER_URL);
const handle = await openPostgres(scratch.url);
try {
  await migrateToLatest(handle.db);
  const world = await seedTestWorld(handle.db);
  await buildProgramme(handle.db, world);
  const principal = await loadPrincipal(handle.db, world.person.steering.id, '', 'session');
  const actor = () => ({ principal, now: new Date() });
  const file = await taskWorkbook(Array.from({ length: ROWS }, (_, i) => sheetRow(i)));

  const parseMs = await median(() => readTaskSheet(file));
  await sql`CREATE TABLE bench_row (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text, n int)`.execute(
    handle.db,
  );
  const insertsMs = await median(() =>
    handle.db.transaction().execute(async (tx) => {
      for (let i = 0; i < ROWS; i += 1) {
        await sql`INSERT INTO bench_row (title, n) VALUES (${`row ${i}`}, ${i})`.execute(tx);
      }
    }),
  );
  const run = (bytes: Buffer, dryRun: boolean) =>
    importTasks(handle.db, actor(), { bytes, dryRun, programme: 'R57', locale: 'vi' });
  const dryRunMs = await median(() => run(file, true));
  const apply = await timed(() => run(file, false));
  if (apply.result.summary.create !== ROWS || !apply.result.applied) {
    throw new Error(`apply did not create ${ROWS} tasks: ${JSON.stringify(apply.result.summary)}`);
  }
  const codes = apply.result.rows.map((row) => row.code ?? '');
  const retitled = await taskWorkbook(
    codes.map((code, i) => ({ 'Mã nhiệm vụ': code, ...sheetRow(i, `Nhiệm vụ thử tải (sửa) số ${i + 1}`) })),
  );
  const update = await timed(() => run(retitled, false));
  if (update.result.summary.update !== ROWS) {
    throw new Error(`the second apply did not update ${ROWS} tasks: ${JSON.stringify(update.result.summary)}`);
  }

  console.log(`\nTask import of ${ROWS} rows on PostgreSQL (median of ${REPETITIONS} where repeated)`);
  console.log('| measurement | ms | ratio to reading the workbook | ratio to single-row inserts |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, ms] of [
    ['baseline: read the workbook', parseMs],
    [`baseline: ${ROWS} single-row inserts`, insertsMs],
    ['dry run (all rows create)', dryRunMs],
    ['apply: create every row', apply.ms],
    ['apply: update every row', update.ms],
  ] as const) {
    console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / parseMs).toFixed(2)} | ${(ms / insertsMs).toFixed(2)} |`);
  }
} finally {
  await handle.close();
  await scratch.drop();
}
