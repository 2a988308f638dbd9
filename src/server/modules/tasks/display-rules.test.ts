import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import { writeCalendarDate } from '../../../shared/domain/calendar-date-format.ts';
import type { TaskDetail, TaskSummary } from '../../../shared/schemas/tasks.ts';
import { buildProgramme, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

/** Issue 10's display rules as the API applies them (decision 0024): days late of late results, extension dates. */
describe.each(TEST_DATABASE_KINDS)('display rules of tasks on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  let steering: TestClient;
  let hanoiFocal: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    programme = await buildProgramme(t.database.db, t.world);
    steering = await t.signIn(t.world.person.steering.email);
    hanoiFocal = await t.signIn(t.world.person.hanoiFocal.email);
  });
  afterAll(() => t.close());

  const day = (offset: number) => addDays(today(), offset);
  const post = (client: TestClient, url: string, payload: object, headers: Record<string, string> = {}) =>
    client.request({ method: 'POST', url, payload, headers });

  async function hanoiTask(deadline: string): Promise<TaskDetail> {
    const response = await post(steering, '/api/v1/tasks', {
      title: 'Số hoá hồ sơ hành chính',
      programmeId: programme.id,
      leadOrganizationId: t.world.org.hanoi.id,
      deadline,
      expectedOutput: 'report',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('counts the days late of a task completed late, from its deadline to its completion', async () => {
    const task = await hanoiTask(day(-5));
    expect((await post(hanoiFocal, `/api/v1/tasks/${task.id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    const accepted = await post(steering, `/api/v1/tasks/${task.id}/transitions`, { action: 'accept' });
    expect(accepted.json()).toMatchObject({ state: 'completed', timeliness: 'late', daysLate: 5 });
    // Read later, it is still five days late: the completion, not the reading date, ends the count.
    const later = await steering.request({ method: 'GET', url: `/api/v1/tasks/${task.id}?as_of=${day(40)}` });
    expect(later.json()).toMatchObject({ timeliness: 'late', daysLate: 5 });
    const list = await steering.request({ method: 'GET', url: `/api/v1/tasks?timeliness=late&limit=100` });
    const row = (list.json().items as TaskSummary[]).find((item) => item.id === task.id);
    expect(row).toMatchObject({ timeliness: 'late', daysLate: 5 });
  });

  it('refuses an extension to the current deadline or before, naming the first day it accepts', async () => {
    const task = await hanoiTask(day(20));
    const ask = (requestedDeadline: string, language = 'vi') =>
      post(
        hanoiFocal,
        `/api/v1/tasks/${task.id}/extensions`,
        { requestedDeadline, reason: 'Chờ bố trí kinh phí' },
        { 'accept-language': language },
      );
    const field = (response: LightMyRequestResponse) => response.json().errors?.[0];
    for (const requested of [day(20), day(19)]) {
      const refused = await ask(requested);
      expect(refused.statusCode).toBe(400);
      expect(field(refused)).toEqual({
        path: 'requestedDeadline',
        message: `Thời hạn đề nghị phải sau thời hạn hiện hành (${writeCalendarDate('vi', day(20))}): chọn từ ngày ${writeCalendarDate('vi', day(21))} trở đi.`,
      });
    }
    const inFrench = field(await ask(day(20), 'fr'));
    expect(inFrench.message).toContain(`choisissez le ${writeCalendarDate('fr', day(21))}`);
    expect((await ask(day(21))).statusCode).toBe(201);
  });
});
