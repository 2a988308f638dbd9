import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ImportJobTable } from '../../db/schema.ts';

/** Every column but the uploaded file, which only the worker reads. */
const VIEW_COLUMNS = [
  'id',
  'created_by',
  'mode',
  'state',
  'file_name',
  'rows_total',
  'rows_processed',
  'report',
  'failure',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export async function insertJob(
  db: Db,
  row: Pick<ImportJobTable, 'created_by' | 'programme_id' | 'mode' | 'locale' | 'file_name' | 'content'>,
) {
  return db.insertInto('import_job').values(row).returning(VIEW_COLUMNS).executeTakeFirstOrThrow();
}

export async function findJob(db: Db, id: string) {
  return db.selectFrom('import_job').select(VIEW_COLUMNS).where('id', '=', id).executeTakeFirst();
}
export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

/**
 * Takes the oldest queued job for `worker`. SKIP LOCKED lets several processes claim at once
 * without waiting on each other or taking the same job.
 */
export async function claimNextJob(db: Db, worker: string) {
  return db
    .updateTable('import_job')
    .set({ state: 'running', worker, started_at: sql`now()`, heartbeat_at: sql`now()` })
    .where(
      'id',
      '=',
      db
        .selectFrom('import_job')
        .select('id')
        .where('state', '=', 'queued')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .where('state', '=', 'queued')
    .returning(['id', 'created_by', 'programme_id', 'mode', 'locale', 'content'])
    .executeTakeFirst();
}
export type ClaimedJob = NonNullable<Awaited<ReturnType<typeof claimNextJob>>>;

/** Progress and heartbeat of a running job, written from outside its transaction. */
export async function touchJob(db: Db, id: string, progress: { processed: number; total: number | null }) {
  await db
    .updateTable('import_job')
    .set({ rows_processed: progress.processed, rows_total: progress.total, heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function finishJob(
  db: Db,
  id: string,
  values: Pick<Updateable<ImportJobTable>, 'state' | 'rows_total' | 'rows_processed' | 'report' | 'failure'>,
) {
  await db
    .updateTable('import_job')
    .set({ ...values, finished_at: sql`now()`, content: Buffer.alloc(0) })
    .where('id', '=', id)
    .execute();
}

/**
 * Fails the running jobs whose process is gone: all of them (`staleAfterSeconds` 0, when this
 * process is the only one, as on PGlite) or those without a heartbeat for that long.
 */
export async function failAbandonedJobs(db: Db, staleAfterSeconds: number, failure: string) {
  const rows = await db
    .updateTable('import_job')
    .set({ state: 'failed', failure, finished_at: sql`now()`, content: Buffer.alloc(0) })
    .where('state', '=', 'running')
    .where('heartbeat_at', '<=', sql<Date>`now() - make_interval(secs => ${staleAfterSeconds})`)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
