import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/**
 * The two drivers disagree by default: pg returns int8 and numeric as strings and dates at local
 * midnight, PGlite returns numbers and UTC midnight. Both are set to numbers and 'YYYY-MM-DD'
 * strings, so that every query gives the same result on both.
 */
const toNumber = (value: string) => Number(value);
const asDateString = (value: string) => value;

function postgresTypes(): pg.CustomTypesConfig {
  const overrides: Record<number, (value: string) => unknown> = {
    [INT8]: toNumber,
    [NUMERIC]: toNumber,
    [DATE]: asDateString,
  };
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      overrides[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * Session settings of every product connection (decision 0030): no parallel workers and no JIT. The
 * product's queries are pages, probes and tallies of a few milliseconds of work. Starting a worker
 * cost 25–35 ms on the benchmark's machine (a province's task list took 60 ms instead of 6), and JIT
 * compiled a 10 ms query for 11 ms more when a misestimate put its cost above jit_above_cost.
 */
export const SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0 -c jit=off';

export async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    types: postgresTypes(),
    options: SESSION_OPTIONS,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => closePool(db, pool) };
}

/**
 * pool.end() resolves before its clients' connections are closed. A server that drops the
 * database or stops right after (tests drop theirs WITH (FORCE)) terminates them half-closed,
 * and the client's unhandled 'error' event fails the process; so we wait for every client.
 */
async function closePool(db: Db, pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const allRemoved = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open <= 0) resolve();
    });
    setTimeout(resolve, 5_000).unref();
  });
  await db.destroy();
  await allRemoved;
}

/**
 * Opens PGlite in `dataDir` (in memory when undefined), locked against any other opening for the
 * life of this process (data-dir-lock.ts): PGlite is one PostgreSQL backend, and a second one on
 * the same files corrupts them.
 */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      // Feedback search and duplicate checks use trigrams (migration 0006), as on PostgreSQL.
      extensions: { pg_trgm },
      parsers: { [pgliteTypes.INT8]: toNumber, [NUMERIC]: toNumber, [pgliteTypes.DATE]: asDateString },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      release();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * SQLSTATE 23505, raised alike by pg and PGlite. A check-then-insert cannot see a concurrent
 * transaction's uncommitted row, so the unique index is the last word on duplicates.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** PostgreSQL when DATABASE_URL is set, the embedded PGlite in the data directory otherwise. */
export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/**
 * Refreshes the planner's statistics. PostgreSQL's autovacuum does it on its own; PGlite never
 * does, and without statistics it picks slow plans once tables grow, so we run it at start and
 * after bulk loads.
 */
export async function analyze(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') await sql`ANALYZE`.execute(handle.db);
}
