import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { buildProgramme, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { TEST_PASSWORD } from '../../testing/test-world.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createPerson, grantRole, revokeRole } from '../people/people.service.ts';

/**
 * Issue 9's findings on tasks, each as the adversary tried it: one person on both sides of a
 * decision, decisions on closed tasks, two pending requests, read-only roles writing, and
 * confidential tasks read and exported by everyone in scope (decision 0015).
 */
describe.each(TEST_DATABASE_KINDS)('separation of duties on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  const as = {} as Record<
    'steering' | 'hanoiFocal' | 'wardFocal' | 'leader' | 'inspector' | 'admin' | 'ministryFocal',
    TestClient
  >;
  let wardPersonId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    programme = await buildProgramme(t.database.db, t.world);
    const ward = await createPerson(t.database.db, SYSTEM, {
      email: 'ward@test.steerboard.vn',
      fullName: 'Đinh Đầu Mối Phường',
      locale: 'vi',
      organizationId: t.world.org.hoanKiem.id,
      password: TEST_PASSWORD,
    });
    await grantRole(t.database.db, SYSTEM, ward.id, { role: 'focal_point', organizationId: t.world.org.hoanKiem.id });
    wardPersonId = ward.id;
    const p = t.world.person;
    for (const [key, email] of [
      ['steering', p.steering.email],
      ['hanoiFocal', p.hanoiFocal.email],
      ['wardFocal', 'ward@test.steerboard.vn'],
      ['leader', p.leader.email],
      ['inspector', p.inspector.email],
      ['admin', p.admin.email],
      ['ministryFocal', p.ministryFocal.email],
    ] as const) {
      as[key] = await t.signIn(email);
    }
  });
  afterAll(() => t.close());

  const day = (offset: number) => addDays(today(), offset);
  const post = (client: TestClient, url: string, payload: object = {}) =>
    client.request({ method: 'POST', url, payload });
  const status = (response: LightMyRequestResponse) => [response.statusCode, response.json().code];
  const read = async (client: TestClient, id: string): Promise<TaskDetail> =>
    (await client.request({ method: 'GET', url: `/api/v1/tasks/${id}` })).json();

  async function hanoiTask(overrides: Record<string, unknown> = {}): Promise<TaskDetail> {
    const response = await post(as.steering, '/api/v1/tasks', {
      title: 'Chuyển đổi số cấp phường',
      programmeId: programme.id,
      leadOrganizationId: t.world.org.hanoi.id,
      deadline: day(60),
      expectedOutput: 'report',
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function hanoiSubtask(): Promise<TaskDetail> {
    const parent = await hanoiTask();
    const response = await post(as.hanoiFocal, '/api/v1/tasks', {
      title: 'Triển khai tại phường Hoàn Kiếm',
      programmeId: programme.id,
      parentTaskId: parent.id,
      leadOrganizationId: t.world.org.hoanKiem.id,
      deadline: day(30),
      expectedOutput: 'report',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('does not let the province that cascaded a task ask for, and grant, its own extension', async () => {
    const sub = await hanoiSubtask();
    expect((await read(as.hanoiFocal, sub.id)).allowedActions).not.toContain('request_extension');
    expect(status(await post(as.hanoiFocal, `/api/v1/tasks/${sub.id}/extensions`, ask(day(9000))))).toEqual([
      403,
      'forbidden',
    ]);
    expect(status(await post(as.hanoiFocal, `/api/v1/tasks/${sub.id}/transitions`, { action: 'submit' }))).toEqual([
      403,
      'forbidden',
    ]);
    // The ward asks and submits; Hà Nội, which assigned it, decides.
    const asked = await post(as.wardFocal, `/api/v1/tasks/${sub.id}/extensions`, ask(day(45)));
    expect(asked.statusCode, asked.body).toBe(201);
    const detail = await read(as.wardFocal, sub.id);
    expect(detail.allowedActions).not.toContain('decide_extension');
    const extensionId = detail.extensions[0]!.id;
    const decide = (client: TestClient) =>
      post(client, `/api/v1/tasks/${sub.id}/extensions/${extensionId}/decision`, { decision: 'approve' });
    expect(status(await decide(as.wardFocal))).toEqual([403, 'forbidden']);
    expect((await read(as.hanoiFocal, sub.id)).allowedActions).toContain('decide_extension');
    expect((await decide(as.hanoiFocal)).statusCode).toBe(200);
    expect((await post(as.wardFocal, `/api/v1/tasks/${sub.id}/transitions`, { action: 'submit' })).statusCode).toBe(
      200,
    );
    expect(status(await post(as.wardFocal, `/api/v1/tasks/${sub.id}/transitions`, { action: 'accept' }))).toEqual([
      403,
      'forbidden',
    ]);
    expect((await post(as.hanoiFocal, `/api/v1/tasks/${sub.id}/transitions`, { action: 'accept' })).statusCode).toBe(
      200,
    );
  });

  it('keeps a person whose grants changed from deciding on the request they made', async () => {
    const sub = await hanoiSubtask();
    expect((await post(as.wardFocal, `/api/v1/tasks/${sub.id}/extensions`, ask(day(50)))).statusCode).toBe(201);
    // The ward's focal point moves up to Hà Nội: now on the assigner's side of the sub-task.
    const moved = await grantRole(t.database.db, SYSTEM, wardPersonId, {
      role: 'focal_point',
      organizationId: t.world.org.hanoi.id,
    });
    const wardGrant = moved.roles.find((role) => role.organizationId === t.world.org.hoanKiem.id);
    await revokeRole(t.database.db, SYSTEM, wardPersonId, wardGrant!.id);
    try {
      const detail = await read(as.wardFocal, sub.id);
      expect(detail.allowedActions).not.toContain('decide_extension');
      expect(detail.allowedActions).toContain('edit');
      const decided = await post(
        as.wardFocal,
        `/api/v1/tasks/${sub.id}/extensions/${detail.extensions[0]!.id}/decision`,
        {
          decision: 'approve',
        },
      );
      expect(status(decided)).toEqual([403, 'own_decision']);
    } finally {
      const back = await grantRole(t.database.db, SYSTEM, wardPersonId, {
        role: 'focal_point',
        organizationId: t.world.org.hoanKiem.id,
      });
      const hanoiGrant = back.roles.find((role) => role.organizationId === t.world.org.hanoi.id);
      await revokeRole(t.database.db, SYSTEM, wardPersonId, hanoiGrant!.id);
    }
  });

  it('decides no extension on a closed task: a late result stays late', async () => {
    const task = await hanoiTask({ deadline: day(-5) });
    expect((await post(as.hanoiFocal, `/api/v1/tasks/${task.id}/extensions`, ask(day(10)))).statusCode).toBe(201);
    expect((await post(as.hanoiFocal, `/api/v1/tasks/${task.id}/transitions`, { action: 'submit' })).statusCode).toBe(
      200,
    );
    const accepted = await post(as.steering, `/api/v1/tasks/${task.id}/transitions`, { action: 'accept' });
    expect(accepted.json()).toMatchObject({ state: 'completed', timeliness: 'late' });
    const detail = await read(as.steering, task.id);
    expect(detail.allowedActions).not.toContain('decide_extension');
    expect(detail.allowedActions).not.toContain('answer');
    const decided = await post(
      as.steering,
      `/api/v1/tasks/${task.id}/extensions/${detail.extensions[0]!.id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(status(decided)).toEqual([409, 'invalid_transition']);
    expect(await read(as.steering, task.id)).toMatchObject({ timeliness: 'late', effectiveDeadline: day(-5) });
  });

  it('takes one extension request at a time, even sent twice at once', async () => {
    const task = await hanoiTask();
    const [first, second] = await Promise.all([
      post(as.hanoiFocal, `/api/v1/tasks/${task.id}/extensions`, ask(day(70))),
      post(as.hanoiFocal, `/api/v1/tasks/${task.id}/extensions`, ask(day(80))),
    ]);
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([201, 409]);
    const detail = await read(as.hanoiFocal, task.id);
    expect(detail.extensions.filter((e) => e.status === 'pending')).toHaveLength(1);
    expect(detail.allowedActions).not.toContain('request_extension');
  });

  it('lets read-only roles read and nothing else', async () => {
    const task = await hanoiTask();
    for (const client of [as.leader, as.inspector]) {
      const detail = await read(client, task.id);
      expect(detail.id).toBe(task.id);
      expect(detail.allowedActions).toEqual([]);
      expect(status(await post(client, `/api/v1/tasks/${task.id}/comments`, { body: 'Ý kiến' }))).toEqual([
        403,
        'forbidden',
      ]);
      expect(
        status(await post(client, `/api/v1/tasks/${task.id}/transitions`, { action: 'cancel', reason: 'x' })),
      ).toEqual([403, 'forbidden']);
    }
    expect((await read(as.steering, task.id)).comments).toEqual([]);
  });

  it('shows a confidential task to those who take part, its scope’s leader and the inspector only', async () => {
    const secret = await hanoiTask({
      title: 'Nhiệm vụ mật về an ninh mạng',
      isConfidential: true,
      coordinatingOrganizationIds: [t.world.org.ministry.id],
    });
    const plain = await hanoiTask({ title: 'Nhiệm vụ công khai về an ninh mạng' });
    for (const reader of ['steering', 'hanoiFocal', 'ministryFocal', 'leader', 'inspector'] as const) {
      const response = await as[reader].request({ method: 'GET', url: `/api/v1/tasks/${secret.id}` });
      expect(response.statusCode, reader).toBe(200);
    }
    const byAdmin = await as.admin.request({ method: 'GET', url: `/api/v1/tasks/${secret.id}` });
    expect(status(byAdmin)).toEqual([403, 'forbidden']);
    const listed = async (client: TestClient) =>
      (await client.request({ method: 'GET', url: '/api/v1/tasks?q=an%20ninh%20mang&limit=100' }))
        .json()
        .items.map((task: { id: string }) => task.id);
    expect(await listed(as.admin)).toEqual([plain.id]);
    expect(new Set(await listed(as.steering))).toEqual(new Set([secret.id, plain.id]));
    // A confidential sub-task is listed under its parent to those who may read it only.
    const child = await post(as.hanoiFocal, '/api/v1/tasks', {
      title: 'Nhiệm vụ con mật',
      programmeId: programme.id,
      parentTaskId: plain.id,
      leadOrganizationId: t.world.org.hoanKiem.id,
      deadline: day(30),
      expectedOutput: 'report',
      isConfidential: true,
    });
    expect(child.statusCode, child.body).toBe(201);
    const childrenOf = async (client: TestClient) =>
      (await client.request({ method: 'GET', url: `/api/v1/tasks?parent=${plain.id}` }))
        .json()
        .items.map((task: { id: string }) => task.id);
    expect(await childrenOf(as.steering)).toEqual([child.json().id]);
    expect(await childrenOf(as.admin)).toEqual([]);
    // On a province's dashboard the administrator counts it, but does not see it in the overdue list.
    const overdue = await hanoiTask({ title: 'Nhiệm vụ mật quá hạn', isConfidential: true, deadline: day(-2) });
    const dashboardOf = async (client: TestClient) =>
      (await client.request({ method: 'GET', url: '/api/v1/dashboard?scope=01' })).json();
    const [byAdmin01, bySteering01] = [await dashboardOf(as.admin), await dashboardOf(as.steering)];
    expect(byAdmin01.overdue).toBe(bySteering01.overdue);
    expect(bySteering01.overdueTasks.map((task: { id: string }) => task.id)).toContain(overdue.id);
    expect(byAdmin01.overdueTasks.map((task: { id: string }) => task.id)).not.toContain(overdue.id);
    // Files leave the system's access rules behind: a confidential task is in nobody's export.
    for (const client of [as.steering, as.inspector]) {
      const csv = await client.request({
        method: 'GET',
        url: '/api/v1/tasks?q=an%20ninh%20mang&limit=100',
        headers: { accept: 'text/csv' },
      });
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.body).toContain(plain.code);
      expect(csv.body).not.toContain(secret.code);
    }
  });
});

const ask = (requestedDeadline: string) => ({ requestedDeadline, reason: 'Chờ bố trí kinh phí' });
