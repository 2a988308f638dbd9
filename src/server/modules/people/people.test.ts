import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/schemas/people.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

interface Page {
  items: Person[];
  nextCursor: string | null;
}

describe.each(TEST_DATABASE_KINDS)('people and roles on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hanoiAdmin: TestClient;
  let hanoiFocal: TestClient;
  let outsider: TestClient;
  let inspector: TestClient;
  let handler: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const p = t.world.person;
    [admin, hanoiAdmin, hanoiFocal, outsider, inspector, handler] = await Promise.all([
      t.signIn(p.admin.email),
      t.signIn(p.hanoiAdmin.email),
      t.signIn(p.hanoiFocal.email),
      t.signIn(p.outsider.email),
      t.signIn(p.inspector.email),
      t.signIn(p.handler.email),
    ]);
  });
  afterAll(() => t.close());

  const get = (client: TestClient, url: string) => client.request({ method: 'GET', url });
  const emails = (page: Page) => page.items.map((person) => person.email).sort();
  const listAll = async (client: TestClient, query = '', limit = 100): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(
        client,
        `/api/v1/people?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page: Page = response.json();
      seen.push(...page.items.map((person) => person.email));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  const newPerson = (email: string, organizationId = t.world.org.hanoi.id) => ({
    email,
    fullName: 'Ngô Thị Mới',
    organizationId,
    password: 'a long enough password',
  });
  const grant = (client: TestClient, personId: string, role: string, organizationId: string) =>
    client.request({ method: 'POST', url: `/api/v1/people/${personId}/roles`, payload: { role, organizationId } });
  const email = (key: keyof TestApp['world']['person']) => t.world.person[key].email;

  describe('listing', () => {
    it('shows an admin of Hà Nội only the people of Hà Nội', async () => {
      expect((await listAll(hanoiAdmin)).sort()).toEqual(
        [email('handler'), email('hanoiAdmin'), email('hanoiFocal')].sort(),
      );
    });

    it('shows an inspector everyone, and a focal point of Hà Nội the people of Hà Nội', async () => {
      const everyone = Object.values(t.world.person).map((person) => person.email);
      expect(await listAll(inspector)).toEqual(expect.arrayContaining(everyone));
      expect((await listAll(hanoiFocal)).sort()).toEqual(
        [email('handler'), email('hanoiAdmin'), email('hanoiFocal')].sort(),
      );
      const read = await get(hanoiFocal, `/api/v1/people/${t.world.person.handler.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().fullName).toBe('Đỗ Tiếp Nhận');
    });

    it('narrows to a scope the caller may read, and refuses one outside it', async () => {
      const ward = await get(hanoiAdmin, `/api/v1/people?scope=${t.world.org.hoanKiem.id}`);
      expect(emails(ward.json())).toEqual([email('hanoiFocal')]);
      const outside = await get(hanoiAdmin, '/api/v1/people?scope=79');
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('forbidden');
      const inspectorHcm = await get(inspector, '/api/v1/people?scope=79');
      expect(emails(inspectorHcm.json())).toEqual([email('outsider')]);
      expect((await get(hanoiAdmin, '/api/v1/people?scope=NOPE')).statusCode).toBe(404);
    });

    it('refuses a role that reads no people, and a caller without credentials', async () => {
      expect((await get(handler, '/api/v1/people')).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
    });

    it('searches names and e-mails ignoring diacritics', async () => {
      const found = await get(inspector, '/api/v1/people?q=nguyen%20ha%20noi');
      expect(emails(found.json())).toEqual([email('hanoiAdmin')]);
      const byEmailPart = await get(inspector, '/api/v1/people?q=OUTSIDER');
      expect(emails(byEmailPart.json())).toEqual([email('outsider')]);
      const folded = await get(hanoiAdmin, `/api/v1/people?q=${encodeURIComponent('ĐỖ tiếp')}`);
      expect(emails(folded.json())).toEqual([email('handler')]);
      const outOfScope = await get(hanoiAdmin, '/api/v1/people?q=sai%20gon');
      expect(outOfScope.json().items).toEqual([]);
    });

    it('pages by e-mail without duplicates or gaps', async () => {
      const all = await listAll(inspector, '', 100);
      const paged = await listAll(inspector, '', 2);
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(paged.length);
      expect(paged).toEqual([...paged].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    });
  });

  describe('creating', () => {
    it('creates a person in the admin’s scope, audited, able to sign in', async () => {
      const response = await hanoiAdmin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: newPerson('moi@test.steerboard.vn'),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      const person = response.json();
      expect(person).toMatchObject({
        email: 'moi@test.steerboard.vn',
        locale: 'vi',
        isActive: true,
        roles: [],
        version: 1,
      });
      expect(person).not.toHaveProperty('password');
      expect(person).not.toHaveProperty('passwordHash');
      const audit = await get(admin, `/api/v1/audit?entityId=${person.id}`);
      expect(audit.json().items).toEqual([
        expect.objectContaining({
          action: 'person.created',
          actorId: t.world.person.hanoiAdmin.id,
          after: expect.objectContaining({ email: 'moi@test.steerboard.vn' }),
        }),
      ]);
      expect(JSON.stringify(audit.json())).not.toContain('a long enough password');
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'moi@test.steerboard.vn', password: 'a long enough password' },
      });
      expect(signIn.statusCode).toBe(200);
    });

    it('refuses an e-mail already used, whatever its case', async () => {
      const response = await hanoiAdmin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: newPerson(email('hanoiFocal').toUpperCase()),
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'duplicate',
        errors: [expect.objectContaining({ path: 'email' })],
      });
    });

    it('answers concurrent creates of one e-mail with one 201 and 409s, never 500', async () => {
      const responses = await Promise.all(
        ['race@test.steerboard.vn', 'RACE@test.steerboard.vn', 'Race@Test.Steerboard.vn'].map((address) =>
          hanoiAdmin.request({ method: 'POST', url: '/api/v1/people', payload: newPerson(address) }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    });

    it('refuses a password shorter than 12 characters', async () => {
      const response = await hanoiAdmin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: { ...newPerson('short@test.steerboard.vn'), password: 'elevenchars' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
    });

    it('refuses an outsider creating someone in Hà Nội', async () => {
      const response = await outsider.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: newPerson('intruder@test.steerboard.vn'),
      });
      expect(response.statusCode).toBe(403);
      expect(await listAll(inspector, '&q=intruder')).toEqual([]);
    });
  });

  describe('reading and updating one person', () => {
    it('gives a person with roles and an ETag; an outsider gets 403, anyone themselves', async () => {
      const id = t.world.person.hanoiFocal.id;
      const response = await get(hanoiAdmin, `/api/v1/people/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toMatch(/^"\d+"$/);
      expect(response.json().roles).toEqual([expect.objectContaining({ role: 'focal_point', organizationCode: '01' })]);
      expect((await get(outsider, `/api/v1/people/${id}`)).statusCode).toBe(403);
      expect((await get(handler, `/api/v1/people/${t.world.person.handler.id}`)).statusCode).toBe(200);
      expect((await get(hanoiAdmin, '/api/v1/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });

    it('updates with If-Match: ok bumps the version, stale 412, missing 428, outsider 403', async () => {
      const id = t.world.person.handler.id;
      const url = `/api/v1/people/${id}`;
      const etag = (await get(hanoiAdmin, url)).headers.etag as string;
      const ok = await hanoiAdmin.request({
        method: 'PATCH',
        url,
        headers: { 'if-match': etag },
        payload: { fullName: 'Đỗ Văn Tiếp', locale: 'en' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        fullName: 'Đỗ Văn Tiếp',
        locale: 'en',
        version: Number(etag.replaceAll('"', '')) + 1,
      });
      expect(ok.headers.etag).toBe(`"${ok.json().version}"`);
      const stale = await hanoiAdmin.request({
        method: 'PATCH',
        url,
        headers: { 'if-match': etag },
        payload: { fullName: 'X' },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().currentVersion).toBe(ok.json().version);
      expect((await hanoiAdmin.request({ method: 'PATCH', url, payload: { fullName: 'X' } })).statusCode).toBe(428);
      const intruder = await outsider.request({
        method: 'PATCH',
        url,
        headers: { 'if-match': ok.headers.etag as string },
        payload: { isActive: false },
      });
      expect(intruder.statusCode).toBe(403);
      expect((await get(hanoiAdmin, url)).json()).toMatchObject({ fullName: 'Đỗ Văn Tiếp', isActive: true });
      const audit = (await get(admin, `/api/v1/audit?entityId=${id}&action=person.updated`)).json().items;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        before: { fullName: 'Đỗ Tiếp Nhận', locale: 'vi' },
        after: { fullName: 'Đỗ Văn Tiếp', locale: 'en' },
      });
    });
  });

  describe('roles', () => {
    let personId: string;
    beforeAll(async () => {
      const response = await hanoiAdmin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: newPerson('roles@test.steerboard.vn'),
      });
      personId = response.json().id;
    });

    it('lets an admin of Hà Nội grant focal_point within Hà Nội but not in HCM', async () => {
      const ok = await grant(hanoiAdmin, personId, 'focal_point', t.world.org.dongAnh.id);
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().roles).toEqual([expect.objectContaining({ role: 'focal_point', organizationCode: '01.002' })]);
      const outside = await grant(hanoiAdmin, personId, 'focal_point', t.world.org.hcm.id);
      expect(outside.statusCode).toBe(403);
      const audit = (await get(admin, `/api/v1/audit?entityId=${personId}&action=role.granted`)).json().items;
      expect(audit).toEqual([
        expect.objectContaining({
          actorId: t.world.person.hanoiAdmin.id,
          after: expect.objectContaining({ role: 'focal_point' }),
        }),
      ]);
    });

    it('keeps the inspector role for root admins', async () => {
      expect((await grant(hanoiAdmin, personId, 'inspector', t.world.org.hanoi.id)).statusCode).toBe(403);
      expect((await grant(outsider, personId, 'inspector', t.world.org.hcm.id)).statusCode).toBe(403);
      const ok = await grant(admin, personId, 'inspector', t.world.org.hanoi.id);
      expect(ok.statusCode).toBe(201);
      expect(ok.json().roles.map((r: { role: string }) => r.role)).toEqual(['focal_point', 'inspector']);
    });

    it('refuses an outsider revoking a Hà Nội role, and an admin of Hà Nội while the person is an inspector', async () => {
      const person = (await get(hanoiAdmin, `/api/v1/people/${personId}`)).json() as Person;
      const focal = person.roles.find((role) => role.role === 'focal_point');
      const inspectorRole = person.roles.find((role) => role.role === 'inspector');
      if (!focal || !inspectorRole) throw new Error('roles missing');
      const url = (assignmentId: string) => `/api/v1/people/${personId}/roles/${assignmentId}`;
      expect((await outsider.request({ method: 'DELETE', url: url(focal.id) })).statusCode).toBe(403);
      expect((await hanoiAdmin.request({ method: 'DELETE', url: url(inspectorRole.id) })).statusCode).toBe(403);
      // An inspector reads everywhere: only a root admin, who alone appoints one, acts on them.
      expect((await hanoiAdmin.request({ method: 'DELETE', url: url(focal.id) })).statusCode).toBe(403);
      expect((await admin.request({ method: 'DELETE', url: url(inspectorRole.id) })).statusCode).toBe(200);
      const revoked = await hanoiAdmin.request({ method: 'DELETE', url: url(focal.id) });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().roles).toEqual([]);
      expect((await hanoiAdmin.request({ method: 'DELETE', url: url(focal.id) })).statusCode).toBe(404);
      const audit = (await get(admin, `/api/v1/audit?entityId=${personId}&action=role.revoked`)).json().items;
      expect(audit).toHaveLength(2);
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorId: t.world.person.admin.id,
            before: expect.objectContaining({ assignmentId: inspectorRole.id, role: 'inspector' }),
          }),
          expect.objectContaining({
            actorId: t.world.person.hanoiAdmin.id,
            before: expect.objectContaining({ assignmentId: focal.id, role: 'focal_point' }),
          }),
        ]),
      );
    });

    it('keeps an admin of Hà Nội from acting on a person of Hà Nội who holds a national role', async () => {
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/people',
        payload: newPerson('national@test.steerboard.vn', t.world.org.hoanKiem.id),
      });
      const id = created.json().id;
      expect((await grant(admin, id, 'focal_point', t.world.org.hanoi.id)).statusCode).toBe(201);
      const national = await grant(admin, id, 'leader', t.world.org.root.id);
      const leaderRole = national.json().roles.find((role: { role: string }) => role.role === 'leader');
      const hanoiRole = national.json().roles.find((role: { role: string }) => role.role === 'focal_point');
      const url = `/api/v1/people/${id}`;
      const patch = async (client: TestClient, payload: Record<string, unknown>) =>
        client.request({
          method: 'PATCH',
          url,
          headers: { 'if-match': (await get(admin, url)).headers.etag as string },
          payload,
        });

      expect((await patch(hanoiAdmin, { isActive: false })).statusCode).toBe(403);
      expect((await patch(hanoiAdmin, { fullName: 'Đổi Tên' })).statusCode).toBe(403);
      expect((await grant(hanoiAdmin, id, 'focal_point', t.world.org.dongAnh.id)).statusCode).toBe(403);
      expect((await hanoiAdmin.request({ method: 'DELETE', url: `${url}/roles/${hanoiRole.id}` })).statusCode).toBe(
        403,
      );
      const seenByHanoi = (await get(hanoiAdmin, url)).json();
      expect(seenByHanoi).toMatchObject({ isActive: true, fullName: 'Ngô Thị Mới', allowedActions: [] });
      expect(seenByHanoi.roles).toHaveLength(2);
      const listed = (await get(hanoiAdmin, '/api/v1/people?q=national')).json().items;
      expect(listed).toEqual([expect.objectContaining({ id, allowedActions: [] })]);
      expect((await get(admin, url)).json().allowedActions).toEqual(['edit', 'manage_roles']);

      // Without the national role the person is Hà Nội's alone again.
      expect((await admin.request({ method: 'DELETE', url: `${url}/roles/${leaderRole.id}` })).statusCode).toBe(200);
      expect((await get(hanoiAdmin, url)).json().allowedActions).toEqual(['edit', 'manage_roles']);
      const disabled = await patch(hanoiAdmin, { isActive: false });
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json()).toMatchObject({ isActive: false, allowedActions: ['edit', 'manage_roles'] });
    });

    it('takes effect on the next request of the person who got or lost it', async () => {
      const leader = await t.signIn(email('leader'));
      const leaderId = t.world.person.leader.id;
      expect((await get(leader, '/api/v1/audit')).statusCode).toBe(403);
      const granted = await grant(admin, leaderId, 'admin', t.world.org.hanoi.id);
      expect(granted.statusCode).toBe(201);
      expect((await get(leader, '/api/v1/audit')).statusCode).toBe(200);
      const assignment = granted.json().roles.find((r: { role: string }) => r.role === 'admin');
      expect(
        (await admin.request({ method: 'DELETE', url: `/api/v1/people/${leaderId}/roles/${assignment.id}` }))
          .statusCode,
      ).toBe(200);
      expect((await get(leader, '/api/v1/audit')).statusCode).toBe(403);
    });
  });
});
