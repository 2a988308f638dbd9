import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { buildProgramme, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { TEST_PASSWORD } from '../../testing/test-world.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createPerson, grantRole } from '../people/people.service.ts';

describe.each(TEST_DATABASE_KINDS)('tasks on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  let steering: TestClient;
  let focal: TestClient;
  let hanoiFocal: TestClient;
  let admin: TestClient;
  let leader: TestClient;
  let outsider: TestClient;
  /** The focal point of the ministry's department, which sub-tasks of the ministry's go to. */
  let unitFocal: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    programme = await buildProgramme(t.database.db, t.world);
    const unitPerson = await createPerson(t.database.db, SYSTEM, {
      email: 'unitfocal@test.steerboard.vn',
      fullName: 'Mai Đầu Mối Cục',
      locale: 'vi',
      organizationId: programme.ministryUnit.id,
      password: TEST_PASSWORD,
    });
    await grantRole(t.database.db, SYSTEM, unitPerson.id, {
      role: 'focal_point',
      organizationId: programme.ministryUnit.id,
    });
    unitFocal = await t.signIn('unitfocal@test.steerboard.vn');
    const p = t.world.person;
    [steering, focal, hanoiFocal, admin, leader, outsider] = await Promise.all([
      t.signIn(p.steering.email),
      t.signIn(p.ministryFocal.email),
      t.signIn(p.hanoiFocal.email),
      t.signIn(p.admin.email),
      t.signIn(p.leader.email),
      t.signIn(p.outsider.email),
    ]);
  });
  afterAll(() => t.close());

  const day = (offset: number) => addDays(today(), offset);
  const body = (overrides: Record<string, unknown> = {}) => ({
    title: 'Xây dựng Cổng dữ liệu quốc gia',
    programmeId: programme.id,
    leadOrganizationId: t.world.org.ministry.id,
    deadline: day(60),
    expectedOutput: 'system',
    ...overrides,
  });
  const post = (client: TestClient, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    client.request({ method: 'POST', url, payload: payload as object, headers });
  const ok = (response: LightMyRequestResponse, status = 200): TaskDetail => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const refused = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().code).toBe(code);
    return response.json();
  };
  const create = async (overrides: Record<string, unknown> = {}, client = steering) =>
    ok(await post(client, '/api/v1/tasks', body(overrides)), 201);
  const act = (client: TestClient, id: string, action: string, reason?: string) =>
    post(client, `/api/v1/tasks/${id}/transitions`, { action, ...(reason ? { reason } : {}) });
  const report = (client: TestClient, id: string, percent: number) =>
    post(client, `/api/v1/tasks/${id}/reports`, { percent, narrative: `Đạt ${percent}%` });
  const read = async (id: string, client = steering) =>
    ok(await client.request({ method: 'GET', url: `/api/v1/tasks/${id}` }));

  describe('creating', () => {
    it('assigns to the ministry with a generated code, the state assigned and an ETag', async () => {
      const response = await post(steering, '/api/v1/tasks', body());
      const task = ok(response, 201);
      expect(task).toMatchObject({ state: 'assigned', timeliness: 'on_track', progressPercent: 0, parentTaskId: null });
      expect(task.code).toMatch(/^R57-\d{4}$/);
      expect(task.lead.id).toBe(t.world.org.ministry.id);
      expect(task.assigner.id).toBe(t.world.org.root.id);
      expect(response.headers.etag).toBe(`"${task.version}"`);
      const next = await create();
      expect(Number(next.code.slice(4))).toBe(Number(task.code.slice(4)) + 1);
      expect((await create({ code: 'R57-KT.01' })).code).toBe('R57-KT.01');
      refused(await post(steering, '/api/v1/tasks', body({ code: 'R57-KT.01' })), 409, 'duplicate');
    });

    it('keeps a draft when asked, assigned later', async () => {
      const draft = await create({ assign: false });
      expect(draft).toMatchObject({ state: 'draft', timeliness: null });
      expect(draft.allowedActions).toContain('assign');
      expect(ok(await act(steering, draft.id, 'assign')).state).toBe('assigned');
    });

    it('creates once per Idempotency-Key: the retry answers the first answer; another body is refused', async () => {
      const title = 'Nhiệm vụ gửi lại nhiều lần';
      const headers = { 'idempotency-key': 'retry-key-0001' };
      const first = await post(steering, '/api/v1/tasks', body({ title }), headers);
      const second = await post(steering, '/api/v1/tasks', body({ title }), headers);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(ok(first, 201));
      const listed = ok(await steering.request({ method: 'GET', url: `/api/v1/tasks?q=${encodeURIComponent(title)}` }));
      expect((listed as unknown as { total: number }).total).toBe(1);
      refused(await post(steering, '/api/v1/tasks', body({ title: 'Khác' }), headers), 422, 'idempotency_mismatch');
    });

    it('refuses unknown fields, an over-long title and an impossible date, naming each field', async () => {
      for (const [payload, field] of [
        [body({ colour: 'red' }), ''],
        [body({ title: 'x'.repeat(501) }), 'body.title'],
        [body({ deadline: '2025-02-30' }), 'body.deadline'],
      ] as const) {
        const problem = refused(await post(steering, '/api/v1/tasks', payload), 400, 'validation');
        expect(problem.errors.length).toBeGreaterThan(0);
        if (field) expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
      }
    });

    it('refuses a focal point creating a top-level task, and a caller without credentials', async () => {
      refused(await post(focal, '/api/v1/tasks', body()), 403, 'forbidden');
      refused(
        await post(focal, '/api/v1/tasks', body({ assignerOrganizationId: t.world.org.root.id })),
        403,
        'forbidden',
      );
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/tasks', payload: body() })).statusCode).toBe(401);
    });
  });

  describe('lifecycle', () => {
    it('runs report, submit, return with a reason, submit, accept; each step recorded and audited', async () => {
      const { id } = await create();
      expect(ok(await report(focal, id, 30), 201)).toMatchObject({ state: 'in_progress', progressPercent: 30 });
      expect(ok(await act(focal, id, 'submit')).state).toBe('submitted');
      refused(await act(steering, id, 'return'), 400, 'reason_required');
      expect(ok(await act(steering, id, 'return', 'Thiếu minh chứng')).state).toBe('in_progress');
      expect(ok(await act(focal, id, 'submit')).state).toBe('submitted');
      refused(await act(focal, id, 'accept'), 403, 'forbidden');
      const done = ok(await act(steering, id, 'accept'));
      expect(done).toMatchObject({ state: 'completed', completedOn: today(), progressPercent: 100 });
      expect(done.timeliness).toBe('on_time');
      expect(done.events.map((e) => [e.kind, e.fromState, e.toState, e.actorName, e.reason])).toEqual([
        ['created', null, 'assigned', 'Bùi Chỉ Đạo', null],
        ['progress_reported', 'assigned', 'in_progress', 'Hồ Đầu Mối Bộ', null],
        ['submit', 'in_progress', 'submitted', 'Hồ Đầu Mối Bộ', null],
        ['return', 'submitted', 'in_progress', 'Bùi Chỉ Đạo', 'Thiếu minh chứng'],
        ['submit', 'in_progress', 'submitted', 'Hồ Đầu Mối Bộ', null],
        ['accept', 'submitted', 'completed', 'Bùi Chỉ Đạo', null],
      ]);
      const audit = (await admin.request({ method: 'GET', url: `/api/v1/audit?entityId=${id}&limit=100` })).json();
      const entries = [...audit.items].reverse() as Array<{ action: string; actorId: string; after: unknown }>;
      expect(entries.map((e) => e.action)).toEqual(done.events.map((e) => `task.${e.kind}`));
      expect(entries.find((e) => e.action === 'task.return')).toMatchObject({
        actorId: t.world.person.steering.id,
        after: expect.objectContaining({ state: 'in_progress', reason: 'Thiếu minh chứng' }),
      });
    });

    it('refuses an action the state does not allow with 409', async () => {
      const { id } = await create();
      ok(await report(focal, id, 10), 201);
      refused(await act(steering, id, 'accept'), 409, 'invalid_transition');
      refused(await act(steering, id, 'cancel'), 400, 'reason_required');
      expect(ok(await act(steering, id, 'cancel', 'Trùng nhiệm vụ')).state).toBe('cancelled');
      refused(await report(focal, id, 20), 409, 'invalid_transition');
    });
  });

  describe('editing', () => {
    it('needs the current version in If-Match; a stale one gets 412 and the current version', async () => {
      const created = await create();
      const patch = (version: number | undefined, payload: object) =>
        steering.request({
          method: 'PATCH',
          url: `/api/v1/tasks/${created.id}`,
          headers: version === undefined ? {} : { 'if-match': `"${version}"` },
          payload,
        });
      refused(await patch(undefined, { title: 'Không có If-Match' }), 428, 'precondition_required');
      const edited = await patch(created.version, { title: 'Tên mới', priority: 'urgent' });
      expect(ok(edited)).toMatchObject({ title: 'Tên mới', priority: 'urgent', version: created.version + 1 });
      expect(edited.headers.etag).toBe(`"${created.version + 1}"`);
      const stale = refused(await patch(created.version, { title: 'Cũ' }), 412, 'conflict');
      expect(stale.currentVersion).toBe(created.version + 1);
      refused(await patch(created.version + 1, { deadline: day(90) }), 400, 'deadline_locked');
      refused(await patch(created.version + 1, { colour: 'red' }), 400, 'validation');
      expect((await read(created.id)).title).toBe('Tên mới');
    });

    it('moves a draft’s deadline freely', async () => {
      const draft = await create({ assign: false });
      const response = await steering.request({
        method: 'PATCH',
        url: `/api/v1/tasks/${draft.id}`,
        headers: { 'if-match': `"${draft.version}"` },
        payload: { deadline: day(90) },
      });
      expect(ok(response)).toMatchObject({ deadline: day(90), effectiveDeadline: day(90) });
    });
  });

  describe('cascade', () => {
    it('lets the lead agency break a task down to its own units, rolling progress up', async () => {
      const parent = await create();
      const sub = (leadOrganizationId: string, client = focal) =>
        post(
          client,
          '/api/v1/tasks',
          body({ parentTaskId: parent.id, leadOrganizationId, title: 'Triển khai tại Cục' }),
        );
      const first = ok(await sub(programme.ministryUnit.id), 201);
      expect(first).toMatchObject({ code: `${parent.code}.1`, parentTaskId: parent.id, state: 'assigned' });
      expect(first.assigner.id).toBe(t.world.org.ministry.id);
      const second = ok(await sub(programme.ministryUnit.id), 201);
      expect(second.code).toBe(`${parent.code}.2`);
      refused(await sub(t.world.org.hanoi.id), 400, 'not_a_unit');
      refused(await sub(t.world.org.ministry.id), 400, 'not_a_unit');
      refused(await sub(t.world.org.hoanKiem.id, hanoiFocal), 403, 'forbidden');

      // The ministry assigned the sub-task: its focal point decides on it and no longer reports on it.
      refused(await report(focal, first.id, 40), 403, 'forbidden');
      ok(await report(unitFocal, first.id, 40), 201);
      expect((await read(parent.id)).subTasks?.progressPercent).toBe(20);
      ok(await report(unitFocal, second.id, 80), 201);
      // The sub-tasks' roll-up sits beside the ministry's own report, which it leaves alone (decision 0021).
      const rolled = await read(parent.id);
      expect(rolled).toMatchObject({ progressPercent: 0, subTasks: { count: 2, progressPercent: 60 } });
      expect(rolled.childCount).toBe(2);
      expect(rolled.children.map((c) => c.code)).toEqual([first.code, second.code]);

      ok(await act(focal, parent.id, 'submit'));
      refused(await act(steering, parent.id, 'accept'), 409, 'children_open');
      for (const child of [first, second]) {
        refused(await act(focal, child.id, 'submit'), 403, 'forbidden');
        ok(await act(unitFocal, child.id, 'submit'));
        refused(await act(unitFocal, child.id, 'accept'), 403, 'forbidden');
        expect(ok(await act(focal, child.id, 'accept')).state).toBe('completed');
      }
      expect(ok(await act(steering, parent.id, 'accept'))).toMatchObject({ state: 'completed', progressPercent: 100 });
    });
  });

  describe('extensions', () => {
    it('moves the effective deadline only once approved; the original deadline stays', async () => {
      const { id } = await create({ deadline: day(-3) });
      expect(await read(id)).toMatchObject({ timeliness: 'overdue', daysLate: 3 });
      const ask = (requestedDeadline: string) =>
        post(focal, `/api/v1/tasks/${id}/extensions`, { requestedDeadline, reason: 'Cần lấy ý kiến các bộ' });
      refused(await ask(day(-4)), 400, 'validation');
      const pending = ok(await ask(day(30)), 201);
      expect(pending.extensions[0]).toMatchObject({ status: 'pending', requestedDeadline: day(30) });
      expect(pending).toMatchObject({ effectiveDeadline: day(-3), timeliness: 'overdue' });
      const extensionId = pending.extensions[0]?.id ?? '';
      const decide = (client: TestClient, payload: object) =>
        post(client, `/api/v1/tasks/${id}/extensions/${extensionId}/decision`, payload);
      refused(await decide(focal, { decision: 'approve' }), 403, 'forbidden');
      refused(await ask(day(40)), 409, 'extension_pending');
      refused(await decide(steering, { decision: 'refuse' }), 400, 'reason_required');
      const approved = ok(await decide(steering, { decision: 'approve' }));
      expect(approved).toMatchObject({ deadline: day(-3), effectiveDeadline: day(30), timeliness: 'on_track' });
      expect(approved.daysLate).toBe(0);
      expect(approved.extensions[0]?.status).toBe('approved');
      refused(await decide(steering, { decision: 'approve' }), 404, 'not_found');

      const again = ok(await ask(day(60)), 201);
      const secondId = again.extensions.find((e) => e.status === 'pending')?.id;
      const refusedOne = ok(
        await post(steering, `/api/v1/tasks/${id}/extensions/${secondId}/decision`, {
          decision: 'refuse',
          reason: 'Không có căn cứ',
        }),
      );
      expect(refusedOne.effectiveDeadline).toBe(day(30));
      expect(refusedOne.extensions.find((e) => e.id === secondId)).toMatchObject({
        status: 'refused',
        decisionReason: 'Không có căn cứ',
      });
      expect(refusedOne.events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['extension_requested', 'extension_approved', 'extension_refused']),
      );
    });
  });

  describe('comments', () => {
    it('lets those taking part comment; read-only roles and outsiders are refused', async () => {
      const { id } = await create();
      const commented = ok(await post(focal, `/api/v1/tasks/${id}/comments`, { body: 'Đề nghị đẩy nhanh' }), 201);
      expect(commented.comments).toEqual([
        expect.objectContaining({ body: 'Đề nghị đẩy nhanh', authorName: 'Hồ Đầu Mối Bộ' }),
      ]);
      expect(commented.events.at(-1)?.kind).toBe('commented');
      ok(await post(steering, `/api/v1/tasks/${id}/comments`, { body: 'Đã nhận' }), 201);
      for (const readOnly of [leader, admin]) {
        refused(await post(readOnly, `/api/v1/tasks/${id}/comments`, { body: 'Xin chào' }), 403, 'forbidden');
      }
      refused(await post(outsider, `/api/v1/tasks/${id}/comments`, { body: 'Xin chào' }), 403, 'forbidden');
      refused(await post(focal, `/api/v1/tasks/${id}/comments`, { body: '' }), 400, 'validation');
      expect((await read(id)).comments).toHaveLength(2);
      expect((await leader.request({ method: 'GET', url: `/api/v1/tasks/${id}` })).json().allowedActions).toEqual([]);
    });
  });
});
