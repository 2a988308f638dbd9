import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { talliedCounts } from '../modules/dashboard/task-tallies.repository.ts';
import { countQueue, listQueue, type QueueFilter } from '../modules/feedback/feedback-queue.repository.ts';
import { subTaskReadings } from '../modules/tasks/sub-task-readings.repository.ts';
import {
  countSummaries,
  listSummaries,
  overdueSummaries,
  type TaskFilter,
} from '../modules/tasks/task-queries.repository.ts';

/**
 * The SQL of the queries whose speed rests on the plan PostgreSQL picks (decisions 0009, 0011,
 * 0014), committed beside their repositories so that a change of their shape shows in review.
 * Each is produced by calling the repository itself on a database that runs nothing: Kysely
 * compiles the builder as it would for PostgreSQL, and the compiled text is what is kept.
 * `npm run sql:write` writes the files; plan-sensitive-queries.test.ts fails when one is stale.
 */

interface QueryCase {
  title: string;
  run: (db: Db) => Promise<unknown>;
}

interface SqlFile {
  path: string;
  repository: string;
  cases: QueryCase[];
}

const PAST = '2025-09-30';
/** A reading of today or later reads current periods (periodCovers): a day that stays in the future. */
const TODAY_OR_LATER = '2999-12-31';
const COUNTRY = '/00000000-0000-0000-0000-000000000001/';
const PROVINCE = `${COUNTRY}00000000-0000-0000-0000-000000000002/`;

const taskFilter = (scopePath: string, extra: Partial<TaskFilter> = {}): TaskFilter & { scopePath: string } => ({
  asOf: PAST,
  dueSoonDays: 7,
  scopePath,
  confidential: { readableUnder: [scopePath] },
  ...extra,
});

const queueFilter = (extra: Partial<QueueFilter> = {}): QueueFilter => ({
  scopePaths: [PROVINCE],
  asOf: PAST,
  soonLimit: '2025-10-03',
  ...extra,
});

const moduleFile = (path: string) => fileURLToPath(new URL(`../modules/${path}`, import.meta.url));

export const SQL_FILES: SqlFile[] = [
  {
    path: moduleFile('dashboard/task-tallies.sql'),
    repository: 'task-tallies.repository.ts',
    cases: [
      {
        title: 'talliedCounts: the whole country as of a past day (lead rows read by date)',
        run: (db) => talliedCounts(db, taskFilter(COUNTRY), 'date'),
      },
      {
        title: 'talliedCounts: a province as of a past day (lead rows read key by key)',
        run: (db) => talliedCounts(db, taskFilter(PROVINCE), 'key'),
      },
      {
        title: 'talliedCounts: a province with a due-soon window other than the tallied one',
        run: (db) => talliedCounts(db, taskFilter(PROVINCE, { dueSoonDays: 14 }), 'key'),
      },
    ],
  },
  {
    path: moduleFile('tasks/task-queries.sql'),
    repository: 'task-queries.repository.ts',
    cases: [
      {
        title: 'listSummaries: a page of a province as of a past day, by deadline (progress from its history)',
        run: (db) => listSummaries(db, taskFilter(PROVINCE), { sort: 'deadline', limit: 21 }),
      },
      {
        title:
          "countSummaries: the capped count of the whole country's overdue tasks today (current periods), in the order of their page",
        run: (db) =>
          countSummaries(db, taskFilter(COUNTRY, { asOf: TODAY_OR_LATER, timeliness: ['overdue'] }), 'deadline'),
      },
      {
        title: "overdueSummaries: the dashboard's overdue list of the whole country as of a past day",
        run: (db) => overdueSummaries(db, taskFilter(COUNTRY), 50),
      },
    ],
  },
  {
    path: moduleFile('tasks/sub-task-readings.sql'),
    repository: 'sub-task-readings.repository.ts',
    cases: [
      {
        title: 'subTaskReadings: the subtrees of two listed parents as of a past day (the roll-up, decision 0021)',
        run: (db) =>
          subTaskReadings(
            db,
            ['00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b'],
            PAST,
            7,
          ),
      },
    ],
  },
  {
    path: moduleFile('feedback/feedback-queue.sql'),
    repository: 'feedback-queue.repository.ts',
    cases: [
      {
        title: "listQueue: a province's queue, newest first",
        run: (db) => listQueue(db, queueFilter(), { sort: '-received', offset: 0, limit: 21 }),
      },
      {
        title: 'listQueue: overdue items matching a text, by due date',
        run: (db) =>
          listQueue(db, queueFilter({ serviceLevels: ['overdue'], words: ['duong'] }), {
            sort: 'due',
            offset: 0,
            limit: 21,
          }),
      },
      {
        title: 'countQueue: the capped count of the same filter',
        run: (db) => countQueue(db, queueFilter({ serviceLevels: ['overdue'], words: ['duong'] })),
      },
    ],
  },
];

/** Runs a case on a database that compiles for PostgreSQL and executes nothing; returns its SQL. */
async function compiledSqlOf(queryCase: QueryCase): Promise<string[]> {
  const statements: string[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => void statements.push(event.query.sql),
  });
  // Every row set is empty: a function that needs a row stops after its query was compiled.
  await queryCase.run(db).catch(() => undefined);
  if (statements.length === 0) throw new Error(`${queryCase.title}: no query was compiled`);
  return statements;
}

const CLAUSE =
  /^(select|from|inner join|left join|cross join|join|where|group by|having|order by|limit|offset|union)\b/i;

/** Words after which a keyword continues the clause: `inner join`, `union all`. */
const JOINED_TO_PREVIOUS = /\b(inner|left|right|full|cross|natural|union)$/i;

/**
 * One top-level clause a line (subqueries stay inside theirs), so that a change shows as the
 * clause it touches. Quoted names and strings are copied as they are.
 */
export function formatSql(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '"' || char === "'") {
      const end = text.indexOf(char, i + 1);
      out += text.slice(i, end + 1);
      i = end;
      continue;
    }
    // Raw SQL fragments bring their own line breaks: whitespace counts as one space.
    if (/\s/.test(char) && (/\s$/.test(out) || /\s/.test(text[i + 1] ?? ''))) continue;
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    const atClause = /\s/.test(char) && depth === 0 && CLAUSE.test(text.slice(i + 1)) && !JOINED_TO_PREVIOUS.test(out);
    out += atClause ? '\n' : /\s/.test(char) ? ' ' : char;
  }
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** The file's text, as it is committed. */
export async function renderSqlFile(file: SqlFile): Promise<string> {
  const sections = [
    `-- The SQL of ${file.repository}'s plan-sensitive queries, as Kysely compiles it for PostgreSQL.`,
    '-- Written by `npm run sql:write` (src/server/testing/plan-sensitive-queries.ts); do not edit.',
    '-- A change here is a change of the query: check its plan (EXPLAIN ANALYZE on the bench data).',
  ];
  const written = new Map<string, string>();
  for (const queryCase of file.cases) {
    const statements = await compiledSqlOf(queryCase);
    statements.forEach((statement, index) => {
      const title = `${queryCase.title}${statements.length > 1 ? ` (${index + 1} of ${statements.length})` : ''}`;
      const same = written.get(statement);
      if (same) return sections.push('', `-- ${title}: the same statement as "${same}"`);
      written.set(statement, title);
      sections.push('', `-- ${title}`, `${formatSql(statement)};`);
    });
  }
  return `${sections.join('\n')}\n`;
}

export async function readCommitted(file: SqlFile): Promise<string | undefined> {
  return readFile(file.path, 'utf8').catch(() => undefined);
}

export async function writeSqlFiles(): Promise<string[]> {
  const written: string[] = [];
  for (const file of SQL_FILES) {
    const text = await renderSqlFile(file);
    if ((await readCommitted(file)) === text) continue;
    await writeFile(file.path, text);
    written.push(file.path);
  }
  return written;
}
