import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../errors.ts';

/** The lock file, in the data directory beside PGlite's own files. */
export const LOCK_FILE = '.steerboard-lock.sqlite';

/** SQLite's SQLITE_BUSY ("database is locked"), in the low byte of its extended result codes. */
const SQLITE_BUSY = 5;

/**
 * Locks a data directory for as long as this process lives, and returns the release.
 *
 * The lock is the operating system's: SQLite's exclusive lock on a file of the directory (POSIX
 * `fcntl` record locks, `LockFileEx` on Windows), held by an open transaction that never writes,
 * through Node's built-in `node:sqlite`, the one part of Node that exposes such a lock. The kernel
 * holds it for the process, not for its event loop: a process busy for minutes (a seed, a large
 * import, PGlite's synchronous WebAssembly) keeps it, where a lock refreshed by a timer goes
 * "stale" and was taken from a live process (issue 9). When the process ends, however it ends
 * (SIGKILL included), the kernel drops it: nothing stale is left to recover. A second opening in
 * the same process is refused too: SQLite tells its own connections apart.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  // timeout 0: refuse at once rather than wait for the holder, who may run for days.
  const lock = new DatabaseSync(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (((error as { errcode?: number }).errcode ?? 0) % 256 === SQLITE_BUSY) {
      throw new AppError('data_dir_locked', `The data directory ${dataDir} is in use by another Steerboard process.`, {
        dataDir,
      });
    }
    throw error;
  }
  return () => {
    if (!lock.isOpen) return;
    lock.exec('ROLLBACK');
    lock.close();
  };
}
