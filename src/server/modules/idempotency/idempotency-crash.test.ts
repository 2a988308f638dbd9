import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { migrateToLatest } from '../../db/database.ts';
import { loadConfig } from '../../env.ts';
import { CRASH_CHILD, crashTarget, type CrashTarget, spawnNode } from '../../testing/child-process.ts';
import { signInTo } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { seedTestWorld, type TestWorld } from '../../testing/test-world.ts';
import { buildProgramme } from '../../testing/task-factory.ts';
import * as repository from './idempotency.repository.ts';
import { CLAIM_SECONDS, KEEP_SECONDS } from './idempotency.service.ts';

const KEY = 'crash-retry-key-0001';

describe.each(TEST_DATABASE_KINDS)('an Idempotency-Key whose request is killed mid-run, on %s', (kind) => {
  let target: CrashTarget;
  let world: TestWorld;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    target = await crashTarget(kind);
    const database = await target.open();
    try {
      await migrateToLatest(database.db);
      world = await seedTestWorld(database.db);
      const programme = await buildProgramme(database.db, world);
      body = {
        title: 'Nhiệm vụ gửi lại sau sự cố',
        programmeId: programme.id,
        leadOrganizationId: world.org.ministry.id,
        deadline: '2030-06-30',
        expectedOutput: 'system',
      };
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => target.remove());

  it('answers 409 with Retry-After while the claim lasts, then lets the retry create it once; answers expire', async () => {
    const child = spawnNode(
      [CRASH_CHILD, 'create-task', world.person.steering.email, KEY, JSON.stringify(body)],
      target.env,
    );
    try {
      await child.waitFor(/create: its key claimed, the task being written/);
    } finally {
      await child.kill();
    }

    const database = await target.open();
    const app = await buildApp(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), webDir: '/nonexistent' });
    try {
      const { db } = database;
      const steering = await signInTo(app, world.person.steering.email);
      const retry = () =>
        steering.request({ method: 'POST', url: '/api/v1/tasks', payload: body, headers: { 'idempotency-key': KEY } });
      const tasks = async () =>
        (
          await db
            .selectFrom('task')
            .select('id')
            .where('title', '=', body.title as string)
            .execute()
        ).length;

      // The claim of the dead request still holds the key: a retry is told to come back, not that
      // someone changed the record (412).
      const early = await retry();
      expect(early.statusCode, early.body).toBe(409);
      expect(early.headers['content-type']).toContain('application/problem+json');
      expect(early.json()).toMatchObject({ code: 'idempotency_in_flight', status: 409 });
      expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const french = await steering.request({
        method: 'POST',
        url: '/api/v1/tasks',
        payload: body,
        headers: { 'idempotency-key': KEY, 'accept-language': 'fr' },
      });
      expect(french.json().detail).toMatch(/encore en cours/);

      // As if the claim's time had passed: the key was abandoned, and the retry runs.
      await sql`UPDATE idempotency_key
        SET created_at = created_at - make_interval(secs => ${CLAIM_SECONDS + 1}),
            expires_at = expires_at - make_interval(secs => ${CLAIM_SECONDS + 1})`.execute(db);
      const created = await retry();
      expect(created.statusCode, created.body).toBe(201);
      expect(await tasks()).toBe(1);
      const replayed = await retry();
      expect(replayed.statusCode).toBe(201);
      expect(replayed.json()).toEqual(created.json());
      expect(await tasks()).toBe(1);

      // The answer is kept for a day, then purged: the key is free again.
      expect(await repository.purgeExpired(db)).toBe(0);
      await sql`UPDATE idempotency_key SET expires_at = expires_at - make_interval(secs => ${KEEP_SECONDS})`.execute(
        db,
      );
      expect(await repository.purgeExpired(db)).toBe(1);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_key`.execute(db);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await app.close();
      await database.close();
    }
  }, 180_000);
});
