import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../db/database.ts';

/**
 * Tables whose rows a migration writes, not the seed: kept when an interrupted demo is wiped.
 * seed-crash.test.ts checks that a freshly migrated database has rows in no other table, so that
 * a migration that starts filling one fails there until the table is named here.
 */
export const KEPT_BY_THE_WIPE = ['schema_migration', 'schema_migration_lock', 'demo_seed', 'feedback_secret'];

/** Any of the seed's writers, PostgreSQL's session lock key (a constant of this application). */
const SEED_LOCK = 5_719_019;

export async function findMark(db: Db) {
  return db.selectFrom('demo_seed').select(['started_at', 'completed_at']).where('id', '=', 1).executeTakeFirst();
}

export async function holdsData(db: Db): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    SELECT EXISTS (SELECT 1 FROM organization) OR EXISTS (SELECT 1 FROM person) AS held`.execute(db);
  return rows[0]?.held ?? false;
}

/**
 * Marks the seed as started, in the statement that checks that the database is empty: the mark
 * is what later allows wiping the demo, so it is never written on a database holding anything.
 */
export async function markStarted(db: Db): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO demo_seed (id)
    SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM person)
    ON CONFLICT (id) DO NOTHING
    RETURNING id`.execute(db);
  return rows.length === 1;
}

/** The seed's last write, in a transaction of its own: the demo is whole. */
export async function markCompleted(db: Db): Promise<void> {
  await db
    .updateTable('demo_seed')
    .set({ completed_at: sql`now()` })
    .where('id', '=', 1)
    .execute();
}

/**
 * Empties every table the seed writes, and its mark with them, in one transaction, if the mark
 * still says the seed started and never completed (what it holds then came from the seed: it
 * started on an empty database). Returns whether it wiped.
 */
export async function wipeInterruptedDemo(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const mark = await trx
      .selectFrom('demo_seed')
      .select('completed_at')
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirst();
    if (!mark || mark.completed_at) return false;
    const { rows } = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(trx);
    const wiped = rows.map((row) => row.name).filter((name) => !KEPT_BY_THE_WIPE.includes(name));
    if (wiped.length > 0) {
      await sql`TRUNCATE ${sql.join(wiped.map((name) => sql.table(name)))} RESTART IDENTITY CASCADE`.execute(trx);
    }
    await trx.deleteFrom('demo_seed').where('id', '=', 1).execute();
    return true;
  });
}

/**
 * Runs `work` as the only seeder of the database. On PostgreSQL, several processes may start at
 * once: a session advisory lock, which the server drops when the holder's connection dies, lets
 * one through and makes the others wait for it (`onWait` tells that they do). PGlite's data
 * directory admits one process already.
 */
export async function asOnlySeeder<T>(
  database: DatabaseHandle,
  work: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  if (database.kind !== 'postgres') return work();
  return database.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${SEED_LOCK}) AS locked`.execute(
      connection,
    );
    if (!rows[0]?.locked) {
      onWait();
      await sql`SELECT pg_advisory_lock(${SEED_LOCK})`.execute(connection);
    }
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${SEED_LOCK})`.execute(connection);
    }
  });
}
