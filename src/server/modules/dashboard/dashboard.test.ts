import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../shared/domain/calendar-date.ts';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import type { TaskAction } from '../../../shared/domain/task-vocabulary.ts';
import { actorFor, buildProgramme, buildTask, move, onDay } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

const AS_OF = '2025-06-30';

/**
 * Thirteen tasks with their histories, read as of 2025-06-30. Expected there: completed 3 (2 on
 * time, 1 late), overdue 3, in progress 4 of which 2 due soon; a draft, a cancelled task and a
 * task assigned after that day do not count.
 */
describe.each(TEST_DATABASE_KINDS)('dashboard on %s', (kind) => {
  let t: TestApp;
  const client: Record<string, TestClient> = {};
  const code: Record<number, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const [g1, g2] = programme.groups.map((g) => g.id) as [string, string];
    const steering = await actorFor(db, t.world.person.steering);
    const { ministry, hanoi, hcm, hoanKiem } = t.world.org;
    type Step = [day: string, step: TaskAction | { percent: number }, reason?: string];
    const plans: Array<[number, string, string, string | null, Step[], { assign?: boolean; on?: string }?]> = [
      [
        1,
        ministry.id,
        g1,
        '2025-03-31',
        [
          ['2025-03-19', 'submit'],
          ['2025-03-20', 'accept'],
        ],
      ],
      [
        2,
        ministry.id,
        g1,
        '2025-03-31',
        [
          ['2025-04-09', 'submit'],
          ['2025-04-10', 'accept'],
        ],
      ],
      [3, ministry.id, g2, '2025-06-10', [['2025-02-01', { percent: 40 }]]],
      [4, hanoi.id, g1, '2025-05-31', []],
      [5, hanoi.id, g2, '2025-07-03', [['2025-06-01', { percent: 70 }]]],
      [6, hanoi.id, g2, null, []],
      [
        7,
        hanoi.id,
        g1,
        '2025-05-31',
        [
          ['2025-05-29', 'submit'],
          ['2025-05-30', 'accept'],
        ],
      ],
      [8, hcm.id, g2, '2025-12-31', []],
      [9, hcm.id, g1, '2025-06-29', [['2025-06-20', 'submit']]],
      [10, hoanKiem.id, g1, '2025-06-30', []],
      [11, ministry.id, g1, '2025-09-30', [], { assign: false }],
      [12, hanoi.id, g2, '2025-09-30', [['2025-04-01', 'cancel', 'Trùng lặp']]],
      [13, hanoi.id, g1, '2025-09-30', [], { on: '2025-07-05' }],
    ];
    for (const [n, leadOrganizationId, taskGroupId, deadline, steps, options] of plans) {
      const id = await buildTask(db, onDay(steering, options?.on ?? '2025-01-15'), {
        programmeId: programme.id,
        title: `Nhiệm vụ số ${n}`,
        leadOrganizationId,
        taskGroupId,
        deadline,
        assign: options?.assign ?? true,
      });
      for (const [day, step, reason] of steps) await move(db, onDay(steering, day), id, step, reason);
      code[n] = (await db.selectFrom('task').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    }
    for (const key of ['steering', 'hanoiFocal', 'outsider', 'leader'] as const) {
      client[key] = await t.signIn(t.world.person[key].email);
    }
  });
  afterAll(() => t.close());

  const get = (as: string, url: string) => client[as]!.request({ method: 'GET', url });
  const dashboard = async (query: string, as = 'steering'): Promise<Dashboard> => {
    const response = await get(as, `/api/v1/dashboard?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const headline = (d: Pick<Dashboard, 'total' | 'completed' | 'inProgress' | 'overdue'>) => [
    d.total,
    d.completed,
    d.inProgress,
    d.overdue,
  ];

  it('reads the headline of the scope as of the day', async () => {
    const d = await dashboard(`scope=VN&as_of=${AS_OF}`);
    expect(d).toMatchObject({
      asOf: AS_OF,
      dueSoonDays: 7,
      total: 10,
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      inProgress: 4,
      overdue: 3,
      dueSoon: 2,
      completionRate: 0.3,
    });
    expect(d.scope.code).toBe('VN');
    expect(d.completed + d.inProgress + d.overdue).toBe(d.total);
    expect(d.dueSoon).toBeLessThanOrEqual(d.inProgress);
    expect((await dashboard(`as_of=${AS_OF}&due_soon_days=0`)).dueSoon).toBe(1);
  });

  it('breaks the headline down by lead agency, group and province, each adding up', async () => {
    const d = await dashboard(`scope=VN&as_of=${AS_OF}`);
    const fields = [
      'total',
      'completed',
      'completedOnTime',
      'completedLate',
      'inProgress',
      'overdue',
      'dueSoon',
    ] as const;
    for (const rows of [d.byOrganization, d.byGroup]) {
      for (const field of fields)
        expect(
          rows.reduce((sum, row) => sum + row[field], 0),
          field,
        ).toBe(d[field]);
      for (const row of rows) {
        expect(row.completed + row.inProgress + row.overdue).toBe(row.total);
        expect(row.completionRate).toBeCloseTo(row.completed / row.total);
      }
    }
    expect(d.byOrganization.map((r) => [r.code, ...headline(r)])).toEqual([
      ['01', 4, 1, 2, 1],
      ['BKHCN', 3, 2, 0, 1],
      ['79', 2, 0, 1, 1],
      ['01.001', 1, 0, 1, 0],
    ]);
    expect(d.byGroup.map((r) => [r.number, ...headline(r)])).toEqual([
      [1, 6, 3, 1, 2],
      [2, 4, 0, 3, 1],
    ]);
    expect(d.byProvince.map((r) => [r.code, r.total])).toEqual([
      ['01', 5],
      ['79', 2],
    ]);
  });

  it('ranks agencies by their share completed on time, and lists the overdue by days late', async () => {
    const d = await dashboard(`scope=VN&as_of=${AS_OF}`);
    expect(d.ranking.map((r) => [r.rank, r.code, r.onTimeRate])).toEqual([
      [1, 'BKHCN', 1 / 3],
      [2, '01', 1 / 4],
      // Equal rates, equal ranks; then by official name: Phường Hoàn Kiếm before Thành phố Hồ Chí Minh.
      [3, '01.001', 0],
      [3, '79', 0],
    ]);
    expect(d.overdueTasks.map((task) => [task.code, task.daysLate])).toEqual([
      [code[4], 30],
      [code[3], 20],
      [code[9], 1],
    ]);
  });

  it('agrees with the task list on the same question', async () => {
    for (const scope of ['VN', '01', '79']) {
      const d = await dashboard(`scope=${scope}&as_of=${AS_OF}`);
      for (const [timeliness, expected] of [
        ['overdue', d.overdue],
        ['due_soon', d.dueSoon],
        ['on_time,late', d.completed],
        ['on_track,due_soon,ongoing', d.inProgress],
        ['on_time,late,overdue,due_soon,on_track,ongoing', d.total],
      ] as const) {
        const list = await get('steering', `/api/v1/tasks?scope=${scope}&as_of=${AS_OF}&timeliness=${timeliness}`);
        expect(list.json().total, `${scope} ${timeliness}`).toBe(expected);
      }
    }
  });

  it('defaults to the caller’s scope and today, and refuses a scope outside it', async () => {
    const own = await dashboard('', 'hanoiFocal');
    expect(own.scope.code).toBe('01');
    expect(own.asOf).toBe(today());
    expect((await dashboard(`as_of=${AS_OF}`, 'hanoiFocal')).total).toBe(5);
    expect((await dashboard('', 'leader')).scope.code).toBe('VN');
    for (const [as, scope] of [
      ['outsider', '01'],
      ['hanoiFocal', 'VN'],
      ['hanoiFocal', '79'],
    ] as const) {
      const response = await get(as, `/api/v1/dashboard?scope=${scope}`);
      expect(response.statusCode, `${as} ${scope}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
    expect((await get('steering', '/api/v1/dashboard?scope=NOPE')).statusCode).toBe(404);
  });

  it('reads an empty day as zeros', async () => {
    const d = await dashboard('scope=VN&as_of=2025-01-14');
    expect(headline(d)).toEqual([0, 0, 0, 0]);
    expect(d.completionRate).toBe(0);
    expect(d.byOrganization).toEqual([]);
    expect(d.overdueTasks).toEqual([]);
  });
});
