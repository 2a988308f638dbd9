/**
 * The global search at national scale, on PostgreSQL: the 200,000 tasks of tasks-dataset.ts, retitled
 * from forty task titles of Resolution 57's plans (each title on one task in forty, with its number),
 * so that a query's words match from a few tasks to every one of them. Each query is timed through
 * the search service (all five groups and the code lookup, as a steering member and as a province's
 * focal point, both through their read gates) beside a baseline measured the same way in the same run:
 * the raw SQL of the task group alone (the GIN match, RANKED_CANDIDATES ranked, the page; no gate).
 * For the record: ranking every match instead, and the rule search replaced (an adjacent-substring
 * LIKE over every task).
 *   npm run bench:search      BENCH_TASKS=50000 BENCH_REPETITIONS=50 npm run bench:search
 *   BENCH_KEEP_DATABASE=1 npm run bench:search, then BENCH_DATABASE=<the url printed> npm run bench:search
 *   (runs again on the generated tasks, without generating them)
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, migrateToLatest, openPostgres } from '../src/server/db/database.ts';
import { RANKED_CANDIDATES, tsqueryOf } from '../src/server/db/search-sql.ts';
import { type Principal, SYSTEM } from '../src/server/kernel/principal.ts';
import { search } from '../src/server/modules/search/search.service.ts';
import { createScratchDatabase } from '../src/server/testing/test-database.ts';
import { foldForSearch } from '../src/shared/domain/text.ts';
import { searchDocument, searchQueryWords } from '../src/shared/domain/search.ts';
import { today } from '../src/shared/domain/calendar-date.ts';
import { ms, time, type Timing } from './support.ts';
import { generateDataset } from './tasks-dataset.ts';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 100);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 10);
const MAX_SECONDS_EACH = Number(process.env.BENCH_MAX_SECONDS ?? 30);
const PROVINCE = process.env.BENCH_PROVINCE ?? '01';
const TARGET_P95_MS = 100;
const TIMING = { warmUp: WARM_UP, repetitions: REPETITIONS, maxSeconds: MAX_SECONDS_EACH };

const TITLES = [
  'Thí điểm cơ chế thử nghiệm có kiểm soát (sandbox) cho fintech',
  'Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức',
  'Xây dựng Cổng dữ liệu quốc gia',
  'Hoàn thiện hạ tầng trung tâm dữ liệu',
  'Phát triển nguồn nhân lực chất lượng cao về bán dẫn',
  'Sửa đổi Luật Khoa học và Công nghệ',
  'Chuyển đổi số trong doanh nghiệp nhỏ và vừa',
  'Đề án phát triển đô thị thông minh',
  'Số hóa hồ sơ, giấy tờ của thủ tục hành chính',
  'Bảo đảm an ninh mạng cho hệ thống thông tin',
  'Phủ sóng 5G tại các khu công nghiệp',
  'Ứng dụng trí tuệ nhân tạo trong y tế',
  'Cơ sở dữ liệu quốc gia về đất đai',
  'Quỹ đổi mới sáng tạo cho doanh nghiệp khởi nghiệp',
  'Đào tạo kỹ sư công nghệ thông tin tại các trường đại học',
  'Chương trình nghiên cứu khoa học trọng điểm cấp quốc gia',
  'Thúc đẩy thanh toán không dùng tiền mặt',
  'Nền tảng học tập trực tuyến mở',
  'Dịch vụ công trực tuyến toàn trình',
  'Kết nối liên thông hệ thống quản lý văn bản',
  'Xây dựng chính quyền số cấp tỉnh',
  'Hạ tầng cáp quang đến thôn, bản',
  'Phát triển kinh tế số nông thôn',
  'Chính sách thu hút chuyên gia, nhà khoa học',
  'Trung tâm đổi mới sáng tạo quốc gia',
  'Chuyển giao công nghệ cho địa phương',
  'Tăng cường năng lực tiêu chuẩn đo lường chất lượng',
  'Bảo vệ dữ liệu cá nhân',
  'Phát triển thương mại điện tử xuyên biên giới',
  'Xây dựng bản đồ số quốc gia',
  'Ứng dụng định danh điện tử VNeID',
  'Hệ thống giám sát môi trường tự động',
  'Phòng thí nghiệm trọng điểm về vật liệu mới',
  'Giáo dục STEM trong trường phổ thông',
  'Hợp tác quốc tế về khoa học công nghệ',
  'Số hóa di sản văn hóa',
  'Tổng kết, đánh giá thực hiện Nghị quyết',
  'Báo cáo định kỳ tiến độ triển khai',
  'Kiểm tra, giám sát việc thực hiện nhiệm vụ',
  'Sơ kết một năm thực hiện kế hoạch',
];

/** Retitles the generated tasks: title i on the tasks numbered i modulo 40, each with its number. */
async function retitle(db: Db): Promise<void> {
  const titles = TITLES.map((title) => [title, searchDocument(title)]);
  await sql`
    UPDATE task t SET title = x.title || ' (' || x.n || ')',
      search_text = ${searchDocument('BENCH')} || ' ' || x.digits || ' ' || x.words || ' ' || x.n
    FROM (
      SELECT id, substr(code, 7) AS digits, ltrim(substr(code, 7), '0') AS n,
        (${JSON.stringify(titles)}::jsonb -> ((ltrim(substr(code, 7), '0')::int % ${titles.length}))) ->> 0 AS title,
        (${JSON.stringify(titles)}::jsonb -> ((ltrim(substr(code, 7), '0')::int % ${titles.length}))) ->> 1 AS words
      FROM task
    ) x
    WHERE t.id = x.id`.execute(db);
  await sql`VACUUM ANALYZE task`.execute(db);
}

/** The task group's SQL alone: the GIN match, the candidates ranked and the page of six, for nobody's gate. */
async function rawTaskPage(db: Db, words: string[]) {
  const query = tsqueryOf(words);
  return sql`
    SELECT t.id, t.code, t.title FROM (
      SELECT id, ts_rank_cd(search_vector, cast(${query} as tsquery), 1) AS rank FROM task
      WHERE search_vector @@ cast(${query} as tsquery) LIMIT ${RANKED_CANDIDATES}
    ) c JOIN task t ON t.id = c.id
    ORDER BY c.rank DESC, t.code COLLATE "C" LIMIT 6`.execute(db);
}

/** Every match ranked, not RANKED_CANDIDATES: what a query matching many tasks would cost. */
async function rankEveryMatch(db: Db, words: string[]) {
  const query = tsqueryOf(words);
  return sql`
    SELECT id, code, title FROM task
    WHERE search_vector @@ cast(${query} as tsquery)
    ORDER BY ts_rank_cd(search_vector, cast(${query} as tsquery), 1) DESC, code COLLATE "C" LIMIT 6`.execute(db);
}

/** The rule search replaced: the folded query as one substring, words adjacent and in order. */
async function oldLikePage(db: Db, q: string) {
  return sql`
    SELECT id, code, title FROM task WHERE search_text LIKE ${`%${foldForSearch(q)}%`}
    ORDER BY code COLLATE "C" LIMIT 6`.execute(db);
}

/** A database generated by an earlier run (BENCH_DATABASE), or a new one filled now. */
async function prepare(): Promise<{ url: string; drop(): Promise<void> }> {
  const kept = process.env.BENCH_DATABASE;
  if (kept) return { url: kept, drop: async () => {} };
  const scratch = await createScratchDatabase(SERVER_URL);
  const handle = await openPostgres(scratch.url);
  try {
    await migrateToLatest(handle.db);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const started = performance.now();
    await generateDataset(client, { tasks: TASKS, reportsPerTask: 1, today: today() });
    await client.end();
    await retitle(handle.db);
    console.log(`Generated and retitled the tasks in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await handle.close();
  }
  return scratch;
}

const scratch = await prepare();
let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
try {
  handle = await openPostgres(scratch.url);
  const { db } = handle;
  const taskCount = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM task`.execute(db)).rows[0]?.n ?? 0;

  const pathOf = async (code: string) =>
    (await db.selectFrom('organization').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;
  const steering: Principal = { ...SYSTEM, grants: [{ role: 'steering', scopePath: await pathOf('VN') }] };
  const focal: Principal = { ...SYSTEM, grants: [{ role: 'focal_point', scopePath: await pathOf(PROVINCE) }] };
  const code = (
    await db.selectFrom('task').select('code').orderBy('code').offset(12_345).limit(1).executeTakeFirstOrThrow()
  ).code;
  const queries = [
    { label: 'two words, 1 task in 40', q: 'fintech sandbox' },
    { label: 'five words, 1 task in 40', q: 'ky nang so can bo' },
    { label: 'a word on 1 task in 20, prefix', q: 'quoc gi' },
    { label: 'words and a number: 1 task', q: 'du lieu dat dai 12361' },
    { label: 'a prefix on every task (worst case)', q: 'b' },
    { label: 'a task code', q: code },
  ];

  const rows: Array<{
    label: string;
    matches: number;
    raw: Timing;
    every: Timing;
    old: Timing;
    asSteering: Timing;
    asFocal: Timing;
  }> = [];
  for (const { label, q } of queries) {
    const words = searchQueryWords(q);
    const { rows: matched } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM task WHERE search_vector @@ cast(${tsqueryOf(words)} as tsquery)`.execute(db);
    const raw = await time(`raw SQL of the task group — ${label} (baseline)`, () => rawTaskPage(db, words), TIMING);
    const every = await time(
      `rank every match (not ${RANKED_CANDIDATES}) — ${label}`,
      () => rankEveryMatch(db, words),
      TIMING,
    );
    const old = await time(`old adjacent LIKE on tasks — ${label}`, () => oldLikePage(db, q), TIMING);
    const asSteering = await time(
      `search, steering (country) — ${label}`,
      () => search(db, steering, { q, limit: 5 }),
      TIMING,
    );
    const asFocal = await time(
      `search, focal point (province ${PROVINCE}) — ${label}`,
      () => search(db, focal, { q, limit: 5 }),
      TIMING,
    );
    rows.push({ label, matches: matched[0]?.n ?? 0, raw, every, old, asSteering, asFocal });
    console.log(
      `  measured "${q}": ${matched[0]?.n} tasks match; search p95 ${ms(asSteering.p95)} ms, raw p95 ${ms(raw.p95)} ms`,
    );
  }

  console.log(
    `\nSteerboard search benchmark (PostgreSQL, ${taskCount.toLocaleString('en')} tasks; sequential calls, ${WARM_UP} warm-up)`,
  );
  console.log(
    `| measurement | tasks matching | n | p50 ms | p95 ms | p99 ms | p95 / raw SQL | target p95 < ${TARGET_P95_MS} ms |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  let missed = 0;
  for (const { matches, raw, every, old, asSteering, asFocal } of rows) {
    for (const row of [raw, every, old, asSteering, asFocal]) {
      const judged = row === asSteering || row === asFocal;
      if (judged && row.p95 >= TARGET_P95_MS) missed += 1;
      const verdict = judged ? (row.p95 < TARGET_P95_MS ? 'met' : '**missed**') : '';
      console.log(
        `| ${row.name} | ${matches} | ${row.n} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${(row.p95 / raw.p95).toFixed(2)} | ${verdict} |`,
      );
    }
  }
  if (missed) process.exitCode = 1;
} finally {
  await handle?.close();
  if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`\nKept ${scratch.url}`);
  else await scratch.drop();
}
