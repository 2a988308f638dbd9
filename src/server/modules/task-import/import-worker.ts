import { hostname } from 'node:os';
import type { DatabaseHandle } from '../../db/database.ts';
import * as jobs from './import-jobs.repository.ts';
import { INTERRUPTED, type LiveProgress, runImportJob } from './import-jobs.service.ts';

export interface ImportWorker {
  /** Progress of the job this process runs, for its GET (see decision 0010). */
  live: LiveProgress;
  /** A job was queued: look now rather than at the next poll. */
  wake(): void;
  /** Finishes the job under way, then stops. */
  stop(): Promise<void>;
}

export interface ImportWorkerOptions {
  /** How often the queue is looked at, and on PostgreSQL the leases of other processes' jobs. */
  pollMs?: number;
  /** On PostgreSQL, how often a running job's progress is written and its lease renewed. */
  heartbeatMs?: number;
  /** How long a job's lease lasts unless renewed: a running job past it belonged to a dead process. */
  leaseSeconds?: number;
  onError?: (error: unknown) => void;
}

/**
 * The in-process worker: one job at a time, claimed with SKIP LOCKED so that several processes
 * share the queue, and leased: on PostgreSQL its heartbeat renews the lease while the job runs,
 * and every worker fails, at start and at each poll, the running jobs whose lease ran out — their
 * process died, whenever it is restarted (decision 0019). On PGlite the data directory admits one
 * process, whose one connection the running import holds: the lease cannot be renewed, and is not
 * needed — at start every running job is a dead process's.
 */
export function startImportWorker(database: DatabaseHandle, options: ImportWorkerOptions = {}): ImportWorker {
  const { db, kind } = database;
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 1_000;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const onError = options.onError ?? (() => {});
  const worker = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const live = new Map<string, { processed: number; total: number }>();
  let isStopping = false;
  let wakeUp: () => void = () => {};

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function runOne(job: jobs.ClaimedJob) {
    live.set(job.id, { processed: 0, total: 0 });
    // PGlite has one connection, held by the import's transaction: progress stays in memory.
    // PostgreSQL has a pool: progress is written too, so every process can tell it.
    const heartbeat =
      kind === 'postgres'
        ? setInterval(() => {
            const progress = live.get(job.id);
            if (progress) void jobs.touchJob(db, job.id, worker, progress, leaseSeconds).catch(onError);
          }, heartbeatMs)
        : undefined;
    try {
      await runImportJob(db, job, (processed, total) => live.set(job.id, { processed, total }));
    } finally {
      clearInterval(heartbeat);
      live.delete(job.id);
    }
  }

  const failAbandoned = (anyLease: boolean) =>
    jobs.failAbandonedJobs(db, worker, JSON.stringify(INTERRUPTED), anyLease).catch(onError);

  const loop = (async () => {
    await failAbandoned(kind === 'pglite');
    while (!isStopping) {
      try {
        if (kind === 'postgres') await failAbandoned(false);
        const job = await jobs.claimNextJob(db, worker, leaseSeconds);
        if (job) {
          await runOne(job);
          continue;
        }
      } catch (error) {
        onError(error);
      }
      if (!isStopping) await pause();
    }
  })();

  return {
    live,
    wake: () => wakeUp(),
    async stop() {
      isStopping = true;
      wakeUp();
      await loop;
    },
  };
}
