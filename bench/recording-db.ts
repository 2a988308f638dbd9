import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Db, SESSION_OPTIONS } from '../src/server/db/database.ts';
import type { Database } from '../src/server/db/schema.ts';

export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** The type parsers of the product's PostgreSQL connection (database.ts): dates as text, bigint as numbers. */
export const PRODUCT_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 1082
      ? (value: string) => value
      : oid === 20
        ? Number
        : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A Kysely beside the product's that records every query it runs, to EXPLAIN them or run them raw. */
export function recordingDb(url: string, recorded: RecordedQuery[]): Db {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: PRODUCT_TYPES, options: SESSION_OPTIONS });
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
}

/** The query with its parameters written in, as EXPLAIN takes no bind parameters through Kysely. */
export function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = parameters[Number(index) - 1];
    if (typeof value === 'number') return String(value);
    // An array parameter (organization ids) is written as a PostgreSQL array literal.
    const text = Array.isArray(value) ? `{${value.join(',')}}` : String(value);
    return `'${text.replace(/'/g, "''")}'`;
  });
}

/**
 * Prints the plan of each recorded query as PostgreSQL ran it (EXPLAIN ANALYZE, BUFFERS), under the
 * query's opening, through `run` (any connection of the benchmark's database).
 */
export async function printPlans(
  queries: readonly RecordedQuery[],
  run: (text: string) => Promise<Array<{ 'QUERY PLAN': string }>>,
  label = '',
): Promise<void> {
  for (const query of queries) {
    const plan = await run(`EXPLAIN (ANALYZE, BUFFERS) ${inline(query.sql, query.parameters)}`);
    console.log(`\n-- ${label}${query.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  }
}
