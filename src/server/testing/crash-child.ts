/**
 * The child process of the crash tests: runs one real code path against the database named by
 * DATABASE_URL or DATA_DIR, prints a line when it is in the middle of it, and then blocks its event
 * loop for good, as a long synchronous step would, until the test kills it (SIGKILL).
 *
 *   node crash-child.ts hold-data-dir
 *   node crash-child.ts run-import-job <lease seconds>
 *   node crash-child.ts create-task <email> <Idempotency-Key> <body as JSON>
 */
import {
  InsertQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';
import { buildApp } from '../app.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { loadConfig } from '../env.ts';
import { startImportWorker } from '../modules/task-import/import-worker.ts';
import { signInTo } from './test-app.ts';

/** No timer, no I/O callback of this process runs again: it is alive and busy, not gone. */
function blockForever(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/**
 * Stops the process for good at its `nth` insert into `table`, after saying `message`: what came
 * before is written (and committed, unless in the transaction that is still open), nothing after.
 */
class StopAtInsert implements KyselyPlugin {
  #seen = 0;
  readonly #table: string;
  readonly #nth: number;
  readonly #message: string;
  constructor(table: string, nth: number, message: string) {
    this.#table = table;
    this.#nth = nth;
    this.#message = message;
  }
  transformQuery({ node }: PluginTransformQueryArgs) {
    if (InsertQueryNode.is(node) && node.into?.table.identifier.name === this.#table && ++this.#seen === this.#nth) {
      console.log(this.#message);
      blockForever();
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    return result;
  }
}

async function openStoppingAt(stop: StopAtInsert): Promise<DatabaseHandle> {
  const database = await openDatabase(loadConfig());
  return { ...database, db: database.db.withPlugin(stop) };
}

const [, , modeName, ...args] = process.argv;

const MODES: Record<string, () => Promise<void>> = {
  async 'hold-data-dir'() {
    await openDatabase(loadConfig());
    console.log('holding the data directory');
    blockForever();
  },
  /** The app's import worker claims the queued job and runs it, up to its second batch of tasks. */
  async 'run-import-job'() {
    const database = await openStoppingAt(
      new StopAtInsert('task', 2, 'import job: a batch of tasks written, its transaction open'),
    );
    startImportWorker(database, {
      pollMs: 50,
      leaseSeconds: Number(args[0]),
      onError: (error) => console.error('import worker:', error),
    });
  },
  /** POST /api/v1/tasks with an Idempotency-Key, through the app, up to the insert of the task. */
  async 'create-task'() {
    const [email = '', key = '', body = '{}'] = args;
    const database = await openStoppingAt(
      new StopAtInsert('task', 1, 'create: its key claimed, the task being written'),
    );
    const app = await buildApp(database, { ...loadConfig({ LOG_LEVEL: 'warn' }), webDir: '/nonexistent' });
    const client = await signInTo(app, email);
    const response = await client.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: JSON.parse(body) as object,
      headers: { 'idempotency-key': key },
    });
    console.log(`create: not stopped, answered ${response.statusCode} ${response.body}`);
    process.exit(1);
  },
};

const mode = MODES[modeName ?? ''];
if (!mode) throw new Error(`crash-child: unknown mode ${modeName}; one of ${Object.keys(MODES).join(', ')}`);
await mode();
