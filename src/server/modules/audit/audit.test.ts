import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/schemas/audit.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { countRows, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import type { AuditRow } from './audit.repository.ts';
import { verify } from './audit.service.ts';

describe.each(TEST_DATABASE_KINDS)('audit trail on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hanoiAdmin: TestClient;
  let inspector: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const p = t.world.person;
    [admin, hanoiAdmin, inspector] = await Promise.all([
      t.signIn(p.admin.email),
      t.signIn(p.hanoiAdmin.email),
      t.signIn(p.inspector.email),
    ]);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const count = () => countRows(db(), 'audit_log');
  const allSeqs = async () =>
    (await db().selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((row) => Number(row.seq));
  const createDepartment = (client: TestClient, code: string, parentId = t.world.org.hanoi.id) =>
    client.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { code, kind: 'provincial_department', nameVi: `Sở ${code}`, nameEn: `Dept ${code}`, parentId },
    });
  const verifyApi = async () => {
    const response = await inspector.request({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(response.statusCode).toBe(200);
    return response.json() as Awaited<ReturnType<typeof verify>>;
  };
  const readRow = (seq: number) =>
    db().selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow() as Promise<AuditRow>;
  const restore = async (row: AuditRow) => {
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    await db()
      .insertInto('audit_log')
      .values({ ...row, before: json(row.before), after: json(row.after) })
      .execute();
  };
  /** Seqs reported by both the service and the API, which must agree. */
  const reported = async () => {
    const [service, api] = await Promise.all([verify(db()), verifyApi()]);
    expect(api).toEqual(service);
    expect(service.ok).toBe(false);
    return [...new Set(service.problems.map((problem) => problem.seq))];
  };

  describe('recording', () => {
    it('records who did what, with before and after, chained to the previous entry', async () => {
      const created = await createDepartment(hanoiAdmin, 'AUD1');
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const rows = await db().selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      const row = rows[0] as AuditRow;
      expect(row).toMatchObject({
        actor_id: t.world.person.hanoiAdmin.id,
        action: 'organization.created',
        entity_type: 'organization',
        before: null,
        after: {
          code: 'AUD1',
          kind: 'provincial_department',
          nameVi: 'Sở AUD1',
          nameEn: 'Dept AUD1',
          parentId: t.world.org.hanoi.id,
        },
      });
      expect(row.scope_path).toMatch(new RegExp(`^/${t.world.org.root.id}/${t.world.org.hanoi.id}/${id}/$`));
      const previous = await readRow(Number(row.seq) - 1);
      expect(row.prev_hash).toBe(previous.hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: Number(row.seq), hash: row.hash });
    });

    it('records the system (seed) with no actor', async () => {
      const first = await readRow(1);
      expect(first).toMatchObject({ actor_id: null, action: 'organization.created', prev_hash: '0'.repeat(64) });
    });

    it('leaves no entry for a refused write', async () => {
      // Signing in is itself audited: done before counting.
      const outsider = await t.signIn(t.world.person.outsider.email);
      const before = await count();
      expect((await createDepartment(outsider, 'AUD-NO')).statusCode).toBe(403);
      expect((await createDepartment(hanoiAdmin, 'AUD1')).statusCode).toBe(409);
      expect(await count()).toBe(before);
    });

    it('writes the change and its entry in one transaction: when the entry fails, the change is undone', async () => {
      const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      // A head pointing one entry back makes the next append collide with an existing seq.
      await db()
        .updateTable('audit_head')
        .set({ seq: Number(head.seq) - 1 })
        .execute();
      try {
        const response = await createDepartment(hanoiAdmin, 'AUD-TX');
        expect(response.statusCode).toBe(500);
        expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
        expect(response.body).not.toMatch(/duplicate key|audit_log_pkey|at .*\.ts/);
      } finally {
        await db()
          .updateTable('audit_head')
          .set({ seq: Number(head.seq) })
          .execute();
      }
      const orphan = await db().selectFrom('organization').select('id').where('code', '=', 'AUD-TX').executeTakeFirst();
      expect(orphan).toBeUndefined();
      expect((await verify(db())).ok).toBe(true);
    });

    it('keeps the chain linear under concurrent writes that share no row (the advisory lock alone orders them)', async () => {
      const before = await count();
      // Different parents and API tokens: no row lock serializes these transactions, only the audit lock.
      const parents = [
        t.world.org.root,
        t.world.org.hoanKiem,
        t.world.org.dongAnh,
        t.world.org.hcm,
        t.world.org.government,
        t.world.org.ministry,
      ];
      const responses = await Promise.all([
        ...parents.map((parent, i) => createDepartment(admin, `CONC${i}`, parent.id)),
        ...Array.from({ length: 6 }, (_, i) =>
          admin.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: `Token ${i}` } }),
        ),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
      expect(await count()).toBe(before + 12);
      const seqs = await allSeqs();
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
      const result = await verify(db());
      expect(result).toEqual({ ok: true, checked: before + 12, problems: [] });
    });
  });

  describe('verification', () => {
    it('reports an intact chain the same way in the service and the API', async () => {
      const service = await verify(db());
      expect(service).toEqual({ ok: true, checked: await count(), problems: [] });
      expect(await verifyApi()).toEqual(service);
    });

    it('reports an entry whose content was edited', async () => {
      const seqs = await allSeqs();
      const target = seqs[Math.floor(seqs.length / 2)] as number;
      const original = await readRow(target);
      await db()
        .updateTable('audit_log')
        .set({ after: JSON.stringify({ code: 'FORGED' }) })
        .where('seq', '=', target)
        .execute();
      try {
        expect(await reported()).toEqual([target]);
      } finally {
        await db().deleteFrom('audit_log').where('seq', '=', target).execute();
        await restore(original);
      }
      expect((await verify(db())).ok).toBe(true);
    });

    it('reports an edit that keeps the JSON but changes the actor or time', async () => {
      const target = 3;
      const original = await readRow(target);
      await db()
        .updateTable('audit_log')
        .set({ at: sql`at + interval '1 second'` })
        .where('seq', '=', target)
        .execute();
      try {
        expect(await reported()).toEqual([target]);
      } finally {
        await db().deleteFrom('audit_log').where('seq', '=', target).execute();
        await restore(original);
      }
    });

    it('reports a deleted entry in the middle', async () => {
      const seqs = await allSeqs();
      const target = seqs[Math.floor(seqs.length / 2)] as number;
      const original = await readRow(target);
      await db().deleteFrom('audit_log').where('seq', '=', target).execute();
      try {
        expect(await reported()).toEqual([target + 1]);
      } finally {
        await restore(original);
      }
      expect((await verify(db())).ok).toBe(true);
    });

    it('reports the newest entry deleted, left out of the chain but not of audit_head', async () => {
      const seqs = await allSeqs();
      const newest = seqs.at(-1) as number;
      const original = await readRow(newest);
      await db().deleteFrom('audit_log').where('seq', '=', newest).execute();
      try {
        const result = await verify(db());
        expect(result.checked).toBe(seqs.length - 1);
        expect(await reported()).toEqual([newest]);
        expect(result.problems[0]?.problem).toContain(String(newest - 1));
      } finally {
        await restore(original);
      }
      expect((await verify(db())).ok).toBe(true);
    });
  });

  describe('reading', () => {
    const listAll = async (client: TestClient, query = '', limit = 500) => {
      const items: AuditEntry[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await client.request({
          method: 'GET',
          url: `/api/v1/audit?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json();
        items.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      return { items, pages };
    };

    it('shows an inspector every entry, newest first, with actor names', async () => {
      const { items } = await listAll(inspector);
      expect(items.map((entry) => entry.seq)).toEqual((await allSeqs()).reverse());
      const byHanoiAdmin = items.find((entry) => entry.actorId === t.world.person.hanoiAdmin.id);
      expect(byHanoiAdmin?.actorName).toBe('Nguyễn Hà Nội');
    });

    it('shows an admin of Hà Nội exactly the entries scoped within Hà Nội', async () => {
      const { items } = await listAll(hanoiAdmin);
      const hanoiPath = `/${t.world.org.root.id}/${t.world.org.hanoi.id}/`;
      const expected = await db()
        .selectFrom('audit_log')
        .select('seq')
        .where('scope_path', 'like', `${hanoiPath}%`)
        .orderBy('seq', 'desc')
        .execute();
      expect(items.map((entry) => entry.seq)).toEqual(expected.map((row) => Number(row.seq)));
      expect(items.length).toBeGreaterThan(5);
      const ids = new Set(items.map((entry) => entry.entityId));
      expect(ids.has(t.world.org.hcm.id)).toBe(false);
      expect(ids.has(t.world.person.outsider.id)).toBe(false);
    });

    it('refuses a focal point, a leader and an anonymous caller', async () => {
      for (const person of [t.world.person.hanoiFocal, t.world.person.leader]) {
        const client = await t.signIn(person.email);
        for (const url of ['/api/v1/audit', '/api/v1/audit/verify']) {
          const response = await client.request({ method: 'GET', url });
          expect(response.statusCode, `${person.email} ${url}`).toBe(403);
        }
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    });

    it('pages with a cursor without duplicates or gaps', async () => {
      const whole = await listAll(admin);
      const paged = await listAll(admin, '', 7);
      expect(paged.pages).toBe(Math.ceil(whole.items.length / 7));
      expect(paged.items.map((entry) => entry.seq)).toEqual(whole.items.map((entry) => entry.seq));
      const bad = await admin.request({ method: 'GET', url: '/api/v1/audit?cursor=abc' });
      expect(bad.statusCode).toBe(400);
    });

    it('filters by entity, actor and action', async () => {
      const { items } = await listAll(admin, `&actorId=${t.world.person.hanoiAdmin.id}&action=organization.created`);
      expect(items.length).toBe(1);
      expect(
        items.every(
          (entry) => entry.actorId === t.world.person.hanoiAdmin.id && entry.action === 'organization.created',
        ),
      ).toBe(true);
    });
  });
});
