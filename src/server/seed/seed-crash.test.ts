import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest } from '../db/database.ts';
import { verify } from '../modules/audit/audit.service.ts';
import { CLI_MAIN, crashTarget, type CrashTarget, type NodeChild, spawnNode } from '../testing/child-process.ts';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { seedTestWorld } from '../testing/test-world.ts';
import { KEPT_BY_THE_WIPE, markStarted, wipeInterruptedDemo } from './demo-seed.repository.ts';
import { demoSeedState, isSeeded, seedDemo, seedDemoIfNeeded } from './demo.seed.ts';

const count = async (db: DatabaseHandle['db'], table: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0;

describe.each(TEST_DATABASE_KINDS)('a demo seed killed mid-run, on %s', (kind) => {
  let target: CrashTarget;
  const children: NodeChild[] = [];
  const start = (args: string[]) => {
    const child = spawnNode(args, target.env);
    children.push(child);
    return child;
  };
  afterAll(async () => {
    for (const child of children) await child.kill();
    await target?.remove();
  });

  it('is found interrupted by the next start, which wipes what it wrote and seeds again', async () => {
    target = await crashTarget(kind);
    const first = start([CLI_MAIN, 'seed']);
    await first.waitFor(/…tasks: 100 of \d+/, 240_000);
    await first.kill();

    let organizations: number;
    const database = await target.open();
    try {
      expect(await demoSeedState(database.db)).toBe('interrupted');
      expect(await isSeeded(database.db)).toBe(false);
      expect(await count(database.db, 'task')).toBeGreaterThanOrEqual(100);
      organizations = await count(database.db, 'organization');
    } finally {
      await database.close();
    }

    // The next start: not served as if whole, but redone from an empty database.
    const next = start([CLI_MAIN, 'serve', '--seed-demo', '--port', '0']);
    const [said] = await next.waitFor(/interrupted: what it wrote is removed|is ready at/, 240_000);
    expect(said).toMatch(/interrupted/);
    // Past the organizations, whose codes the first run had taken: they were wiped.
    const redone = next.output().indexOf(said);
    await next.waitFor(/…organizations: \d+/, 240_000);
    expect(next.output().lastIndexOf('…organizations:')).toBeGreaterThan(redone);
    await next.kill();

    const again = await target.open();
    try {
      expect(await demoSeedState(again.db)).toBe('interrupted');
      expect(await count(again.db, 'organization')).toBe(organizations);
      // The first run's hundred tasks and more are gone; the second had hardly begun its own.
      expect(await count(again.db, 'task')).toBeLessThan(100);
      expect(await verify(again.db)).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
  }, 600_000);
});

describe('the demo seed’s marks', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await openTestDatabase('pglite');
  });
  afterEach(() => database.close());

  it('never touch a database the seed did not start: no mark is written, nothing is wiped', async () => {
    await seedTestWorld(database.db);
    const organizations = await count(database.db, 'organization');
    expect(await demoSeedState(database.db)).toBe('not_a_demo');
    expect(await isSeeded(database.db)).toBe(true);
    expect(await seedDemoIfNeeded(database, { whenEmpty: true })).toBeUndefined();
    expect(await markStarted(database.db)).toBe(false);
    await expect(seedDemo(database.db)).rejects.toThrow('not empty');
    expect(await wipeInterruptedDemo(database.db)).toBe(false);
    expect(await count(database.db, 'organization')).toBe(organizations);
    expect(await count(database.db, 'demo_seed')).toBe(0);
  });

  it('leave a completed demo alone', async () => {
    expect(await demoSeedState(database.db)).toBe('empty');
    expect(await markStarted(database.db)).toBe(true);
    await seedTestWorld(database.db);
    await sql`UPDATE demo_seed SET completed_at = now()`.execute(database.db);
    expect(await demoSeedState(database.db)).toBe('complete');
    expect(await seedDemoIfNeeded(database, { whenEmpty: true })).toBeUndefined();
    expect(await wipeInterruptedDemo(database.db)).toBe(false);
    expect(await count(database.db, 'organization')).toBeGreaterThan(0);
  });

  it('wipe an interrupted demo down to what the migrations wrote, which a fresh database alone holds', async () => {
    // What the migrations write is kept: a fresh database has rows in those tables only.
    const { rows } = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`.execute(database.db);
    const filled: string[] = [];
    for (const { name } of rows) if ((await count(database.db, name)) > 0) filled.push(name);
    expect(KEPT_BY_THE_WIPE).toEqual(expect.arrayContaining(filled));
    const secret = await database.db.selectFrom('feedback_secret').selectAll().execute();

    expect(await markStarted(database.db)).toBe(true);
    await seedTestWorld(database.db);
    expect(await demoSeedState(database.db)).toBe('interrupted');
    expect(await wipeInterruptedDemo(database.db)).toBe(true);
    expect(await demoSeedState(database.db)).toBe('empty');
    for (const { name } of rows) {
      if (!KEPT_BY_THE_WIPE.includes(name)) expect(await count(database.db, name), name).toBe(0);
    }
    expect(await database.db.selectFrom('feedback_secret').selectAll().execute()).toEqual(secret);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
