/**
 * The task list at national scale (decision 0023): a page of 20 through listTasks, for the first page
 * and the common filters, beside its raw SQL page: the very queries listTasks sent for it (the page and
 * the capped count), captured once and run directly through pg in the same run, in parallel as the
 * service runs them. The ratio is what the service adds (the reader's scope, the rows' mapping); the
 * p95 is what a reader waits.
 */
import pg from 'pg';
import { type Db, SESSION_OPTIONS } from '../src/server/db/database.ts';
import type { Principal } from '../src/server/kernel/principal.ts';
import { listTasks } from '../src/server/modules/tasks/task-reading.service.ts';
import { type ListTasksQuery, ListTasksQuerySchema } from '../src/shared/schemas/tasks.ts';
import { PRODUCT_TYPES, printPlans, type RecordedQuery, recordingDb } from './recording-db.ts';
import { time, type Timing, type TimingOptions } from './support.ts';

export const LIST_PAGE_SIZE = 20;

export interface ListCase {
  label: string;
  principal: Principal;
  /** The request's query string, as the web app sends it. */
  query: string;
  /** Read the page after this many pages, following their cursors. */
  pagesBefore?: number;
}

export function taskListCases(
  inspector: Principal,
  steering: Principal,
  { province, past }: { province: string; past: string },
): ListCase[] {
  return [
    { label: 'whole country, first page', principal: inspector, query: 'scope=VN' },
    { label: 'whole country, first page, steering member', principal: steering, query: 'scope=VN' },
    { label: `whole country, first page, as of ${past}`, principal: inspector, query: `scope=VN&as_of=${past}` },
    { label: `province ${province}, first page`, principal: inspector, query: `scope=${province}` },
    { label: 'whole country, overdue', principal: inspector, query: 'scope=VN&timeliness=overdue' },
    { label: `province ${province}, overdue`, principal: inspector, query: `scope=${province}&timeliness=overdue` },
    { label: 'whole country, in progress', principal: inspector, query: 'scope=VN&state=in_progress' },
    { label: 'whole country, led by BKHCN', principal: inspector, query: 'scope=VN&agency=BKHCN' },
    { label: 'whole country, by code', principal: inspector, query: 'scope=VN&sort=code' },
    { label: 'whole country, page 51 (after 50 pages)', principal: inspector, query: 'scope=VN', pagesBefore: 50 },
  ];
}

export interface ListTiming {
  label: string;
  /** How many tasks match, as the list says it ("more than 1,000"). */
  matched: string;
  service: Timing;
  raw: Timing;
}

const parse = (query: string): ListTasksQuery =>
  ListTasksQuerySchema.parse({ limit: String(LIST_PAGE_SIZE), ...Object.fromEntries(new URLSearchParams(query)) });

/** The query of the case's page, its cursor included when it comes after other pages. */
async function pageQuery(db: Db, c: ListCase): Promise<ListTasksQuery> {
  let query = parse(c.query);
  for (let page = 0; page < (c.pagesBefore ?? 0); page += 1) {
    const { nextCursor } = await listTasks(db, c.principal, query);
    if (!nextCursor) throw new Error(`${c.label}: fewer than ${c.pagesBefore} pages`);
    query = { ...query, cursor: nextCursor };
  }
  return query;
}

/** The page's and the count's SQL as listTasks sends them (the scope's lookups are the service's part). */
async function capturedQueries(url: string, c: ListCase, query: ListTasksQuery): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const db = recordingDb(url, recorded);
  try {
    await listTasks(db, c.principal, query);
  } finally {
    await db.destroy();
  }
  // Logged as each completes: the page is the one that is not the count.
  const listQueries = recorded.filter((entry) => /from "task" as "t"/.test(entry.sql));
  const page = listQueries.find((entry) => !entry.sql.startsWith('select count(*)'));
  const count = listQueries.find((entry) => entry.sql.startsWith('select count(*)'));
  if (listQueries.length !== 2 || !page || !count) throw new Error(`${c.label}: expected the page and the count`);
  return [page, count];
}

export async function timeTaskList(
  db: Db,
  url: string,
  cases: ListCase[],
  timing: TimingOptions & { explain?: boolean },
) {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: PRODUCT_TYPES, options: SESSION_OPTIONS });
  const rows: ListTiming[] = [];
  try {
    for (const c of cases) {
      const query = await pageQuery(db, c);
      const raw = await capturedQueries(url, c, query);
      if (timing.explain)
        await printPlans(raw, async (text) => (await pool.query<{ 'QUERY PLAN': string }>(text)).rows, `${c.label}: `);
      const runRaw = () => Promise.all(raw.map((entry) => pool.query(entry.sql, [...entry.parameters])));
      const page = await listTasks(db, c.principal, query);
      const [rawPage] = await runRaw();
      const rawIds = rawPage?.rows.slice(0, LIST_PAGE_SIZE).map((row: { id: string }) => row.id);
      if (JSON.stringify(rawIds) !== JSON.stringify(page.items.map((item) => item.id)))
        throw new Error(`${c.label}: the raw SQL page differs from the list's`);
      if (page.items.length === 0) throw new Error(`${c.label}: nothing listed`);
      const matched = `${page.totalIsCapped ? 'more than ' : ''}${page.total.toLocaleString('en')}`;
      const baseline = await time(`raw SQL page — ${c.label} (baseline)`, runRaw, timing);
      const service = await time(`listTasks — ${c.label}`, () => listTasks(db, c.principal, query), timing);
      rows.push({ label: c.label, matched, service, raw: baseline });
      console.log(`  ${c.label}: ${matched} tasks, list p95 ${service.p95.toFixed(1)} ms`);
    }
  } finally {
    await pool.end();
  }
  return rows;
}
