import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { TEST_PASSWORD, type TestWorld } from '../testing/test-world.ts';

/**
 * The rule "every route has a test that a person outside the scope is refused", as a table: one
 * entry per operation of the OpenAPI document. A new route without an entry fails the coverage test.
 */
interface Fixtures {
  world: TestWorld;
  /** An API token of the admin of Hà Nội, and the focal point's role assignment in Hà Nội. */
  hanoiTokenId: string;
  focalAssignmentId: string;
}

type Refusal =
  | { status: 403 | 404; because: string }
  /** Routes about the caller alone (their session, their tokens) or the shared directory: nobody signed in is refused. */
  | { status: 200 | 201 | 204; because: string; check?: (body: unknown, f: Fixtures) => void };

interface Entry {
  /** The person making the out-of-scope request. */
  as: keyof TestWorld['person'];
  /** What a caller without credentials gets, when not 401, and why. */
  anonymous?: { status: number; because: string };
  request: (f: Fixtures) => InjectOptions;
  expected: Refusal;
}

const hanoiOrg = (f: Fixtures) => ({
  code: 'ACCESS',
  kind: 'provincial_department',
  nameVi: 'Sở',
  nameEn: 'Dept',
  parentId: f.world.org.hanoi.id,
});

const TABLE: Record<string, Entry> = {
  'GET /api/v1/organizations': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/organizations?parent=01' }),
    expected: {
      status: 200,
      because: 'the directory is readable by every signed-in person (assignees are picked from it)',
    },
  },
  'GET /api/v1/organizations/{idOrCode}': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/organizations/01' }),
    expected: { status: 200, because: 'the directory is readable by every signed-in person' },
  },
  'POST /api/v1/organizations': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: '/api/v1/organizations', payload: hanoiOrg(f) }),
    expected: { status: 403, because: 'an admin of HCM creates nothing under Hà Nội' },
  },
  'PATCH /api/v1/organizations/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/organizations/${f.world.org.hanoi.id}`,
      headers: { 'if-match': '"1"' },
      payload: { nameEn: 'X' },
    }),
    expected: { status: 403, because: 'an admin of HCM does not rename Hà Nội' },
  },
  'GET /api/v1/people': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/people?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not list the people of Hà Nội' },
  },
  'POST /api/v1/people': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/people',
      payload: {
        email: 'access@test.steerboard.vn',
        fullName: 'A',
        organizationId: f.world.org.hanoi.id,
        password: 'a long enough password',
      },
    }),
    expected: { status: 403, because: 'an admin of HCM adds nobody to Hà Nội' },
  },
  'GET /api/v1/people/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/people/${f.world.person.hanoiFocal.id}` }),
    expected: { status: 403, because: 'an admin of HCM does not read a person of Hà Nội' },
  },
  'PATCH /api/v1/people/{id}': {
    as: 'outsider',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/people/${f.world.person.hanoiFocal.id}`,
      headers: { 'if-match': '"1"' },
      payload: { isActive: false },
    }),
    expected: { status: 403, because: 'an admin of HCM does not disable a person of Hà Nội' },
  },
  'POST /api/v1/people/{id}/roles': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/people/${f.world.person.outsider.id}/roles`,
      payload: { role: 'admin', organizationId: f.world.org.hanoi.id },
    }),
    expected: { status: 403, because: 'an admin of HCM cannot make itself admin of Hà Nội' },
  },
  'DELETE /api/v1/people/{id}/roles/{assignmentId}': {
    as: 'outsider',
    request: (f) => ({
      method: 'DELETE',
      url: `/api/v1/people/${f.world.person.hanoiFocal.id}/roles/${f.focalAssignmentId}`,
    }),
    expected: { status: 403, because: 'an admin of HCM does not revoke a role held in Hà Nội' },
  },
  'GET /api/v1/audit': {
    as: 'hanoiFocal',
    request: () => ({ method: 'GET', url: '/api/v1/audit' }),
    expected: { status: 403, because: 'a focal point does not read the audit trail' },
  },
  'GET /api/v1/audit/verify': {
    as: 'leader',
    request: () => ({ method: 'GET', url: '/api/v1/audit/verify' }),
    expected: { status: 403, because: 'only admins and inspectors verify the chain' },
  },
  'GET /api/v1/auth/session': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/auth/session' }),
    expected: {
      status: 200,
      because: 'one’s own session',
      check: (body, f) => expect((body as { person: { id: string } }).person.id).toBe(f.world.person.outsider.id),
    },
  },
  'POST /api/v1/auth/sign-out': {
    as: 'outsider',
    anonymous: { status: 204, because: 'signing out is idempotent: it clears a stale cookie without a session' },
    request: () => ({ method: 'POST', url: '/api/v1/auth/sign-out' }),
    expected: { status: 204, because: 'ends one’s own session only' },
  },
  'GET /api/v1/auth/tokens': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/auth/tokens' }),
    expected: {
      status: 200,
      because: 'lists one’s own tokens only',
      check: (body, f) =>
        expect((body as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(f.hanoiTokenId),
    },
  },
  'POST /api/v1/auth/tokens': {
    as: 'outsider',
    request: () => ({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'Mine' } }),
    expected: { status: 201, because: 'a token acts with its creator’s own roles' },
  },
  'DELETE /api/v1/auth/tokens/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/auth/tokens/${f.hanoiTokenId}` }),
    expected: { status: 404, because: 'another person’s token is hidden' },
  },
};

/** Open to anyone: listed so that the coverage test knows they were not forgotten. */
const PUBLIC: Record<string, InjectOptions> = {
  'GET /api/v1/health': { method: 'GET', url: '/api/v1/health' },
  'POST /api/v1/auth/sign-in': {
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'leader@test.steerboard.vn', password: TEST_PASSWORD },
  },
  'GET /api/v1/openapi.json': { method: 'GET', url: '/api/v1/openapi.json' },
  'GET /api/docs': { method: 'GET', url: '/api/docs' },
};

describe.each(TEST_DATABASE_KINDS)('route access on %s', (kind) => {
  let t: TestApp;
  let f: Fixtures;
  const clients = new Map<string, TestClient>();
  let documented: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const hanoiAdmin = await t.signIn(t.world.person.hanoiAdmin.email);
    const token = await hanoiAdmin.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'Cổng Hà Nội' },
    });
    const focal = await hanoiAdmin.request({ method: 'GET', url: `/api/v1/people/${t.world.person.hanoiFocal.id}` });
    f = { world: t.world, hanoiTokenId: token.json().id, focalAssignmentId: focal.json().roles[0].id };
    documented = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths;
  });
  afterAll(() => t.close());

  const client = async (key: keyof TestWorld['person']) => {
    const existing = clients.get(key);
    if (existing) return existing;
    const created = await t.signIn(t.world.person[key].email);
    clients.set(key, created);
    return created;
  };
  const documentedStatuses = (key: string) => {
    const [method = '', path = ''] = key.split(' ');
    return Object.keys(documented[path]?.[method.toLowerCase()]?.responses ?? {}).map(Number);
  };

  it('has one entry for every operation of the OpenAPI document, and no other', () => {
    const operations = Object.entries(documented).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const listed = [...Object.keys(TABLE), ...Object.keys(PUBLIC).filter((key) => operations.includes(key))];
    expect(listed.sort()).toEqual(operations.sort());
  });

  describe.each(Object.entries(TABLE))('%s', (key, entry) => {
    it(`answers ${entry.anonymous?.status ?? 401} without credentials, and 401 with a bogus bearer token`, async () => {
      const send = (headers: Record<string, string>) => {
        const options = entry.request(f);
        return t.app.inject({ ...options, headers: { ...(options.headers as object), ...headers } });
      };
      const anonymous = await send({});
      expect(anonymous.statusCode, anonymous.body).toBe(entry.anonymous?.status ?? 401);
      if (!entry.anonymous) expect(anonymous.json().code).toBe('unauthenticated');
      const bogus = await send({ authorization: 'Bearer sb_not-a-real-token' });
      expect(bogus.statusCode, bogus.body).toBe(401);
      expect(bogus.json().code).toBe('unauthenticated');
      expect(documentedStatuses(key)).toContain(401);
    });

    it(`refuses or confines the person outside the scope (${entry.expected.because})`, async () => {
      const response = await (await client(entry.as)).request(entry.request(f));
      expect(response.statusCode, response.body).toBe(entry.expected.status);
      expect(documentedStatuses(key)).toContain(entry.expected.status);
      if (response.statusCode >= 400) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe(entry.expected.status === 403 ? 'forbidden' : 'not_found');
      } else if ('check' in entry.expected && entry.expected.check) {
        entry.expected.check(response.json(), f);
      }
      if (key === 'POST /api/v1/auth/sign-out') clients.delete(entry.as);
    });
  });

  it.each(Object.entries(PUBLIC))('%s is public: it answers without credentials', async (_key, options) => {
    const response = await t.app.inject(options);
    expect([200, 302]).toContain(response.statusCode);
  });

  it('leaves the data the refused requests aimed at untouched', async () => {
    const admin = await client('admin');
    const focal = (
      await admin.request({ method: 'GET', url: `/api/v1/people/${t.world.person.hanoiFocal.id}` })
    ).json();
    expect(focal).toMatchObject({ isActive: true, roles: [expect.objectContaining({ id: f.focalAssignmentId })] });
    expect((await admin.request({ method: 'GET', url: '/api/v1/organizations/01' })).json().nameEn).toBe('Hanoi');
    expect((await admin.request({ method: 'GET', url: '/api/v1/organizations/ACCESS' })).statusCode).toBe(404);
    const outsider = (
      await admin.request({ method: 'GET', url: `/api/v1/people/${t.world.person.outsider.id}` })
    ).json();
    expect(outsider.roles.map((r: { organizationCode: string }) => r.organizationCode)).toEqual(['79']);
    const tokens = await (await client('hanoiAdmin')).request({ method: 'GET', url: '/api/v1/auth/tokens' });
    expect(tokens.json().items.map((i: { id: string }) => i.id)).toContain(f.hanoiTokenId);
  });
});
