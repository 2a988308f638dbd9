import { isMessageKey, type Locale, translate } from '../../../shared/i18n/index.ts';
import type { ImportJob, ImportReport } from '../../../shared/schemas/spreadsheets.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadPrincipal } from '../auth/auth.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import * as jobs from './import-jobs.repository.ts';
import * as repository from './task-import.repository.ts';
import { type ImportProgress, importingAssigner, importTasks } from './task-import.service.ts';

/** Progress of the jobs this process is running, which their own transaction cannot write. */
export type LiveProgress = ReadonlyMap<string, { processed: number; total: number }>;

/** Why a job failed, kept as a code (and its parameters) and worded in the reader's language. */
interface StoredFailure {
  code: string;
  params?: Record<string, string | number>;
}

export const INTERRUPTED: StoredFailure = { code: 'interrupted' };

export interface NewImportJob {
  bytes: Buffer;
  fileName: string;
  dryRun: boolean;
  programme: string;
  locale: Locale;
}

/** Queues an import; the same checks as the synchronous import make before reading the file. */
export async function createImportJob(db: Db, principal: Principal, request: NewImportJob): Promise<ImportJob> {
  await importingAssigner(db, principal);
  const programme = await repository.findProgrammeByIdOrCode(db, request.programme);
  if (!programme) throw notFound('programme', request.programme);
  const row = await jobs.insertJob(db, {
    created_by: principal.personId,
    programme_id: programme.id,
    mode: request.dryRun ? 'dry_run' : 'apply',
    locale: request.locale,
    file_name: request.fileName.slice(0, 255),
    content: request.bytes,
  });
  return viewOf(row, undefined, request.locale);
}

/** Its creator and inspectors read a job; to anyone else it does not exist. */
export async function getImportJob(
  db: Db,
  principal: Principal,
  id: string,
  live: LiveProgress,
  locale: Locale,
): Promise<ImportJob> {
  const row = await jobs.findJob(db, id);
  const isInspector = principal.grants.some((grant) => grant.role === 'inspector');
  if (!row || (row.created_by !== principal.personId && !isInspector)) throw notFound('import job', id);
  return viewOf(row, row.state === 'running' ? live.get(id) : undefined, locale);
}

function wordFailure(failure: StoredFailure, locale: Locale): string {
  if (failure.code === INTERRUPTED.code) return translate(locale, 'taskImport.jobInterrupted');
  const key = `error.${failure.code}`;
  return translate(locale, isMessageKey(key) ? key : 'error.internal', failure.params);
}

function viewOf(row: jobs.ImportJobRow, live: { processed: number; total: number } | undefined, locale: Locale) {
  const failure = row.failure as StoredFailure | null;
  return {
    id: row.id,
    dryRun: row.mode === 'dry_run',
    state: row.state,
    fileName: row.file_name,
    rowsTotal: live?.total ?? row.rows_total,
    rowsProcessed: live?.processed ?? row.rows_processed,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    report: (row.report as ImportReport | null) ?? null,
    failure: failure ? { code: failure.code, message: wordFailure(failure, locale) } : null,
  };
}

/**
 * Runs a claimed job as its creator, with the rights they hold now, and records how it ended. An
 * applied import records its job's success in its own transaction: both commit, or neither (a
 * crash then leaves the job running, and a worker fails it as interrupted — truly, nothing was
 * written). A refusal (unreadable file, too many rows, rights withdrawn) fails the job with its
 * reason; any other error too, and is rethrown for the log.
 */
export async function runImportJob(db: Db, job: jobs.ClaimedJob, onProgress: ImportProgress): Promise<void> {
  let progress = { processed: 0, total: null as number | null };
  const succeeded = (trx: Db, report: ImportReport) =>
    jobs.finishJob(trx, job.id, {
      state: 'succeeded',
      rows_total: report.rows.length,
      rows_processed: report.rows.length,
      report: JSON.stringify(report),
      failure: null,
    });
  try {
    const principal = await loadPrincipal(db, job.created_by, '', 'session');
    const report = await importTasks(
      db,
      { principal, now: new Date() },
      { bytes: job.content, dryRun: job.mode === 'dry_run', programme: job.programme_id, locale: job.locale },
      (processed, total) => {
        progress = { processed, total };
        onProgress(processed, total);
      },
      succeeded,
    );
    // A dry run or a refused file was rolled back: nothing to keep in step with.
    if (!report.applied) await succeeded(db, report);
  } catch (error) {
    const failure: StoredFailure =
      error instanceof AppError ? { code: error.code, params: paramsOf(error) } : { code: 'internal' };
    await jobs.finishJob(db, job.id, {
      state: 'failed',
      rows_total: progress.total,
      rows_processed: progress.processed,
      report: null,
      failure: JSON.stringify(failure),
    });
    if (!(error instanceof AppError)) throw error;
  }
}

const paramsOf = (error: AppError) =>
  Object.fromEntries(
    Object.entries(error.details).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
