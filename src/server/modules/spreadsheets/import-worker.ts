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
  pollMs?: number;
  /** On PostgreSQL, how often a running job's progress and heartbeat are written. */
  heartbeatMs?: number;
  /** A running job without a heartbeat for this long belonged to a process that died. */
  staleAfterSeconds?: number;
  onError?: (error: unknown) => void;
}

/**
 * The in-process worker: one job at a time, claimed with SKIP LOCKED so that several processes
 * share the queue. At start it fails the jobs a dead process left running: on PGlite every one
 * (the data directory admits one process), on PostgreSQL those whose heartbeat stopped.
 */
export function startImportWorker(database: DatabaseHandle, options: ImportWorkerOptions = {}): ImportWorker {
  const { db, kind } = database;
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 1_000;
  const staleAfter = kind === 'pglite' ? 0 : (options.staleAfterSeconds ?? 60);
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
            if (progress) void jobs.touchJob(db, job.id, progress).catch(onError);
          }, heartbeatMs)
        : undefined;
    try {
      await runImportJob(db, job, (processed, total) => live.set(job.id, { processed, total }));
    } finally {
      clearInterval(heartbeat);
      live.delete(job.id);
    }
  }

  const loop = (async () => {
    try {
      await jobs.failAbandonedJobs(db, staleAfter, JSON.stringify(INTERRUPTED));
    } catch (error) {
      onError(error);
    }
    while (!isStopping) {
      try {
        const job = await jobs.claimNextJob(db, worker);
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
