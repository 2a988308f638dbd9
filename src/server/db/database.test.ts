import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { childEnv, CLI_MAIN, CRASH_CHILD, type NodeChild, spawnNode } from '../testing/child-process.ts';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { type DatabaseHandle, isUniqueViolation, migrateToLatest, openPglite } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

describe('PGlite data directory lock', () => {
  const dirs: string[] = [];
  const handles: DatabaseHandle[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steerboard-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close().catch(() => {});
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opening with data_dir_locked and a clear message, and opens again after close', async () => {
    const dir = tempDir();
    const first = await openPglite(dir);
    handles.push(first);
    await migrateToLatest(first.db);

    const error = await openPglite(dir).then(
      (handle) => {
        handles.push(handle);
        return undefined;
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('data_dir_locked');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).message).toContain(dir);
    expect((error as AppError).message).toMatch(/in use by another Steerboard process/);
    // The first opening still works.
    expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(first.db)).rows).toEqual([{ n: 1 }]);

    await first.close();
    handles.splice(0);
    const again = await openPglite(dir);
    handles.push(again);
    // Same data, migrated once: nothing left to apply.
    expect(await migrateToLatest(again.db)).toEqual([]);
  });
});

/** Gives every file of `dir` (and `dir`) a modification time `ageMs` in the past. */
function backdate(dir: string, ageMs: number): void {
  const then = new Date(Date.now() - ageMs);
  for (const entry of fs.readdirSync(dir, { recursive: true }))
    fs.utimesSync(path.join(dir, String(entry)), then, then);
  fs.utimesSync(dir, then, then);
}

describe('PGlite data directory lock across processes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steerboard-lock-'));
  const children: NodeChild[] = [];
  const start = (args: string[]) => {
    const child = spawnNode(args, childEnv({ dataDir: dir }));
    children.push(child);
    return child;
  };
  afterAll(async () => {
    for (const child of children) await child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second serve while the first is busy, whatever the files’ times; a SIGKILL frees the lock', async () => {
    // The first process opens the directory, then its event loop stays blocked, as in a long
    // synchronous step: no timer of it runs, so nothing of it refreshes anything.
    const busy = start([CRASH_CHILD, 'hold-data-dir']);
    await busy.waitFor(/holding the data directory/);
    // As if the step had lasted an hour: no timestamp may let a live process lose its lock.
    backdate(dir, 60 * 60_000);

    const second = start([CLI_MAIN, 'serve', '--port', '0']);
    const outcome = await Promise.race([second.exited, second.waitFor(/is ready at/).then(() => 'started')]);
    expect(outcome, second.output()).toEqual({ code: 1, signal: null });
    expect(second.output()).toContain(`steerboard: The data directory ${dir} is in use by another Steerboard process.`);

    // A crash leaves no lock to wait for or clean up: the next start takes it at once.
    await busy.kill();
    const next = start([CLI_MAIN, 'serve', '--port', '0']);
    await next.waitFor(/Steerboard is ready at http:\/\/127\.0\.0\.1:\d+ \(database: pglite\)/);
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
  }, 240_000);
});

describe('migrations', () => {
  it('apply once on a fresh database, and nothing the second time', async () => {
    const handle = await openPglite(undefined);
    try {
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const tables = await sql<{
        name: string;
      }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(handle.db);
      expect(tables.rows.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          'audit_head',
          'audit_log',
          'organization',
          'person',
          'role_assignment',
          'schema_migration',
          'session',
        ]),
      );
    } finally {
      await handle.close();
    }
  });
});

describe.each(TEST_DATABASE_KINDS)('driver alignment on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle.close());

  it('reports its kind, and the test database is migrated: a second run applies nothing', async () => {
    expect(handle.kind).toBe(kind);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('returns count(*), int8 and numeric as numbers', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT (SELECT count(*) FROM (VALUES (1), (2), (3)) AS v(x)) AS count,
             9007199254740::int8 AS big,
             12.345::numeric AS exact,
             sum(x)::numeric AS total,
             avg(x) AS mean
      FROM (VALUES (1), (2), (4)) AS w(x)`.execute(handle.db);
    expect(rows).toEqual([{ count: 3, big: 9007199254740, exact: 12.345, total: 7, mean: 7 / 3 }]);
    for (const value of Object.values(rows[0] ?? {})) expect(typeof value).toBe('number');
  });

  it('returns Kysely countAll as a number', async () => {
    const row = await handle.db
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
  });

  it('returns dates as YYYY-MM-DD strings, whatever the time zone', async () => {
    const { rows } = await sql<{ d: unknown; e: unknown; f: unknown }>`
      SELECT '2025-09-30'::date AS d, '2024-12-22'::date AS e, '2025-01-01'::date - 1 AS f`.execute(handle.db);
    expect(rows).toEqual([{ d: '2025-09-30', e: '2024-12-22', f: '2024-12-31' }]);
  });

  it('returns timestamptz as Date', async () => {
    const { rows } = await sql<{ at: unknown }>`SELECT '2025-09-30T17:00:00Z'::timestamptz AS at`.execute(handle.db);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect((rows[0]?.at as Date).toISOString()).toBe('2025-09-30T17:00:00.000Z');
  });

  it('recognizes a unique violation the same way on both drivers', async () => {
    const insert = () => sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')`.execute(handle.db);
    await insert();
    const error = await insert().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
    await sql`DELETE FROM audit_head`.execute(handle.db);
  });
});
