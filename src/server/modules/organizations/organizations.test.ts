import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

interface Page {
  items: Organization[];
  nextCursor: string | null;
}

describe.each(TEST_DATABASE_KINDS)('organizations on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hanoiAdmin: TestClient;
  let outsider: TestClient;
  let leader: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const p = t.world.person;
    [admin, hanoiAdmin, outsider, leader] = await Promise.all([
      t.signIn(p.admin.email),
      t.signIn(p.hanoiAdmin.email),
      t.signIn(p.outsider.email),
      t.signIn(p.leader.email),
    ]);
  });
  afterAll(() => t.close());

  const list = async (client: TestClient, query: string): Promise<Page> => {
    const response = await client.request({ method: 'GET', url: `/api/v1/organizations?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const codes = (page: Page) => page.items.map((item) => item.code);
  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.request({ method: 'POST', url: '/api/v1/organizations', payload: body });
  const department = (code: string, parentId = t.world.org.hanoi.id) => ({
    code,
    kind: 'provincial_department',
    nameVi: `Sở thử ${code}`,
    nameEn: `Test department ${code}`,
    parentId,
  });
  const auditOf = async (entityId: string) =>
    (await admin.request({ method: 'GET', url: `/api/v1/audit?entityId=${entityId}` })).json().items as Array<{
      action: string;
      actorId: string | null;
      before: unknown;
      after: unknown;
    }>;

  describe('reading', () => {
    it('lists the roots when no parent and no search is given', async () => {
      const page = await list(leader, '');
      expect(codes(page)).toEqual(['VN']);
      expect(page.items[0]).toMatchObject({ parentId: null, depth: 0, kind: 'national', childCount: 3 });
      expect(page.nextCursor).toBeNull();
    });

    it('lists the children of a parent given by id or by code, in kind-then-code order', async () => {
      const byId = await list(leader, `parent=${t.world.org.root.id}`);
      const byCode = await list(leader, 'parent=VN');
      expect(codes(byId)).toEqual(['CP', '01', '79']);
      expect(byCode).toEqual(byId);
      expect(codes(await list(leader, 'parent=01'))).toEqual(expect.arrayContaining(['01.001', '01.002']));
    });

    it('answers 404 for an unknown parent, and anyone without an account (the directory is public)', async () => {
      const unknown = await leader.request({ method: 'GET', url: '/api/v1/organizations?parent=NOPE' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('not_found');
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/organizations?q=ha%20noi' });
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.json().items.map((o: Organization) => o.code)).toContain('01');
    });

    it('pages through children with a cursor, without duplicates or gaps', async () => {
      const parent = (await create(admin, { ...department('PAGE'), kind: 'department' })).json() as Organization;
      const created = ['P07', 'P03', 'P01', 'P05', 'P02', 'P06', 'P04'];
      for (const code of created) expect((await create(hanoiAdmin, department(code, parent.id))).statusCode).toBe(201);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(
          leader,
          `parent=${parent.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...codes(page));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([...created].sort());
      const parentAfter = (await leader.request({ method: 'GET', url: `/api/v1/organizations/${parent.id}` })).json();
      expect(parentAfter.childCount).toBe(7);
    });

    it('searches ignoring case and diacritics, in the whole tree or within a parent', async () => {
      expect(codes(await list(leader, 'q=ha%20noi'))).toContain('01');
      expect(codes(await list(leader, 'q=HA%20NOI'))).toContain('01');
      expect(codes(await list(leader, `q=${encodeURIComponent('Hà Nội'.normalize('NFD'))}`))).toContain('01');
      expect(codes(await list(leader, 'q=dong%20anh'))).toEqual(['01.002']);
      expect(codes(await list(leader, 'q=hoan%20kiem&parent=01'))).toEqual(['01.001']);
      expect(codes(await list(leader, 'q=hoan%20kiem&parent=79'))).toEqual([]);
      expect(codes(await list(leader, 'q=ho%20chi%20minh'))).toEqual(['79']);
      expect(codes(await list(leader, 'q=100%25'))).toEqual([]);
    });

    it('names each result’s parent, so that communes named alike can be told apart', async () => {
      const [dongAnh] = (await list(leader, 'q=dong%20anh')).items;
      expect(dongAnh).toMatchObject({ parentNameVi: 'Thành phố Hà Nội', parentNameEn: 'Hanoi' });
      const [root] = (await list(leader, '')).items;
      expect(root).toMatchObject({ code: 'VN', parentNameVi: null, parentNameEn: null });
    });

    it('filters by kind, within a parent when given', async () => {
      expect(codes(await list(leader, 'kind=ward'))).toEqual(['01.001']);
      expect(codes(await list(leader, 'kind=city'))).toEqual(['01', '79']);
      expect(codes(await list(leader, 'kind=ministry&parent=79'))).toEqual([]);
      expect(codes(await list(leader, 'kind=ministry&parent=CP'))).toEqual(['BKHCN']);
      const invalid = await leader.request({ method: 'GET', url: '/api/v1/organizations?kind=planet' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().errors[0].path).toBe('querystring.kind');
    });

    it('returns one organization with its ancestors, root first, and its version as ETag', async () => {
      for (const ref of [t.world.org.dongAnh.id, '01.002']) {
        const response = await leader.request({ method: 'GET', url: `/api/v1/organizations/${ref}` });
        expect(response.statusCode).toBe(200);
        expect(response.headers.etag).toBe('"1"');
        const detail = response.json();
        expect(detail).toMatchObject({
          code: '01.002',
          nameVi: 'Xã Đông Anh',
          depth: 2,
          parentId: t.world.org.hanoi.id,
          version: 1,
        });
        expect(detail.ancestors.map((a: { code: string }) => a.code)).toEqual(['VN', '01']);
      }
      const root = (await leader.request({ method: 'GET', url: '/api/v1/organizations/VN' })).json();
      expect(root.ancestors).toEqual([]);
      expect((await leader.request({ method: 'GET', url: '/api/v1/organizations/NOPE' })).statusCode).toBe(404);
    });
  });

  describe('creating', () => {
    it('lets an admin of the parent’s scope create a child, and audits it', async () => {
      const response = await create(hanoiAdmin, department('01.SNV'));
      expect(response.statusCode).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      const created = response.json();
      expect(created).toMatchObject({
        code: '01.SNV',
        depth: 2,
        parentId: t.world.org.hanoi.id,
        childCount: 0,
        version: 1,
      });
      const entries = await auditOf(created.id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'organization.created',
          actorId: t.world.person.hanoiAdmin.id,
          before: null,
          after: {
            code: '01.SNV',
            kind: 'provincial_department',
            nameVi: 'Sở thử 01.SNV',
            nameEn: 'Test department 01.SNV',
            parentId: t.world.org.hanoi.id,
          },
        }),
      ]);
      expect(codes(await list(leader, 'q=so%20thu%2001.snv'))).toEqual(['01.SNV']);
    });

    it.each([
      ['an admin of another province', () => outsider, 403, 'forbidden'],
      ['a leader', () => leader, 403, 'forbidden'],
    ])('refuses %s', async (_who, client, status, code) => {
      const response = await create(client(), department('REFUSED'));
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(codes(await list(leader, 'q=refused'))).toEqual([]);
    });

    it('refuses an unauthenticated caller', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: department('ANON'),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });

    it('refuses a duplicate code with 409 naming the field', async () => {
      const response = await create(hanoiAdmin, department('01.001'));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'duplicate', errors: [expect.objectContaining({ path: 'code' })] });
    });

    it('answers concurrent creates of one code with one 201 and 409s, never 500', async () => {
      const responses = await Promise.all(Array.from({ length: 4 }, () => create(hanoiAdmin, department('RACE'))));
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    });

    it.each([
      ['an unknown field', { ...{ code: 'X1', kind: 'ward', nameVi: 'A', nameEn: 'A' }, colour: 'red' }, 'body'],
      ['an over-long name', { code: 'X2', kind: 'ward', nameVi: 'n'.repeat(301), nameEn: 'A' }, 'body.nameVi'],
      ['a wrong type', { code: 12, kind: 'ward', nameVi: 'A', nameEn: 'A' }, 'body.code'],
      ['an unknown kind', { code: 'X3', kind: 'planet', nameVi: 'A', nameEn: 'A' }, 'body.kind'],
      ['a blank name', { code: 'X4', kind: 'ward', nameVi: '   ', nameEn: 'A' }, 'body.nameVi'],
      ['a code with spaces', { code: 'X 5', kind: 'ward', nameVi: 'A', nameEn: 'A' }, 'body.code'],
    ])('refuses %s with 400 and the field at fault', async (_what, body, path) => {
      const response = await create(hanoiAdmin, { ...body, parentId: t.world.org.hanoi.id });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('accepts a name of exactly 300 characters', async () => {
      const response = await create(hanoiAdmin, { ...department('LONG'), nameVi: 'n'.repeat(300) });
      expect(response.statusCode).toBe(201);
    });
  });

  describe('updating', () => {
    const patch = (client: TestClient, id: string, ifMatch: string | undefined, body: Record<string, unknown>) =>
      client.request({
        method: 'PATCH',
        url: `/api/v1/organizations/${id}`,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
        payload: body,
      });

    it('renames with the current version, bumps the version and audits before and after', async () => {
      const id = t.world.org.hoanKiem.id;
      const read = await hanoiAdmin.request({ method: 'GET', url: `/api/v1/organizations/${id}` });
      const response = await patch(hanoiAdmin, id, read.headers.etag as string, { nameVi: 'Phường Hoàn Kiếm Mới' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.json()).toMatchObject({ nameVi: 'Phường Hoàn Kiếm Mới', nameEn: 'Hoan Kiem Ward', version: 2 });
      expect(codes(await list(leader, 'q=hoan%20kiem%20moi'))).toEqual(['01.001']);
      const [entry] = await auditOf(id);
      expect(entry).toMatchObject({
        action: 'organization.updated',
        actorId: t.world.person.hanoiAdmin.id,
        before: { nameVi: 'Phường Hoàn Kiếm', nameEn: 'Hoan Kiem Ward', kind: 'ward' },
        after: { nameVi: 'Phường Hoàn Kiếm Mới', nameEn: 'Hoan Kiem Ward', kind: 'ward' },
      });
    });

    it('refuses a stale version with 412 and the current version, changing nothing', async () => {
      const id = t.world.org.dongAnh.id;
      expect((await patch(hanoiAdmin, id, '"1"', { nameEn: 'Dong Anh' })).statusCode).toBe(200);
      const stale = await patch(hanoiAdmin, id, '"1"', { nameEn: 'Overwritten' });
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
      const now = (await leader.request({ method: 'GET', url: `/api/v1/organizations/${id}` })).json();
      expect(now).toMatchObject({ nameEn: 'Dong Anh', version: 2 });
    });

    it('requires If-Match (428) and a well-formed one (400)', async () => {
      const missing = await patch(hanoiAdmin, t.world.org.dongAnh.id, undefined, { nameEn: 'X' });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().code).toBe('precondition_required');
      const garbled = await patch(hanoiAdmin, t.world.org.dongAnh.id, 'banana', { nameEn: 'X' });
      expect(garbled.statusCode).toBe(400);
    });

    it('refuses an outsider and a leader with 403, even with the right version', async () => {
      for (const client of [outsider, leader]) {
        const response = await patch(client, t.world.org.hanoi.id, '"1"', { nameEn: 'Taken over' });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('forbidden');
      }
      expect((await leader.request({ method: 'GET', url: '/api/v1/organizations/01' })).json().nameEn).toBe('Hanoi');
      expect(await auditOf(t.world.org.hanoi.id)).toHaveLength(1);
    });

    it('answers 404 for an unknown organization', async () => {
      const response = await patch(admin, '00000000-0000-4000-8000-000000000000', '"1"', { nameEn: 'X' });
      expect(response.statusCode).toBe(404);
    });
  });
});
