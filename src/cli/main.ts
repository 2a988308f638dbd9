import { Command, InvalidArgumentError } from 'commander';
import { buildApp } from '../server/app.ts';
import { analyze, migrateToLatest, openDatabase, type DatabaseHandle } from '../server/db/database.ts';
import { loadConfig, type Config } from '../server/env.ts';
import { AppError } from '../server/errors.ts';
import { verify } from '../server/modules/audit/audit.service.ts';
import { demoSeedState, type SeededAccount, seedDemoIfNeeded } from '../server/seed/demo.seed.ts';
import { createUser } from './create-user.ts';

const program = new Command('steerboard').description('Steerboard: monitoring, feedback intake and public portal');

async function withDatabase<T>(config: Config, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

function printAccounts(accounts: SeededAccount[]): void {
  console.log('\nDemo accounts (shown once; keep them somewhere safe):');
  for (const account of accounts)
    console.log(`  ${account.role.padEnd(17)} ${account.email.padEnd(34)} ${account.password}`);
  console.log('');
}

/**
 * Redoes a demo seed that a dead process left unfinished, and seeds an empty database when
 * `whenEmpty`; prints the accounts. Returns whether it seeded.
 */
async function seedAndPrint(database: DatabaseHandle, config: Config, whenEmpty: boolean): Promise<boolean> {
  const accounts = await seedDemoIfNeeded(database, {
    whenEmpty,
    password: config.demoPassword,
    onProgress: (message) => console.log(`  …${message}`),
  });
  if (accounts) printAccounts(accounts);
  return accounts !== undefined;
}

const port = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new InvalidArgumentError('a port from 0 to 65535');
  return parsed;
};

program
  .command('serve')
  .description('migrate the database and serve the API and web app')
  .option('--port <port>', 'port to listen on (default $PORT or 3000)', port)
  .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1)')
  .option('--seed-demo', 'seed the demo data when the database is empty')
  .action(async (options: { port?: number; host?: string; seedDemo?: boolean }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    await migrateToLatest(database.db);
    // An interrupted demo is redone even without --seed-demo: served as it is, it would look whole.
    await seedAndPrint(database, config, options.seedDemo === true);
    await analyze(database);
    const app = await buildApp(database, config);
    const shutdown = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    const address = await app.listen({ port: options.port ?? config.port, host: options.host ?? config.host });
    console.log(`Steerboard is ready at ${address} (database: ${database.kind})`);
  });

program
  .command('migrate')
  .description('apply pending migrations')
  .action(async () => {
    const applied = await withDatabase(loadConfig(), (database) => migrateToLatest(database.db));
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date');
  });

program
  .command('seed')
  .description('seed the demo data into an empty database')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(config, async (database) => {
      if (!(await seedAndPrint(database, config, true)))
        return console.log('The database already holds data: nothing seeded.');
      await analyze(database);
    });
  });

program
  .command('audit')
  .description('audit trail tools')
  .command('verify')
  .description('recompute the hash chain; exits 1 if any entry was altered, inserted or deleted')
  .action(async () => {
    const result = await withDatabase(loadConfig(), ({ db }) => verify(db));
    if (result.ok) {
      console.log(`Audit trail intact: ${result.checked} entries checked.`);
      return;
    }
    console.error(`Audit trail BROKEN (${result.checked} entries checked):`);
    for (const problem of result.problems) console.error(`  entry ${problem.seq}: ${problem.problem}`);
    process.exitCode = 1;
  });

program
  .command('create-user')
  .description('create a person with a role; the password is read from $STEERBOARD_PASSWORD or standard input')
  .requiredOption('--email <email>')
  .requiredOption('--name <fullName>')
  .requiredOption('--org <code>', 'organization code of the person, e.g. BKHCN')
  .requiredOption('--role <role>', 'admin, steering, focal_point, leader, feedback_handler or inspector')
  .option('--scope <code>', 'organization code of the role’s scope (default: --org)')
  .action(async (options: { email: string; name: string; org: string; role: string; scope?: string }) => {
    const person = await withDatabase(loadConfig(), async ({ db }) => {
      // What it would add to a half-made demo, the demo's next start would wipe with it.
      if ((await demoSeedState(db)) === 'interrupted') {
        throw new Error('The demo seed of this database was interrupted: run `steerboard seed` to finish it first.');
      }
      return createUser(db, options);
    });
    console.log(`Created ${person.email} (${person.id}) with role ${options.role}.`);
  });

program.parseAsync().catch((error: unknown) => {
  // Refusals are the user's to fix: a message, not a stack trace.
  console.error(error instanceof AppError || error instanceof Error ? `steerboard: ${error.message}` : error);
  if (error instanceof AppError && error.fieldErrors) {
    for (const field of error.fieldErrors) console.error(`  ${field.path}: ${field.message}`);
  }
  process.exit(1);
});
