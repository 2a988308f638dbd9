import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import type { TaskDetail, TaskSummary } from '../../../shared/schemas/tasks.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createOrganizations } from '../organizations/organizations.service.ts';
import { columnHeader, TASK_SHEET_COLUMNS } from './task-sheet-columns.ts';
import { parseCsv } from '../../testing/spreadsheets-test-support.ts';
import { actorFor, buildProgramme, buildTask, move } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

interface Page {
  items: TaskSummary[];
  total: number;
}

/**
 * The demo's R57-0344 (decision 0021), made today through the services: the country assigns P to
 * Hà Nội, whose focal point reports 85% on it and cascades it to three units: C1 reports 61% and
 * C2 41%, both past their deadline; C3 is done. Hà Nội must see C1 and C2 late in its lists, its
 * search, its dashboard and its overdue list; the country counts P alone; P shows 85% beside 67%.
 */
describe.each(TEST_DATABASE_KINDS)('sub-tasks seen from the province that cascaded them, on %s', (kind) => {
  let t: TestApp;
  let hanoi: TestClient;
  let steering: TestClient;
  const ids = {} as Record<'P' | 'C1' | 'C2' | 'C3', string>;
  const day = (offset: number) => addDays(today(), offset);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const [baDinh] = await createOrganizations(db, SYSTEM, [
      {
        parentId: t.world.org.hanoi.id,
        code: '01.003',
        kind: 'ward',
        nameVi: 'Phường Ba Đình',
        nameEn: 'Ba Dinh Ward',
      },
    ]);
    const steeringActor = await actorFor(db, t.world.person.steering);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    ids.P = await buildTask(db, steeringActor, {
      programmeId: programme.id,
      title: 'P Chuyển đổi số cấp xã',
      leadOrganizationId: t.world.org.hanoi.id,
      deadline: day(60),
    });
    const sub = (title: string, lead: string, deadline: string) =>
      buildTask(db, hanoiFocal, {
        programmeId: programme.id,
        title,
        leadOrganizationId: lead,
        parentTaskId: ids.P,
        deadline,
      });
    ids.C1 = await sub('C1 Triển khai tại Hoàn Kiếm', t.world.org.hoanKiem.id, day(-10));
    ids.C2 = await sub('C2 Triển khai tại Đông Anh', t.world.org.dongAnh.id, day(-10));
    ids.C3 = await sub('C3 Triển khai tại Ba Đình', baDinh!.id, day(30));
    await move(db, hanoiFocal, ids.P, { percent: 85 });
    await move(db, hanoiFocal, ids.C1, { percent: 61 });
    await move(db, hanoiFocal, ids.C2, { percent: 41 });
    await move(db, hanoiFocal, ids.C3, { percent: 90 });
    await move(db, hanoiFocal, ids.C3, 'submit');
    await move(db, hanoiFocal, ids.C3, 'accept');
    hanoi = await t.signIn(t.world.person.hanoiFocal.email);
    steering = await t.signIn(t.world.person.steering.email);
  });
  afterAll(() => t.close());

  const get = async (client: TestClient, url: string) => {
    const response = await client.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const keysOf = (items: Array<{ id: string }>) =>
    items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0] ?? item.id).sort();

  it('lists the sub-tasks in the province that assigned them, and not in the country', async () => {
    const province = (await get(hanoi, '/api/v1/tasks?scope=01&limit=100')).json() as Page;
    expect(keysOf(province.items)).toEqual(['C1', 'C2', 'C3', 'P']);
    expect(province.total).toBe(4);
    const country = (await get(steering, '/api/v1/tasks?scope=VN&limit=100')).json() as Page;
    expect(keysOf(country.items)).toEqual(['P']);
    const ward = (await get(hanoi, `/api/v1/tasks?scope=${t.world.org.hoanKiem.id}`)).json() as Page;
    expect(keysOf(ward.items)).toEqual(['C1']);
  });

  it('finds the late sub-tasks in the province’s overdue list and search', async () => {
    const overdue = (await get(hanoi, '/api/v1/tasks?scope=01&timeliness=overdue')).json() as Page;
    expect(keysOf(overdue.items)).toEqual(['C1', 'C2']);
    expect(overdue.total).toBe(2);
    const found = (await get(hanoi, '/api/v1/tasks?scope=01&q=dong%20anh')).json() as Page;
    expect(keysOf(found.items)).toEqual(['C2']);
    const none = (await get(steering, '/api/v1/tasks?scope=VN&timeliness=overdue')).json() as Page;
    expect(none.total).toBe(0);
  });

  it('counts them on the province’s dashboard and overdue list; the country’s headline keeps P alone', async () => {
    const province = (await get(hanoi, '/api/v1/dashboard?scope=01')).json() as Dashboard;
    expect(province).toMatchObject({ total: 4, completed: 1, inProgress: 1, overdue: 2 });
    expect(keysOf(province.overdueTasks)).toEqual(['C1', 'C2']);
    const country = (await get(steering, '/api/v1/dashboard?scope=VN')).json() as Dashboard;
    expect(country).toMatchObject({ total: 1, completed: 0, inProgress: 1, overdue: 0 });
    expect(country.overdueTasks).toEqual([]);
    // As of a day before the cascade, the province counted P alone.
    const before = (await get(hanoi, `/api/v1/dashboard?scope=01&as_of=${day(-1)}`)).json() as Dashboard;
    expect(before.total).toBe(0);
  });

  it('shows the parent’s own 85% beside its sub-tasks’ 67% on its page and in list rows', async () => {
    const rollUp = {
      count: 3,
      progressPercent: 67,
      timeliness: { on_time: 1, late: 0, overdue: 2, due_soon: 0, on_track: 0, ongoing: 0 },
    };
    const page = (await get(hanoi, `/api/v1/tasks/${ids.P}`)).json() as TaskDetail;
    expect(page).toMatchObject({ progressPercent: 85, subTasks: rollUp });
    expect(page.children.map((child) => [child.progressPercent, child.subTasks])).toEqual([
      [61, null],
      [41, null],
      [100, null],
    ]);
    const listed = (await get(hanoi, '/api/v1/tasks?scope=01&limit=100')).json() as Page;
    expect(listed.items.find((item) => item.id === ids.P)).toMatchObject({ progressPercent: 85, subTasks: rollUp });
    const dashboard = (await get(hanoi, '/api/v1/dashboard?scope=01')).json() as Dashboard;
    expect(dashboard.overdueTasks.every((task) => task.subTasks === null)).toBe(true);
  });

  it('exports both figures, and the late sub-tasks count, in the task sheet', async () => {
    const [header = [], ...rows] = parseCsv(await get(hanoi, '/api/v1/tasks?scope=01&format=csv'));
    const column = (key: string) => {
      const definition = TASK_SHEET_COLUMNS.find((candidate) => candidate.key === key);
      return definition ? header.indexOf(columnHeader(definition, 'en')) : -1;
    };
    const [code, progress, subTasks, late] = ['code', 'progress', 'subTaskProgress', 'subTasksOverdue'].map(column);
    const parent = (await get(hanoi, `/api/v1/tasks/${ids.P}`)).json() as TaskDetail;
    const row = rows.find((cells) => cells[code ?? -1] === parent.code);
    expect([row?.[progress ?? -1], row?.[subTasks ?? -1], row?.[late ?? -1]]).toEqual(['85', '67', '2']);
    const child = rows.find((cells) => cells[code ?? -1] === `${parent.code}.1`);
    expect([child?.[progress ?? -1], child?.[subTasks ?? -1]]).toEqual(['61', '']);
  });
});
