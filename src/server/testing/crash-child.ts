/**
 * The child process of the crash tests: runs one real code path against the database named by
 * DATABASE_URL or DATA_DIR, prints a line when it is in the middle of it, and then blocks its event
 * loop for good, as a long synchronous step would, until the test kills it (SIGKILL).
 *
 *   node crash-child.ts hold-data-dir
 */
import { openDatabase } from '../db/database.ts';
import { loadConfig } from '../env.ts';

/** No timer, no I/O callback of this process runs again: it is alive and busy, not gone. */
function blockForever(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const MODES: Record<string, () => Promise<void>> = {
  async 'hold-data-dir'() {
    await openDatabase(loadConfig());
    console.log('holding the data directory');
  },
};

const mode = MODES[process.argv[2] ?? ''];
if (!mode) throw new Error(`crash-child: unknown mode ${process.argv[2]}; one of ${Object.keys(MODES).join(', ')}`);
await mode();
blockForever();
