import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import type { TaskSummary } from '../../../shared/schemas/tasks.ts';
import * as workflow from './task-workflow.service.ts';
import { actorFor, buildProgramme, buildTask, move, onDay, type TestProgramme } from '../../testing/task-factory.ts';
import type { Actor } from '../../kernel/actor.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

/**
 * History: three tasks acted on through the services on chosen days of 2025, then read as of
 * each day. X (the ministry, due 30 April) runs late, is extended to 31 July and completed on
 * time; Y (Hà Nội, due 15 April) is completed late; Z is a draft from 1 February, assigned on
 * 15 March as a standing duty.
 */
type Reading = Record<'X' | 'Y' | 'Z', Pick<TaskSummary, 'state' | 'timeliness' | 'effectiveDeadline'> | undefined>;
const EXPECTED: Array<[day: string, reading: Reading, headline: [number, number, number, number, number]]> = [
  ['2025-01-31', { X: undefined, Y: undefined, Z: undefined }, [0, 0, 0, 0, 0]],
  [
    '2025-02-28',
    { X: undefined, Y: undefined, Z: { state: 'draft', timeliness: null, effectiveDeadline: null } },
    [0, 0, 0, 0, 0],
  ],
  [
    '2025-03-05',
    {
      X: { state: 'assigned', timeliness: 'on_track', effectiveDeadline: '2025-04-30' },
      Y: { state: 'in_progress', timeliness: 'on_track', effectiveDeadline: '2025-04-15' },
      Z: { state: 'draft', timeliness: null, effectiveDeadline: null },
    },
    [2, 0, 2, 0, 0],
  ],
  [
    '2025-04-10',
    {
      X: { state: 'in_progress', timeliness: 'on_track', effectiveDeadline: '2025-04-30' },
      Y: { state: 'in_progress', timeliness: 'due_soon', effectiveDeadline: '2025-04-15' },
      Z: { state: 'assigned', timeliness: 'ongoing', effectiveDeadline: null },
    },
    [3, 0, 3, 0, 1],
  ],
  [
    '2025-04-21',
    {
      X: { state: 'in_progress', timeliness: 'on_track', effectiveDeadline: '2025-04-30' },
      Y: { state: 'submitted', timeliness: 'overdue', effectiveDeadline: '2025-04-15' },
      Z: { state: 'assigned', timeliness: 'ongoing', effectiveDeadline: null },
    },
    [3, 0, 2, 1, 0],
  ],
  [
    '2025-05-11',
    {
      X: { state: 'in_progress', timeliness: 'overdue', effectiveDeadline: '2025-04-30' },
      Y: { state: 'completed', timeliness: 'late', effectiveDeadline: '2025-04-15' },
      Z: { state: 'assigned', timeliness: 'ongoing', effectiveDeadline: null },
    },
    [3, 1, 1, 1, 0],
  ],
  [
    '2025-05-12',
    {
      X: { state: 'in_progress', timeliness: 'on_track', effectiveDeadline: '2025-07-31' },
      Y: { state: 'completed', timeliness: 'late', effectiveDeadline: '2025-04-15' },
      Z: { state: 'assigned', timeliness: 'ongoing', effectiveDeadline: null },
    },
    [3, 1, 2, 0, 0],
  ],
  [
    '2025-06-30',
    {
      X: { state: 'completed', timeliness: 'on_time', effectiveDeadline: '2025-07-31' },
      Y: { state: 'completed', timeliness: 'late', effectiveDeadline: '2025-04-15' },
      Z: { state: 'in_progress', timeliness: 'ongoing', effectiveDeadline: null },
    },
    [3, 2, 1, 0, 0],
  ],
];

describe.each(TEST_DATABASE_KINDS)('readings as of past days on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  let steering: Actor;
  let reader: TestClient;
  const ids = {} as Record<'X' | 'Y' | 'Z', string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    programme = await buildProgramme(db, t.world);
    steering = await actorFor(db, t.world.person.steering);
    const ministryFocal = await actorFor(db, t.world.person.ministryFocal);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const on = (actor: Actor, day: string) => onDay(actor, day);
    const task = (day: string, title: string, lead: string, deadline: string | null, assign = true) =>
      buildTask(db, on(steering, day), {
        programmeId: programme.id,
        title,
        leadOrganizationId: lead,
        deadline,
        assign,
      });
    ids.Z = await task('2025-02-01', 'Z Trực ban', t.world.org.hanoi.id, null, false);
    ids.X = await task('2025-03-01', 'X Luật Chuyển đổi số', t.world.org.ministry.id, '2025-04-30');
    ids.Y = await task('2025-03-01', 'Y Đề án Thủ đô số', t.world.org.hanoi.id, '2025-04-15');
    await move(db, on(hanoiFocal, '2025-03-05'), ids.Y, { percent: 20 });
    await move(db, on(ministryFocal, '2025-03-10'), ids.X, { percent: 20 });
    await move(db, on(steering, '2025-03-15'), ids.Z, 'assign');
    await move(db, on(hanoiFocal, '2025-04-20'), ids.Y, 'submit');
    await move(db, on(steering, '2025-04-22'), ids.Y, 'accept');
    const extension = await workflow.requestExtension(db, on(ministryFocal, '2025-05-10'), ids.X, {
      requestedDeadline: '2025-07-31',
      reason: 'Chờ ý kiến thẩm định',
    });
    await workflow.decideExtension(db, on(steering, '2025-05-12'), ids.X, extension, { decision: 'approve' });
    await move(db, on(hanoiFocal, '2025-06-01'), ids.Z, { percent: 10 });
    await move(db, on(ministryFocal, '2025-06-20'), ids.X, 'submit');
    await move(db, on(steering, '2025-06-25'), ids.X, 'accept');
    reader = await t.signIn(t.world.person.leader.email);
  });
  afterAll(() => t.close());

  const readDay = async (day: string) => {
    const list = await reader.request({ method: 'GET', url: `/api/v1/tasks?scope=VN&as_of=${day}&limit=100` });
    const dashboard = await reader.request({ method: 'GET', url: `/api/v1/dashboard?scope=VN&as_of=${day}` });
    expect(list.statusCode, list.body).toBe(200);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const items = list.json().items as TaskSummary[];
    const reading = Object.fromEntries(
      Object.entries(ids).map(([key, id]) => {
        const item = items.find((i) => i.id === id);
        return [
          key,
          item && { state: item.state, timeliness: item.timeliness, effectiveDeadline: item.effectiveDeadline },
        ];
      }),
    );
    const d = dashboard.json() as Dashboard;
    return { items, reading, dashboard: d, headline: [d.total, d.completed, d.inProgress, d.overdue, d.dueSoon] };
  };

  it.each(EXPECTED)('reproduces %s as it was', async (day, reading, headline) => {
    const read = await readDay(day);
    expect(read.reading).toEqual(reading);
    expect(read.headline).toEqual(headline);
    expect(read.dashboard.asOf).toBe(day);
  });

  it('dates the completion, keeps the original deadline and hides a task on the days before it existed', async () => {
    const { items } = await readDay('2025-06-30');
    expect(items.find((i) => i.id === ids.X)).toMatchObject({ completedOn: '2025-06-25', deadline: '2025-04-30' });
    // Completed a week after its deadline of 15 April: it keeps its days late (decision 0024).
    expect(items.find((i) => i.id === ids.Y)).toMatchObject({ completedOn: '2025-04-22', daysLate: 7 });
    expect((await readDay('2025-05-05')).items.find((i) => i.id === ids.X)?.daysLate).toBe(5);
    const before = await reader.request({ method: 'GET', url: `/api/v1/tasks/${ids.X}?as_of=2025-02-28` });
    expect(before.statusCode).toBe(404);
    const detail = await reader.request({ method: 'GET', url: `/api/v1/tasks/${ids.X}?as_of=2025-05-11` });
    expect(detail.json()).toMatchObject({
      state: 'in_progress',
      timeliness: 'overdue',
      effectiveDeadline: '2025-04-30',
    });
  });

  it('reads a past day the same after later events', async () => {
    const stable = (read: Awaited<ReturnType<typeof readDay>>) => ({
      reading: read.reading,
      headline: read.headline,
      breakdown: read.dashboard.byOrganization,
      overdue: read.dashboard.overdueTasks.map((task) => [task.id, task.state, task.timeliness, task.daysLate]),
    });
    const days = EXPECTED.map(([day]) => day);
    const before = await Promise.all(days.map(async (day) => stable(await readDay(day))));
    const db = t.database.db;
    await move(db, onDay(steering, '2025-07-01'), ids.Z, 'cancel', 'Không còn cần thiết');
    await buildTask(db, onDay(steering, '2025-07-02'), {
      programmeId: programme.id,
      title: 'W Nhiệm vụ mới',
      leadOrganizationId: t.world.org.hanoi.id,
      deadline: '2025-07-05',
    });
    await workflow.addComment(db, onDay(steering, '2025-07-03'), ids.X, 'Đã xong');
    const after = await Promise.all(days.map(async (day) => stable(await readDay(day))));
    expect(after).toEqual(before);
    // The later day does see the change.
    const later = await readDay('2025-07-10');
    expect(later.reading.Z).toMatchObject({ state: 'cancelled', timeliness: null });
    expect(later.headline).toEqual([3, 2, 0, 1, 0]);
  });
});
