import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdoptInitiativeInput, InitiativeEvaluations } from '../../../shared/schemas/feedback-initiatives.ts';
import type { FeedbackStatus, FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import { buildProgramme, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { receiveOn, stepsOn } from '../../testing/feedback-statistics-test-support.ts';
import { addRootHandler } from '../../testing/feedback-test-support.ts';

describe.each(TEST_DATABASE_KINDS)('initiative evaluation and adoption on %s', (kind) => {
  let t: TestApp;
  let handlerId: string;
  let programme: TestProgramme;
  let triage: TestClient;
  let hanoi: TestClient;
  let steering: TestClient;
  let inspector: TestClient;
  let outsider: TestClient;

  const accepted: [string, FeedbackTransition][] = [['2025-06-02', { action: 'accept' }]];
  /** An item received on 2 June 2025 and taken through the steps given (accepted and assigned to Hà Nội by default). */
  const item = async (type: 'initiative' | 'feedback' = 'initiative', steps?: [string, FeedbackTransition][]) => {
    const received = await receiveOn(t, '2025-06-02', {
      type,
      title: `Sáng kiến số hoá hồ sơ đất đai ${Math.random()}`,
    });
    await stepsOn(
      t,
      { id: handlerId },
      received.id,
      steps ?? [...accepted, ['2025-06-03', { action: 'assign', organizationId: t.world.org.hanoi.id }]],
    );
    return received;
  };
  const scores = { novelty: 4, feasibility: 3, impact: 5, resources: 2, comment: 'Khả thi nếu có kinh phí.' };
  const evaluate = (client: TestClient, id: string, payload: unknown = scores) =>
    client.request({
      method: 'PUT',
      url: `/api/v1/feedback/${id}/evaluations/mine`,
      payload: payload as Record<string, unknown>,
    });
  const evaluations = (client: TestClient, id: string) =>
    client.request({ method: 'GET', url: `/api/v1/feedback/${id}/evaluations` });
  const adoption = (): AdoptInitiativeInput => ({
    programmeId: programme.id,
    taskGroupId: programme.groups[1].id,
    leadOrganizationId: t.world.org.ministry.id,
    deadline: '2025-12-31',
    expectedOutput: 'scheme',
  });
  const adopt = (client: TestClient, id: string, payload: unknown = adoption(), key?: string) =>
    client.request({
      method: 'POST',
      url: `/api/v1/feedback/${id}/adoption`,
      payload: payload as Record<string, unknown>,
      headers: key ? { 'idempotency-key': key } : {},
    });
  const auditActions = async (entityId: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const handler = await addRootHandler(t);
    handlerId = handler.id;
    programme = await buildProgramme(t.database.db, t.world);
    triage = await t.signIn(handler.email);
    hanoi = await t.signIn(t.world.person.handler.email);
    steering = await t.signIn(t.world.person.steering.email);
    inspector = await t.signIn(t.world.person.inspector.email);
    outsider = await t.signIn(t.world.person.outsider.email);
  });
  afterAll(() => t.close());

  it('keeps one evaluation per handler, editable, and shows each with the means', async () => {
    const { id } = await item();
    const first = await evaluate(hanoi, id);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as InitiativeEvaluations).evaluations).toEqual([
      expect.objectContaining({
        ...scores,
        average: 3.5,
        evaluator: expect.objectContaining({ fullName: 'Đỗ Tiếp Nhận' }),
      }),
    ]);
    const changed = await evaluate(hanoi, id, { novelty: 5, feasibility: 5, impact: 5, resources: 4 });
    expect(changed.statusCode).toBe(200);
    const both = (await evaluate(triage, id, { novelty: 2, feasibility: 3, impact: 4, resources: 3 })).json();
    expect(both.evaluations.map((e: { average: number; comment: string | null }) => [e.average, e.comment])).toEqual([
      [4.75, null],
      [3, null],
    ]);
    expect(both.averages).toEqual({ novelty: 3.5, feasibility: 4, impact: 4.5, resources: 3.5, overall: 3.88 });
    expect(both).toMatchObject({ mayEvaluate: true, mayAdopt: false, adoption: null });
    const rows = await t.database.db
      .selectFrom('initiative_evaluation')
      .selectAll()
      .where('item_id', '=', id)
      .execute();
    expect(rows).toHaveLength(2);
    expect((await auditActions(id)).filter((action) => action.includes('evaluat'))).toEqual([
      'feedback.evaluated',
      'feedback.evaluation_updated',
      'feedback.evaluated',
    ]);
  });

  it('refuses scores out of range with the fields at fault', async () => {
    const { id } = await item();
    const response = await evaluate(hanoi, id, { novelty: 6, feasibility: 0, impact: 2.5 });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('validation');
    expect(problem.errors.map((error) => error.path).sort()).toEqual([
      'body.feasibility',
      'body.impact',
      'body.novelty',
      'body.resources',
    ]);
    expect((await evaluate(hanoi, id, { ...scores, weight: 3 })).statusCode).toBe(400);
    expect((await evaluate(hanoi, id, { ...scores, comment: 'x'.repeat(4001) })).statusCode).toBe(400);
    expect(await t.database.db.selectFrom('initiative_evaluation').where('item_id', '=', id).execute()).toEqual([]);
  });

  it('lets only handlers of the item evaluate, and readers and assigners read the evaluations', async () => {
    const { id } = await item();
    for (const client of [outsider, steering, inspector]) {
      const refused = await evaluate(client, id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
    }
    expect((await evaluations(outsider, id)).statusCode).toBe(403);
    expect((await evaluations(inspector, id)).json()).toMatchObject({ mayEvaluate: false, mayAdopt: false });
    expect((await evaluations(steering, id)).json()).toMatchObject({ mayEvaluate: false, mayAdopt: true });
    const missing = await evaluations(hanoi, '00000000-0000-4000-8000-000000000001');
    expect(missing.statusCode).toBe(404);
  });

  it.each([
    ['feedback that is not an initiative', 'feedback', undefined, 'not_an_initiative'],
    ['an initiative not yet triaged', 'initiative', [], 'initiative_state'],
    [
      'a rejected initiative',
      'initiative',
      [['2025-06-02', { action: 'reject', reason: 'Trùng lặp' }]],
      'initiative_state',
    ],
  ] as const)('refuses to evaluate or adopt %s, saying why', async (_, type, steps, reason) => {
    const { id } = await item(type, steps as [string, FeedbackTransition][] | undefined);
    for (const response of [await evaluate(triage, id), await adopt(steering, id)]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toMatchObject({ code: 'invalid_transition', errors: [{ path: 'id' }] });
      expect(response.json().errors[0].message).not.toContain('error.');
    }
    const vi = await triage.request({ method: 'GET', url: `/api/v1/feedback/${id}/evaluations` });
    if (reason === 'not_an_initiative') expect(vi.json().errors[0].message).toContain('sáng kiến');
    else expect(vi.statusCode).toBe(200);
  });

  it('adopts once: one task through the task rules, linked both ways, shown on the public timeline', async () => {
    const { id, trackingCode } = await item();
    await evaluate(hanoi, id);
    expect((await adopt(hanoi, id)).statusCode).toBe(403);
    const unknownProgramme = await adopt(steering, id, {
      ...adoption(),
      programmeId: '00000000-0000-4000-8000-000000000002',
    });
    expect(unknownProgramme.statusCode).toBe(400);
    expect(unknownProgramme.json().errors).toEqual([expect.objectContaining({ path: 'programmeId' })]);
    const { deadline: _, ...withoutDeadline } = adoption();
    expect((await adopt(steering, id, withoutDeadline)).json().errors).toEqual([
      expect.objectContaining({ path: 'body.deadline' }),
    ]);

    const created = await adopt(steering, id, adoption(), 'adopt-key-0001');
    expect(created.statusCode, created.body).toBe(201);
    const { taskId, taskCode } = created.json() as { taskId: string; taskCode: string };
    expect(taskCode).toMatch(/^R57-\d{4}$/);
    const replayed = await adopt(steering, id, adoption(), 'adopt-key-0001');
    expect(replayed.statusCode).toBe(201);
    expect(replayed.json().taskId).toBe(taskId);
    const again = await adopt(steering, id, adoption(), 'adopt-key-0002');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', errors: [{ path: 'id' }] });

    const item_ = await t.database.db
      .selectFrom('feedback_item')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item_.task_id).toBe(taskId);
    const tasks = await t.database.db
      .selectFrom('task')
      .selectAll()
      .where('description', 'like', `%${trackingCode}%`)
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: taskId,
      title: item_.title,
      lead_organization_id: t.world.org.ministry.id,
      assigner_organization_id: t.world.org.root.id,
      task_group_id: programme.groups[1].id,
      deadline: '2025-12-31',
      state: 'assigned',
    });
    expect(tasks[0]?.description.startsWith(item_.content)).toBe(true);

    const status = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${trackingCode}` })).json();
    expect((status as FeedbackStatus).events.at(-1)).toMatchObject({
      kind: 'adopted',
      reason: taskCode,
      organizationName: 'Bộ Khoa học và Công nghệ',
    });
    const read = (await evaluations(steering, id)).json() as InitiativeEvaluations;
    expect(read).toMatchObject({ mayAdopt: false, adoption: { taskId, taskCode, trackingCode } });
    expect(await auditActions(id)).toContain('feedback.adopt');
    expect(await auditActions(taskId)).toEqual(['task.created']);
    const task = await steering.request({ method: 'GET', url: `/api/v1/tasks/${taskId}` });
    expect(task.json().description).toContain(`Nguồn: sáng kiến ${trackingCode}`);
  });
});
