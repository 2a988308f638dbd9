import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { TEST_PASSWORD, type TestWorld } from '../testing/test-world.ts';
import { actorFor, buildProgramme, buildTask, move } from '../testing/task-factory.ts';
import { uploadEvidence } from '../modules/evidence/evidence.service.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';

/**
 * The rule "every route has a test that a person outside the scope is refused", as a table: one
 * entry per operation of the OpenAPI document. A new route without an entry fails the coverage test.
 */
interface Fixtures {
  world: TestWorld;
  /** An API token of the admin of Hà Nội, and the focal point's role assignment in Hà Nội. */
  hanoiTokenId: string;
  focalAssignmentId: string;
  /** A task led by Hà Nội, in progress, with a progress report, a pending extension and an evidence file. */
  programmeId: string;
  hanoiTaskId: string;
  reportId: string;
  extensionId: string;
  fileId: string;
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

const BOUNDARY = 'steerboard-route-access';
const MULTIPART_PDF = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="bien-ban.pdf"',
  'Content-Type: application/pdf',
  '',
  '%PDF-1.4 minimal',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

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
  'GET /api/v1/programmes': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/programmes' }),
    expected: { status: 200, because: 'programmes and their groups are shared vocabulary for every signed-in person' },
  },
  'POST /api/v1/programmes': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { code: 'HN1', nameVi: 'Chương trình', nameEn: 'Programme', ownerOrganizationId: f.world.org.hanoi.id },
    }),
    expected: { status: 403, because: 'an admin of HCM registers no programme for Hà Nội' },
  },
  'GET /api/v1/directives': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/directives' }),
    expected: { status: 200, because: 'directive documents are public texts, cited by every scope' },
  },
  'POST /api/v1/directives': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/directives',
      payload: {
        number: '99-KH/UBND',
        docType: 'plan',
        issuerOrganizationId: f.world.org.hanoi.id,
        issuedOn: '2025-05-01',
        title: 'Kế hoạch',
      },
    }),
    expected: { status: 403, because: 'an admin of HCM registers no document issued by Hà Nội' },
  },
  'GET /api/v1/meetings': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/meetings?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not read the meetings of Hà Nội' },
  },
  'POST /api/v1/meetings': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { organizationId: f.world.org.hanoi.id, heldOn: '2025-05-01', title: 'Phiên họp' },
    }),
    expected: { status: 403, because: 'an admin of HCM records no meeting of Hà Nội' },
  },
  'GET /api/v1/tasks': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/tasks?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not list the tasks of Hà Nội' },
  },
  'POST /api/v1/tasks': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        title: 'Nhiệm vụ',
        programmeId: f.programmeId,
        leadOrganizationId: f.world.org.hanoi.id,
        deadline: null,
        expectedOutput: 'report',
      },
    }),
    expected: { status: 403, because: 'a focal point assigns no top-level task, even to its own city' },
  },
  'GET /api/v1/tasks/{id}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/tasks/${f.hanoiTaskId}` }),
    expected: { status: 403, because: 'an admin of HCM does not read a task of Hà Nội' },
  },
  'PATCH /api/v1/tasks/{id}': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/tasks/${f.hanoiTaskId}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Đổi tên' },
    }),
    expected: { status: 403, because: 'the lead agency does not edit what its assigner set' },
  },
  'POST /api/v1/tasks/{id}/transitions': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/transitions`,
      payload: { action: 'start' },
    }),
    expected: { status: 403, because: 'an admin of HCM moves no task of Hà Nội (nor learns its state)' },
  },
  'POST /api/v1/tasks/{id}/reports': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/reports`,
      payload: { percent: 90, narrative: 'Xong' },
    }),
    expected: { status: 403, because: 'only the lead agency reports progress' },
  },
  'POST /api/v1/tasks/{id}/reports/{reportId}/answer': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/reports/${f.reportId}/answer`,
      payload: { answer: 'Tự trả lời' },
    }),
    expected: { status: 403, because: 'the lead agency does not answer its own difficulties' },
  },
  'POST /api/v1/tasks/{id}/extensions': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/extensions`,
      payload: { requestedDeadline: '2099-01-01', reason: 'Xin gia hạn' },
    }),
    expected: { status: 403, because: 'only the lead agency asks for more time' },
  },
  'POST /api/v1/tasks/{id}/extensions/{extensionId}/decision': {
    as: 'hanoiFocal',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/extensions/${f.extensionId}/decision`,
      payload: { decision: 'approve' },
    }),
    expected: { status: 403, because: 'the lead agency does not grant its own extension' },
  },
  'POST /api/v1/tasks/{id}/comments': {
    as: 'outsider',
    request: (f) => ({ method: 'POST', url: `/api/v1/tasks/${f.hanoiTaskId}/comments`, payload: { body: 'Xin chào' } }),
    expected: { status: 403, because: 'only the task’s readers comment' },
  },
  'POST /api/v1/tasks/{id}/files': {
    as: 'outsider',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/tasks/${f.hanoiTaskId}/files`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: MULTIPART_PDF,
    }),
    expected: { status: 403, because: 'only the lead agency adds evidence' },
  },
  'GET /api/v1/tasks/{id}/files': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/tasks/${f.hanoiTaskId}/files` }),
    expected: { status: 403, because: 'evidence is read by the task’s readers only' },
  },
  'GET /api/v1/files/{fileId}': {
    as: 'outsider',
    request: (f) => ({ method: 'GET', url: `/api/v1/files/${f.fileId}` }),
    expected: { status: 403, because: 'evidence is read by the task’s readers only' },
  },
  'GET /api/v1/tasks/import/template': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/tasks/import/template?programme=R57' }),
    expected: { status: 200, because: 'the blank template is the same for everyone' },
  },
  'POST /api/v1/tasks/import': {
    as: 'outsider',
    request: () => ({ method: 'POST', url: '/api/v1/tasks/import?dry_run=true' }),
    expected: { status: 403, because: 'only the steering role imports tasks' },
  },
  'GET /api/v1/dashboard': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/dashboard?scope=01' }),
    expected: { status: 403, because: 'an admin of HCM does not read the dashboard of Hà Nội' },
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
    const db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const hanoiTaskId = await buildTask(db, await actorFor(db, t.world.person.steering), {
      programmeId: programme.id,
      leadOrganizationId: t.world.org.hanoi.id,
      deadline: '2099-01-01',
    });
    await move(db, hanoiFocal, hanoiTaskId, { percent: 10 });
    const reportId = (await db.selectFrom('progress_report').select('id').executeTakeFirstOrThrow()).id;
    const extensionId = await workflow.requestExtension(db, hanoiFocal, hanoiTaskId, {
      requestedDeadline: '2099-06-01',
      reason: 'Chờ kinh phí',
    });
    const file = await uploadEvidence(db, hanoiFocal.principal, hanoiTaskId, {
      fileName: 'bien-ban.pdf',
      content: Buffer.from('%PDF-1.4 minimal'),
    });
    f = {
      world: t.world,
      hanoiTokenId: token.json().id,
      focalAssignmentId: focal.json().roles[0].id,
      programmeId: programme.id,
      hanoiTaskId,
      reportId,
      extensionId,
      fileId: file.id,
    };
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
    const task = (await admin.request({ method: 'GET', url: `/api/v1/tasks/${f.hanoiTaskId}` })).json();
    expect(task).toMatchObject({
      state: 'in_progress',
      title: 'Nhiệm vụ thử nghiệm',
      progressPercent: 10,
      comments: [],
    });
    expect(task.extensions).toEqual([expect.objectContaining({ id: f.extensionId, status: 'pending' })]);
    expect(task.reports).toEqual([expect.objectContaining({ id: f.reportId, answer: null })]);
    const programmes = (await admin.request({ method: 'GET', url: '/api/v1/programmes' })).json();
    expect(programmes.items.map((p: { code: string }) => p.code)).toEqual(['R57']);
    const tokens = await (await client('hanoiAdmin')).request({ method: 'GET', url: '/api/v1/auth/tokens' });
    expect(tokens.json().items.map((i: { id: string }) => i.id)).toContain(f.hanoiTokenId);
  });
});
