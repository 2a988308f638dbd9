/**
 * Task imports on PostgreSQL, through the service the job runs, as ratios to baselines measured in
 * the same run (these machines are noisy; the ratios compare across runs).
 *
 * Reading: the import template of the programme filled with 3,000 rows as a user would (its
 * drop-down validations over 5,000 rows kept), read by exceljs as it loads by default (validation
 * ranges expanded cell by cell: how the reader loaded before) and as the reader loads now
 * (validations skipped), then whole (rows read), in place and in a worker thread, with the longest
 * event-loop stall of each; and the same file with its validations drawn over whole columns.
 *
 * Writing: 1,000 rows, a dry run (median of BENCH_REPETITIONS), the apply that creates the tasks,
 * the apply that changes every one of them (update-heavy), beside reading that workbook and 1,000
 * single-row inserts in one transaction; then how long another audited writer waits while each
 * kind of apply runs (the audit lock, decision 0010), beside the same write with nothing running.
 *   npm run bench:import      BENCH_ROWS=2000 BENCH_REPETITIONS=5 npm run bench:import
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import * as audit from '../src/server/modules/audit/audit.service.ts';
import { loadPrincipal } from '../src/server/modules/auth/auth.service.ts';
import { SYSTEM } from '../src/server/kernel/principal.ts';
import { fillTemplate, type SheetRow, taskWorkbook } from '../src/server/testing/spreadsheets-test-support.ts';
import { importTasks } from '../src/server/modules/task-import/task-import.service.ts';
import { readTaskSheet } from '../src/server/modules/task-import/task-sheet-reader.ts';
import { loadWorkbook } from '../src/server/modules/spreadsheets/workbook-reading.ts';
import { readTaskSheetOffThread } from '../src/server/modules/task-import/task-sheet-thread.ts';
import { taskImportTemplate } from '../src/server/modules/task-import/task-template.service.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { buildProgramme } from '../src/server/testing/task-factory.ts';
import { seedTestWorld } from '../src/server/testing/test-world.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000);
const TEMPLATE_ROWS = 3_000;
const FORMATTED_DOWN_TO = 30_000;
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

async function median(run: () => Promise<unknown>, repetitions = REPETITIONS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i += 1) times.push((await timed(run)).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

/** The longest the event loop was held while `run` ran: the longest gap between 1 ms timer ticks. */
async function longestStall(run: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await run();
  // The tick held back by the run's last stretch fires now.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticks);
  return longest;
}

type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } };

/** The file with its validations over whole columns, as Excel writes them when whole columns are picked. */
async function withWholeColumnValidations(bytes: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0] as unknown as Validations;
  const model = sheet.dataValidations.model;
  sheet.dataValidations.model = Object.fromEntries(
    ['D', 'J', 'K', 'L'].map((column) => [`${column}3:${column}1048576`, model[`${column}3`]]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file with borders drawn on every cell of the tasks' columns down to `lastRow`, below the data. */
async function withFormattingDownTo(bytes: Buffer, lastRow: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  for (let row = sheet.actualRowCount + 1; row <= lastRow; row += 1) {
    for (let column = 1; column <= 12; column += 1)
      sheet.getRow(row).getCell(column).border = { top: { style: 'thin' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function table(title: string, baselines: string[], rows: Array<[string, number]>) {
  const values = new Map(rows);
  console.log(`\n${title}`);
  console.log(`| measurement | ms | ${baselines.map((b) => `ratio to ${b}`).join(' | ')} |`);
  console.log(`| --- | ---: |${baselines.map(() => ' ---: |').join('')}`);
  for (const [name, ms] of rows) {
    const ratios = baselines.map((b) => (ms / (values.get(b) ?? NaN)).toFixed(2));
    console.log(`| ${name} | ${ms.toFixed(0)} | ${ratios.join(' | ')} |`);
  }
}

const scratch = await createScratchDatabase(SERVER_URL);
const handle = await openPostgres(scratch.url);
try {
  await migrateToLatest(handle.db);
  const world = await seedTestWorld(handle.db);
  await buildProgramme(handle.db, world);
  const principal = await loadPrincipal(handle.db, world.person.steering.id, '', 'session');
  const actor = () => ({ principal, now: new Date() });

  // Reading a filled template.
  const template = (await taskImportTemplate(handle.db, 'R57')).body;
  const filled = await fillTemplate(
    template,
    Array.from({ length: TEMPLATE_ROWS }, (_, i) => sheetRow(i)),
  );
  const wholeColumns = await withWholeColumnValidations(filled);
  const formatted = await withFormattingDownTo(filled, FORMATTED_DOWN_TO);
  const loadExpanded = (bytes: Buffer) => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const reading: Array<[string, number]> = [
    ['load, validations expanded (before)', await median(() => loadExpanded(filled))],
    ['load, validations skipped (now)', await median(() => loadWorkbook(filled))],
    ['read the rows, in place', await median(() => readTaskSheet(filled))],
    ['read the rows, in a worker thread', await median(() => readTaskSheetOffThread(filled))],
    ['  longest event-loop stall, in place', await longestStall(() => readTaskSheet(filled))],
    ['  longest event-loop stall, in a thread', await longestStall(() => readTaskSheetOffThread(filled))],
    ['whole-column validations: load, expanded (before)', (await timed(() => loadExpanded(wholeColumns))).ms],
    ['whole-column validations: load, skipped (now)', await median(() => loadWorkbook(wholeColumns))],
    [
      `formatted down to row ${FORMATTED_DOWN_TO}: read the rows, in place`,
      await median(() => readTaskSheet(formatted)),
    ],
    ['  longest event-loop stall, in place', await longestStall(() => readTaskSheet(formatted))],
    [
      `formatted down to row ${FORMATTED_DOWN_TO}: read, in a thread`,
      await median(() => readTaskSheetOffThread(formatted)),
    ],
    ['  longest event-loop stall, in a thread', await longestStall(() => readTaskSheetOffThread(formatted))],
  ];
  console.log(
    `\nFile sizes: filled template ${filled.length} bytes, formatted down to row ${FORMATTED_DOWN_TO} ${formatted.length}`,
  );

  // Writing.
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
  const retitle = (label: string) =>
    taskWorkbook(codes.map((code, i) => ({ 'Mã nhiệm vụ': code, ...sheetRow(i, `Nhiệm vụ thử tải (${label}) ${i}`) })));
  const [rehearsed, retitled, retitledAgain] = await Promise.all([retitle('thử'), retitle('sửa 1'), retitle('sửa 2')]);
  const updateDryRunMs = await median(() => run(rehearsed, true));
  const update = await timed(() => run(retitled, false));
  if (update.result.summary.update !== ROWS || !update.result.applied) {
    throw new Error(`the second apply did not update ${ROWS} tasks: ${JSON.stringify(update.result.summary)}`);
  }

  // Another audited writer, over and over on its own connection, while an apply runs.
  const probe = (n: number) =>
    handle.db
      .transaction()
      .execute((tx) =>
        audit.record(tx, SYSTEM, [
          { action: 'bench.probe', entityType: 'bench', entityId: String(n), scopePath: null },
        ]),
      );
  async function longestWait(during: () => Promise<unknown>): Promise<number> {
    let isRunning = true;
    let longest = 0;
    const probing = (async () => {
      for (let n = 0; isRunning; n += 1) longest = Math.max(longest, (await timed(() => probe(n))).ms);
    })();
    await during();
    isRunning = false;
    await probing;
    return longest;
  }
  const probeMs = await median(() => probe(-1), 50);
  const createWait = await longestWait(() => run(file, false));
  const updateWait = await longestWait(() => run(retitledAgain, false));

  table(
    `Reading the template filled with ${TEMPLATE_ROWS} rows (median of ${REPETITIONS})`,
    ['load, validations expanded (before)'],
    reading,
  );
  table(
    `Task import of ${ROWS} rows on PostgreSQL (median of ${REPETITIONS} where repeated)`,
    ['read the workbook', `${ROWS} single-row inserts`],
    [
      ['read the workbook', parseMs],
      [`${ROWS} single-row inserts`, insertsMs],
      ['dry run (all rows create)', dryRunMs],
      ['apply: create every row', apply.ms],
      ['dry run (all rows update)', updateDryRunMs],
      ['apply: update every row', update.ms],
    ],
  );
  table(
    'Another audited write (its own transaction) while an apply runs: the longest it took',
    ['the write, nothing running'],
    [
      ['the write, nothing running', probeMs],
      ['during an apply creating every row', createWait],
      ['during an apply updating every row', updateWait],
    ],
  );
  const verification = await audit.verify(handle.db);
  if (!verification.ok) throw new Error(`audit chain broken: ${JSON.stringify(verification.problems.slice(0, 3))}`);
} finally {
  await handle.close();
  await scratch.drop();
}
