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

const leaseEnd = (seconds: number) => sql<Date>`now() + make_interval(secs => ${seconds})`;

/**
 * Takes the oldest queued job for `worker`, leased for `leaseSeconds`. SKIP LOCKED lets several
 * processes claim at once without waiting on each other or taking the same job.
 */
export async function claimNextJob(db: Db, worker: string, leaseSeconds: number) {
  return db
    .updateTable('import_job')
    .set({
      state: 'running',
      worker,
      started_at: sql`now()`,
      heartbeat_at: sql`now()`,
      lease_until: leaseEnd(leaseSeconds),
    })
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

/** Progress of a running job, and its lease renewed: written from outside its transaction. */
export async function touchJob(
  db: Db,
  id: string,
  worker: string,
  progress: { processed: number; total: number | null },
  leaseSeconds: number,
) {
  await db
    .updateTable('import_job')
    .set({
      rows_processed: progress.processed,
      rows_total: progress.total,
      heartbeat_at: sql`now()`,
      lease_until: leaseEnd(leaseSeconds),
    })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('state', '=', 'running')
    .execute();
}

/**
 * Records how a job ended. Also called inside the import's own transaction, so that an applied
 * import and its job's success are committed together: a crash can never leave a job "interrupted"
 * whose tasks were written.
 */
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
 * Fails the running jobs whose process is gone: those whose lease ran out or, when `anyLease` (the
 * caller knows it is the only process, as on PGlite), every one. Never the jobs of `worker`, the
 * caller's own, which it knows to be alive even if its lease lapsed (a stalled heartbeat).
 */
export async function failAbandonedJobs(db: Db, worker: string, failure: string, anyLease = false) {
  const rows = await db
    .updateTable('import_job')
    .set({ state: 'failed', failure, finished_at: sql`now()`, content: Buffer.alloc(0) })
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('worker', 'is', null), eb('worker', '<>', worker)]))
    .$if(!anyLease, (query) =>
      query.where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)])),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
