import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { AUDIT_LOCK_KEY } from './audit.repository.ts';
import { type AuditEvent, deferAppends, record, verify } from './audit.service.ts';

const event = (entityId: string): AuditEvent => ({
  action: 'test.deferred',
  entityType: 'test',
  entityId,
  scopePath: null,
  after: { entityId },
});

describe.each(TEST_DATABASE_KINDS)('deferred audit appends on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const entitiesIn = async (db = database.db) =>
    (
      await db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'test.deferred')
        .orderBy('seq')
        .execute()
    ).map((row) => row.entity_id);
  /** Whether some session holds the append lock, seen from outside the transaction (PostgreSQL only). */
  const isLockHeld = async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND objid = ${AUDIT_LOCK_KEY} AND granted`.execute(database.db);
    return (rows[0]?.n ?? 0) > 0;
  };

  it('holds entries until the flush, drops those of a rolled-back savepoint, and appends the rest in order', async () => {
    await record(database.db, SYSTEM, [event('before')]);
    const trx = await database.db.startTransaction().execute();
    const appends = deferAppends(trx);
    await record(trx, SYSTEM, [event('a')]);
    const refused = await trx.savepoint('row').execute();
    const refusedHeld = appends.savepoint(refused);
    await record(refused, SYSTEM, [event('refused')]);
    await refused.rollbackToSavepoint('row').execute();
    refusedHeld.rollback();
    const kept = await trx.savepoint('row').execute();
    const keptHeld = appends.savepoint(kept);
    await record(kept, SYSTEM, [event('b'), event('c')]);
    await kept.releaseSavepoint('row').execute();
    keptHeld.release();
    await record(trx, SYSTEM, [event('d')]);
    // Nothing is in the chain yet, not even for the transaction itself, and nobody holds the lock.
    expect(await entitiesIn(trx)).toEqual(['before']);
    if (kind === 'postgres') expect(await isLockHeld()).toBe(false);
    await appends.flush();
    if (kind === 'postgres') expect(await isLockHeld()).toBe(true);
    // After the flush the transaction appends as any other does.
    await record(trx, SYSTEM, [event('e')]);
    await trx.commit().execute();
    expect(await entitiesIn()).toEqual(['before', 'a', 'b', 'c', 'd', 'e']);
    expect(await verify(database.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('appends nothing from a transaction rolled back without its flush', async () => {
    const before = await entitiesIn();
    const trx = await database.db.startTransaction().execute();
    deferAppends(trx);
    await record(trx, SYSTEM, [event('never')]);
    await trx.rollback().execute();
    expect(await entitiesIn()).toEqual(before);
    await record(database.db, SYSTEM, [event('after')]);
    expect(await entitiesIn()).toEqual([...before, 'after']);
    expect(await verify(database.db)).toMatchObject({ ok: true });
  });

  // PGlite has one connection: there is no second transaction to watch.
  it.skipIf(kind === 'pglite')('leaves other writers appending at once meanwhile', async () => {
    const deferring = await database.db.startTransaction().execute();
    deferAppends(deferring);
    await record(deferring, SYSTEM, [event('deferred')]);
    // Another writer appends at once: the deferring transaction holds no lock to wait for.
    await database.db.transaction().execute((other) => record(other, SYSTEM, [event('other')]));
    await deferring.rollback().execute();
    expect((await entitiesIn()).at(-1)).toBe('other');
  });
});
