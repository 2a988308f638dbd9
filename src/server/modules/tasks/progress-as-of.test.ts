import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import type { TaskDetail, TaskSummary } from '../../../shared/schemas/tasks.ts';
import { BACKFILL } from '../../db/migrations/0010-task-progress-history.ts';
import { PARENTS_OWN_PROGRESS } from '../../db/migrations/0015-sub-task-roll-up.ts';
import { runStatements } from '../../db/migrations/run-statements.ts';
import { parseCsv } from '../../testing/spreadsheets-test-support.ts';
import { columnHeader, TASK_SHEET_COLUMNS } from './task-sheet-columns.ts';
import { createTasks } from './task-creation.service.ts';
import { actorFor, buildProgramme, buildTask, move, onDay, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import type { Actor } from '../../kernel/actor.ts';
import { setProgress } from './tasks.repository.ts';

/**
 * Progress as of past days (decision 0014), acted through the services on chosen days of 2025:
 * X (Hà Nội) reports 10% then 20% on 10 March, 60% on 10 April, is completed on 10 May;
 * Y (the ministry, due 31 March) reports 70% on 10 March, overdue from April, 90% on 15 June;
 * P (Hà Nội) is cascaded on 2 March into C1 and C2: C1 reports 40% on 20 March, C2 80% on 20 April,
 * P itself 50% on 25 April, C1 is cancelled on 5 May (P's sub-tasks then roll up to C2's 80%, beside
 * P's own 50%: decision 0021). Every value read today differs from some past day's, so a reading of
 * today's value fails.
 */
type Key = 'X' | 'Y' | 'P';
const TODAY = today();
const EXPECTED: Array<[day: string, progress: Record<Key, number | undefined>]> = [
  ['2025-02-28', { X: undefined, Y: undefined, P: undefined }],
  ['2025-03-09', { X: 0, Y: 0, P: 0 }],
  ['2025-03-10', { X: 20, Y: 70, P: 0 }],
  ['2025-03-20', { X: 20, Y: 70, P: 0 }],
  ['2025-03-25', { X: 20, Y: 70, P: 0 }],
  ['2025-04-10', { X: 60, Y: 70, P: 0 }],
  ['2025-04-20', { X: 60, Y: 70, P: 0 }],
  ['2025-04-25', { X: 60, Y: 70, P: 50 }],
  ['2025-05-05', { X: 60, Y: 70, P: 50 }],
  ['2025-05-09', { X: 60, Y: 70, P: 50 }],
  ['2025-05-10', { X: 100, Y: 70, P: 50 }],
  ['2025-06-15', { X: 100, Y: 90, P: 50 }],
  [TODAY, { X: 100, Y: 90, P: 50 }],
];

describe.each(TEST_DATABASE_KINDS)('progress as of past days on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  let steering: Actor;
  let reader: TestClient;
  const ids = {} as Record<Key | 'C1' | 'C2', string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    programme = await buildProgramme(db, t.world);
    steering = await actorFor(db, t.world.person.steering);
    const ministryFocal = await actorFor(db, t.world.person.ministryFocal);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const on = onDay;
    const task = (actor: Actor, title: string, lead: string, deadline: string, parentTaskId?: string) =>
      buildTask(db, actor, {
        programmeId: programme.id,
        title,
        leadOrganizationId: lead,
        deadline,
        ...(parentTaskId ? { parentTaskId } : {}),
      });
    ids.X = await task(on(steering, '2025-03-01'), 'X Đề án Thủ đô số', t.world.org.hanoi.id, '2025-06-30');
    ids.Y = await task(on(steering, '2025-03-01'), 'Y Luật Chuyển đổi số', t.world.org.ministry.id, '2025-03-31');
    ids.P = await task(on(steering, '2025-03-01'), 'P Hạ tầng số Hà Nội', t.world.org.hanoi.id, '2025-12-31');
    ids.C1 = await task(on(hanoiFocal, '2025-03-02'), 'C1 Hoàn Kiếm', t.world.org.hoanKiem.id, '2025-12-31', ids.P);
    ids.C2 = await task(on(hanoiFocal, '2025-03-02'), 'C2 Đông Anh', t.world.org.dongAnh.id, '2025-12-31', ids.P);
    await move(db, on(hanoiFocal, '2025-03-10'), ids.X, { percent: 10 });
    // Later the same day: the day's last write is the day's value.
    await move(db, { ...hanoiFocal, now: new Date('2025-03-10T08:00:00Z') }, ids.X, { percent: 20 });
    await move(db, on(ministryFocal, '2025-03-10'), ids.Y, { percent: 70 });
    await move(db, on(hanoiFocal, '2025-03-20'), ids.C1, { percent: 40 });
    await move(db, on(hanoiFocal, '2025-04-10'), ids.X, { percent: 60 });
    await move(db, on(hanoiFocal, '2025-04-20'), ids.C2, { percent: 80 });
    await move(db, on(hanoiFocal, '2025-04-25'), ids.P, { percent: 50 });
    await move(db, on(hanoiFocal, '2025-05-05'), ids.C1, 'cancel', 'Gộp vào nhiệm vụ của Đông Anh');
    await move(db, on(hanoiFocal, '2025-05-09'), ids.X, 'submit');
    await move(db, on(steering, '2025-05-10'), ids.X, 'accept');
    await move(db, on(ministryFocal, '2025-06-15'), ids.Y, { percent: 90 });
    reader = await t.signIn(t.world.person.leader.email);
  });
  afterAll(() => t.close());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await reader.request({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const listed = async (day: string, sort = 'code') => {
    const items = (await get(`/api/v1/tasks?scope=VN&as_of=${day}&sort=${sort}&limit=100`)).json()
      .items as TaskSummary[];
    return items.filter((item) => [ids.X, ids.Y, ids.P].includes(item.id));
  };
  const keyOf = (id: string) => (Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id) as Key;
  const progressOf = (items: Array<{ id: string; progressPercent: number }>) =>
    Object.fromEntries(items.map((item) => [keyOf(item.id), item.progressPercent]));

  it.each(EXPECTED)('lists, shows and exports the progress of %s', async (day, expected) => {
    const shown = Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined));
    expect(progressOf(await listed(day))).toEqual(shown);

    for (const key of ['X', 'Y', 'P'] as const) {
      const page = await reader.request({ method: 'GET', url: `/api/v1/tasks/${ids[key]}?as_of=${day}` });
      if (expected[key] === undefined) expect(page.statusCode).toBe(404);
      else expect((page.json() as TaskDetail).progressPercent, `${key} on ${day}`).toBe(expected[key]);
    }

    const csv = parseCsv(await get(`/api/v1/tasks?scope=VN&as_of=${day}&format=csv`, { 'accept-language': 'en' }));
    const [header = [], ...rows] = csv;
    const column = (key: string) => {
      const definition = TASK_SHEET_COLUMNS.find((candidate) => candidate.key === key);
      return definition ? header.indexOf(columnHeader(definition, 'en')) : -1;
    };
    const [code, progress] = [column('code'), column('progress')];
    expect(progress).toBeGreaterThan(0);
    const codes = Object.fromEntries((await listed(day)).map((item) => [item.code, keyOf(item.id)]));
    const exported = Object.fromEntries(
      rows.filter((row) => codes[row[code] ?? '']).map((row) => [codes[row[code] ?? ''], Number(row[progress])]),
    );
    expect(exported).toEqual(shown);
  });

  it('shows the sub-tasks and their roll-up of a past day beside the parent’s own report', async () => {
    const children = async (day: string) => {
      const page = (await get(`/api/v1/tasks/${ids.P}?as_of=${day}`)).json() as TaskDetail;
      return [
        page.progressPercent,
        page.subTasks?.progressPercent,
        page.children.map((child) => [child.title.slice(0, 2), child.progressPercent]),
      ];
    };
    expect(await children('2025-03-19')).toEqual([
      0,
      0,
      [
        ['C1', 0],
        ['C2', 0],
      ],
    ]);
    expect(await children('2025-03-20')).toEqual([
      0,
      20,
      [
        ['C1', 40],
        ['C2', 0],
      ],
    ]);
    expect(await children('2025-04-20')).toEqual([
      0,
      60,
      [
        ['C1', 40],
        ['C2', 80],
      ],
    ]);
    expect(await children('2025-04-25')).toEqual([
      50,
      60,
      [
        ['C1', 40],
        ['C2', 80],
      ],
    ]);
    // C1 is cancelled: it stays listed, and leaves the roll-up.
    expect(await children('2025-05-05')).toEqual([
      50,
      80,
      [
        ['C1', 40],
        ['C2', 80],
      ],
    ]);
  });

  it('sorts by the progress of the reading’s day', async () => {
    const order = async (day: string, sort: string) => (await listed(day, sort)).map((item) => keyOf(item.id));
    expect(await order('2025-04-15', 'progress')).toEqual(['P', 'X', 'Y']);
    expect(await order('2025-04-15', '-progress')).toEqual(['Y', 'X', 'P']);
    expect(await order(TODAY, 'progress')).toEqual(['P', 'Y', 'X']);
  });

  it('shows the overdue list’s progress as of its day', async () => {
    const overdueY = async (day: string) =>
      ((await get(`/api/v1/dashboard?scope=VN&as_of=${day}`)).json() as Dashboard).overdueTasks.find(
        (task) => task.id === ids.Y,
      )?.progressPercent;
    expect(await overdueY('2025-04-15')).toBe(70);
    expect(await overdueY('2025-06-15')).toBe(90);
  });

  it('reads from today on the task’s own value, which is always its latest history row', async () => {
    const db = t.database.db;
    const latest = await db
      .selectFrom('task as t')
      .select(['t.id', 't.progress_percent'])
      .select((eb) =>
        eb
          .selectFrom('task_progress as h')
          .select('h.percent')
          .whereRef('h.task_id', '=', 't.id')
          .orderBy('h.day', 'desc')
          .limit(1)
          .as('latest'),
      )
      .execute();
    expect(latest.length).toBeGreaterThanOrEqual(5);
    for (const row of latest) expect(row.latest, row.id).toBe(row.progress_percent);
    // Nothing happened since 2025: yesterday (read from the history) and today (the column) agree.
    const all = async (day: string) =>
      progressOf((await get(`/api/v1/tasks?scope=VN&as_of=${day}&limit=100`)).json().items as TaskSummary[]);
    expect(await all(TODAY)).toEqual(await all(addDays(TODAY, -1)));
  });

  it('keeps one row per day changed, the day’s last write, and the latest day’s value on the task', async () => {
    const db = t.database.db;
    const id = await buildTask(db, onDay(steering, '2025-07-01'), {
      programmeId: programme.id,
      title: 'W Nhiệm vụ ghi ngược ngày',
      leadOrganizationId: t.world.org.ministry.id,
      deadline: '2025-12-31',
    });
    const history = async () => {
      const rows = await db
        .selectFrom('task_progress')
        .select(['day', 'percent'])
        .where('task_id', '=', id)
        .orderBy('day')
        .execute();
      const task = await db
        .selectFrom('task')
        .select('progress_percent')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { rows: rows.map((row) => [row.day, row.percent]), current: task.progress_percent };
    };
    await setProgress(db, id, '2025-08-01', 50);
    // Written after a later day (the demo seed cascades into tasks whose later history exists).
    await setProgress(db, id, '2025-07-15', 30);
    await setProgress(db, id, '2025-07-20', 30);
    expect(await history()).toEqual({
      rows: [
        ['2025-07-01', 0],
        ['2025-07-15', 30],
        ['2025-08-01', 50],
      ],
      current: 50,
    });
    await setProgress(db, id, '2025-08-01', 45);
    expect(await history()).toEqual({
      rows: [
        ['2025-07-01', 0],
        ['2025-07-15', 30],
        ['2025-08-01', 45],
      ],
      current: 45,
    });
  });

  it('starts the history of tasks created in a batch (as an import makes them) on the day of their creation', async () => {
    const db = t.database.db;
    const [outcome] = await db.transaction().execute((tx) =>
      createTasks(tx, onDay(steering, '2025-02-15'), [
        {
          programmeId: programme.id,
          assignerOrganizationId: t.world.org.root.id,
          title: 'I Nhiệm vụ nhập từ Excel',
          description: '',
          leadOrganizationId: t.world.org.hcm.id,
          coordinatingOrganizationIds: [],
          deadline: '2025-12-31',
          expectedOutput: 'report',
          priority: 'normal',
          isConfidential: false,
          assign: true,
        },
      ]),
    );
    const code = outcome && 'code' in outcome ? outcome.code : undefined;
    const task = await db
      .selectFrom('task')
      .select('id')
      .where('code', '=', code ?? '')
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('task_progress')
      .select(['day', 'percent'])
      .where('task_id', '=', task.id)
      .execute();
    expect(rows).toEqual([{ day: '2025-02-15', percent: 0 }]);
    const items = (await get('/api/v1/tasks?scope=VN&as_of=2025-02-15&limit=100')).json().items as TaskSummary[];
    expect(items.find((item) => item.id === task.id)?.progressPercent).toBe(0);
  });

  it('takes the roll-ups written before decision 0021 out of a parent’s own history (migration 0015)', async () => {
    const db = t.database.db;
    const historyOfP = async () => {
      const rows = await db
        .selectFrom('task_progress')
        .select(['day', 'percent'])
        .where('task_id', '=', ids.P)
        .orderBy('day')
        .execute();
      const task = await db
        .selectFrom('task')
        .select('progress_percent')
        .where('id', '=', ids.P)
        .executeTakeFirstOrThrow();
      return { rows: rows.map((row) => [row.day, row.percent]), current: task.progress_percent };
    };
    const written = await historyOfP();
    // What the parent's roll-up wrote into its own percentage until then (decision 0014).
    await setProgress(db, ids.P, '2025-03-20', 20);
    await setProgress(db, ids.P, '2025-05-05', 80);
    expect((await historyOfP()).current).toBe(80);
    await runStatements(db as unknown as Kysely<unknown>, PARENTS_OWN_PROGRESS);
    expect(await historyOfP()).toEqual(written);
    expect(written).toEqual({
      rows: [
        ['2025-03-01', 0],
        ['2025-04-25', 50],
      ],
      current: 50,
    });
  });

  // Last: it replaces the history the services wrote with the migration's rebuild of it.
  it('rebuilds a history from reports and completions, a parent’s included: its own is its reports', async () => {
    const db = t.database.db;
    const written = await db.selectFrom('task_progress').selectAll().orderBy('task_id').orderBy('day').execute();
    await db.deleteFrom('task_progress').execute();
    // A migration runs on an untyped Kysely; the statements are the same.
    await runStatements(db as unknown as Kysely<unknown>, BACKFILL);
    const rebuilt = await db.selectFrom('task_progress').selectAll().orderBy('task_id').orderBy('day').execute();
    const of = (rows: typeof written, id: string) =>
      rows.filter((row) => row.task_id === id).map((row) => [row.day, row.percent]);
    for (const key of ['X', 'Y', 'P', 'C1', 'C2'] as const) {
      expect(of(rebuilt, ids[key]), key).toEqual(of(written, ids[key]));
    }
    expect(of(rebuilt, ids.P)).toEqual([
      ['2025-03-01', 0],
      ['2025-04-25', 50],
    ]);
  });
});
