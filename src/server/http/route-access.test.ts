import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';
import { TEST_PASSWORD, type TestWorld } from '../testing/test-world.ts';
import { actorFor, buildProgramme, buildTask, move } from '../testing/task-factory.ts';
import { uploadEvidence } from '../modules/tasks/evidence.service.ts';
import { createMeeting } from '../modules/directives/directives.service.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';
import { FOUNDATION_ROUTES } from '../testing/route-access/foundation-routes.ts';
import type { Fixtures } from '../testing/route-access/route-access-types.ts';
import { TASK_ROUTES } from '../testing/route-access/task-routes.ts';
import { FEEDBACK_ROUTES } from '../testing/route-access/feedback-routes.ts';
import { submitFeedback } from '../modules/feedback/feedback.service.ts';
import { transitionFeedback } from '../modules/feedback/feedback-handling.service.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { createImportJob } from '../modules/task-import/import-jobs.service.ts';
import { CALENDAR_ROUTES } from '../testing/route-access/calendar-routes.ts';
import { SEARCH_ROUTES } from '../testing/route-access/search-routes.ts';
import { INDICATOR_ROUTES } from '../testing/route-access/indicator-routes.ts';
import { createIndicator } from '../modules/indicators/indicators.service.ts';
import { enterObservation } from '../modules/indicators/indicator-observations.service.ts';

/**
 * The rule "every route has a test that a person outside the scope is refused", as a table: one
 * entry per operation of the OpenAPI document. A new route without an entry fails the coverage test.
 */
const TABLE = {
  ...FOUNDATION_ROUTES,
  ...TASK_ROUTES,
  ...FEEDBACK_ROUTES,
  ...CALENDAR_ROUTES,
  ...SEARCH_ROUTES,
  ...INDICATOR_ROUTES,
};

const FEEDBACK_FIXTURE = {
  type: 'recommendation',
  field: 'institutions',
  title: 'Rút gọn hồ sơ',
  content: 'Đề nghị bỏ bản sao công chứng.',
  submitterKind: 'business',
  submitterName: 'Công ty An Bình',
  phone: '0912345678',
  consentToPublish: false,
} as const;

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
    const hanoiMeeting = await createMeeting(db, (await actorFor(db, t.world.person.steering)).principal, {
      organizationId: t.world.org.hanoi.id,
      heldOn: '2025-05-01',
      title: 'Phiên họp Ban Chỉ đạo Hà Nội',
      conclusions: ['Hoàn thành hạ tầng số'],
    });
    const feedback = await submitFeedback(
      db,
      { ...FEEDBACK_FIXTURE, organizationId: t.world.org.hanoi.id },
      { address: '192.0.2.1', now: new Date() },
      [{ fileName: 'anh.pdf', content: Buffer.from('%PDF-1.4 minimal') }],
    );
    const feedbackItem = await db
      .selectFrom('feedback_attachment as a')
      .innerJoin('feedback_item as i', 'i.id', 'a.item_id')
      .select(['i.id', 'a.id as attachmentId'])
      .where('i.tracking_code', '=', feedback.trackingCode)
      .executeTakeFirstOrThrow();
    const importJob = await createImportJob(db, (await actorFor(db, t.world.person.steering)).principal, {
      bytes: Buffer.from('not a workbook'),
      fileName: 'nhiem-vu.xlsx',
      dryRun: true,
      programme: programme.code,
      locale: 'vi',
    });
    const system = { principal: SYSTEM, now: new Date() };
    await transitionFeedback(db, system, feedbackItem.id, undefined, { action: 'accept' });
    await transitionFeedback(db, system, feedbackItem.id, undefined, {
      action: 'assign',
      organizationId: t.world.org.hanoi.id,
    });
    const indicator = await createIndicator(db, system, {
      programmeId: programme.id,
      code: 'HN_ONLINE',
      nameVi: 'Tỷ lệ hồ sơ trực tuyến của Hà Nội',
      nameEn: "Hanoi's online applications",
      nameFr: 'Dossiers en ligne de Hanoï',
      unit: 'percent',
      direction: 'higher',
      level: 'operational',
      frequency: 'quarter',
      responsibleOrganizationId: t.world.org.hanoi.id,
      baseline: { value: 40, date: '2024-12-31' },
      targets: [{ year: 2030, value: 80 }],
      reporters: [],
    });
    const hanoiObservation = await enterObservation(db, hanoiFocal, indicator.id, {
      organizationId: t.world.org.hanoi.id,
      period: '2025-Q1',
      value: 45,
      source: 'Cổng dịch vụ công Hà Nội',
    });
    f = {
      world: t.world,
      indicatorId: indicator.id,
      hanoiObservationId: hanoiObservation.id,
      hanoiTokenId: token.json().id,
      focalAssignmentId: focal.json().roles[0].id,
      programmeId: programme.id,
      hanoiTaskId,
      reportId,
      extensionId,
      fileId: file.id,
      documentId: programme.documents[0].id,
      hanoiMeetingId: hanoiMeeting.id,
      feedbackId: feedbackItem.id,
      feedbackTrackingCode: feedback.trackingCode,
      feedbackAttachmentId: feedbackItem.attachmentId,
      importJobId: importJob.id,
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

  /** A person's own credentials and the public's form are theirs to use, whatever their role. */
  const OPEN_TO_READ_ONLY = new Set([
    'POST /api/v1/auth/sign-out',
    'POST /api/v1/auth/tokens',
    'DELETE /api/v1/auth/tokens/{id}',
    'POST /api/v1/feedback',
    'POST /api/v1/feedback/with-attachments',
  ]);
  const UNSAFE = Object.entries(TABLE).filter(([key]) => !key.startsWith('GET ') && !OPEN_TO_READ_ONLY.has(key));

  describe.each(['leader', 'inspector'] as const)('the read-only %s', (role) => {
    it.each(UNSAFE)('is refused %s', async (_key, entry) => {
      const response = await (await client(role)).request(entry.request(f));
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, response.body).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
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
