import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../shared/domain/calendar-date.ts';
import { periodContaining } from '../../../shared/domain/reporting-periods.ts';
import type { Scorecards } from '../../../shared/schemas/scorecards.ts';
import { actorFor, buildProgramme, buildTask, move, onDay } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { approveObservation, enterObservation } from './indicator-observations.service.ts';
import { createIndicator } from './indicators.service.ts';

/**
 * Two provinces through a year: Hà Nội completes one task on time and lets another run overdue, and
 * reports its indicator; Hồ Chí Minh City completes its task late and reports nothing.
 */
describe.each(TEST_DATABASE_KINDS)('scorecards on %s', (kind) => {
  let t: TestApp;
  let leader: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const steering = await actorFor(db, t.world.person.steering, '2025-01-10');
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal, '2025-07-05');
    const task = (leadOrganizationId: string) =>
      buildTask(db, steering, { programmeId: programme.id, leadOrganizationId, deadline: '2025-06-30' });
    const onTime = await task(t.world.org.hanoi.id);
    await task(t.world.org.hanoi.id); // left to run overdue
    const late = await task(t.world.org.hcm.id);
    await move(db, onDay(steering, '2025-06-01'), onTime, 'submit');
    await move(db, onDay(steering, '2025-06-02'), onTime, 'accept');
    await move(db, onDay(steering, '2025-07-10'), late, 'submit');
    await move(db, onDay(steering, '2025-07-11'), late, 'accept');
    const indicator = await createIndicator(db, steering, {
      programmeId: programme.id,
      code: 'ONLINE',
      nameVi: 'Tỷ lệ hồ sơ trực tuyến',
      nameEn: 'Online applications',
      nameFr: 'Démarches en ligne',
      unit: 'percent',
      direction: 'higher',
      level: 'strategic',
      frequency: 'quarter',
      responsibleOrganizationId: t.world.org.hanoi.id,
      baseline: { value: 50, date: '2024-12-31' },
      targets: [{ year: 2030, value: 80 }],
      reporters: [{ organizationId: t.world.org.hcm.id }],
    });
    const value = await enterObservation(db, hanoiFocal, indicator.id, {
      organizationId: t.world.org.hanoi.id,
      period: '2025-Q2',
      value: 60,
      source: 'Cổng dịch vụ công Hà Nội',
    });
    await approveObservation(db, onDay(steering, '2025-07-08'), value.id);
    leader = await t.signIn(t.world.person.leader.email);
  });
  afterAll(() => t.close());

  const cards = async (query: string) => {
    const response = await leader.request({ method: 'GET', url: `/api/v1/scorecards?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Scorecards;
  };

  it('scores each province by the published formula, ranks them, and gives the change since the quarter before', async () => {
    const q3 = await cards('kind=provinces&period=2025-Q3');
    expect(q3).toMatchObject({
      period: '2025-Q3',
      asOf: '2025-09-30',
      previousPeriod: '2025-Q2',
      weights: { onTime: 40, notOverdue: 20, notLate: 10, indicators: 30 },
      bands: { ready: 80, warning: 60 },
    });
    // Hà Nội: half on time, half overdue, nothing late, its indicator ahead of its path (counted 1).
    // 40 × 0.5 + 20 × 0.5 + 10 × 1 + 30 × 1 = 70. On 30 June the second task was not yet overdue and
    // Q1 had not been reported: 40 × 0.5 + 20 + 10 + 0 = 50.
    // Hồ Chí Minh City: its one task late, its indicator never reported (0): 20 now; 30 on 30 June.
    expect(q3.items.map((card) => [card.organization.code, card.rank, card.score, card.light, card.change])).toEqual([
      ['01', 1, 70, 'warning', 20],
      ['79', 2, 20, 'slow', -10],
    ]);
    expect(q3.items[0]).toMatchObject({
      parts: { onTime: 0.5, notOverdue: 0.5, notLate: 1, indicators: 1 },
      tasks: { total: 2, completedOnTime: 1, completedLate: 0, overdue: 1 },
      indicators: { count: 1, stale: 0 },
      previous: { score: 50, rank: 1 },
    });
    expect(q3.items[1]).toMatchObject({ indicators: { count: 1, stale: 1 }, parts: { indicators: 0 } });
  });

  it('leaves an agency with neither tasks nor indicators unscored, last', async () => {
    const ministries = await cards('kind=ministries&period=2025-Q3');
    expect(ministries.items.map((card) => [card.organization.code, card.rank, card.score, card.light])).toEqual([
      ['BKHCN', null, null, null],
    ]);
  });

  it('follows the weights an administrator sets, and says them on the scorecard', async () => {
    const admin = await t.signIn(t.world.person.admin.email);
    const put = (payload: object, headers: Record<string, string> = {}) =>
      admin.request({ method: 'PUT', url: '/api/v1/evaluation-settings', payload, headers });
    const zero = await put({
      onTrack: 0.95,
      atRisk: 0.75,
      weights: { onTime: 0, notOverdue: 0, notLate: 0, indicators: 0 },
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('weights');
    const unordered = await put({ onTrack: 0.95, atRisk: 0.75, bands: { ready: 50, warning: 70 } });
    expect(unordered.statusCode).toBe(400);
    const set = await put({
      onTrack: 0.95,
      atRisk: 0.75,
      weights: { onTime: 40, notOverdue: 20, notLate: 10, indicators: 0 },
      bands: { ready: 55, warning: 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const q3 = await cards('kind=provinces&period=2025-Q3');
    expect(q3.weights.indicators).toBe(0);
    // (20 + 10 + 10) / 70
    expect(q3.items[0]).toMatchObject({ score: 57.1, light: 'ready' });
    // Thresholds alone leave the weights as they were.
    const thresholdsOnly = await put({ onTrack: 0.9, atRisk: 0.7 }, { 'if-match': set.headers.etag as string });
    expect(thresholdsOnly.json()).toMatchObject({ weights: { indicators: 0 }, bands: { ready: 55 } });
  });

  it('leaves past quarters as they were when an indicator is defined later', async () => {
    const before = await cards('kind=provinces&period=2025-Q3');
    const programmes = await leader.request({ method: 'GET', url: '/api/v1/programmes' });
    const steering = await t.signIn(t.world.person.steering.email);
    const created = await steering.request({
      method: 'POST',
      url: '/api/v1/indicators',
      payload: {
        programmeId: programmes.json().items[0].id,
        code: 'LATER',
        nameVi: 'Chỉ tiêu đặt sau',
        nameEn: 'A later indicator',
        nameFr: 'Un indicateur plus tardif',
        unit: 'percent',
        direction: 'higher',
        level: 'operational',
        frequency: 'quarter',
        responsibleOrganizationId: t.world.org.hcm.id,
        baseline: { value: 10, date: '2024-12-31' },
        targets: [{ year: 2030, value: 50 }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await cards('kind=provinces&period=2025-Q3')).items).toEqual(before.items);
    // In the quarter under way, read today, it counts, not yet reported: two indicators, both stale.
    const now = await cards(`kind=provinces&period=${periodContaining('quarter', today()).key}`);
    expect(now.items.find((card) => card.organization.code === '79')?.indicators).toEqual({ count: 2, stale: 2 });
  });

  it('refuses a quarter that is not one or has not begun, and a reader who does not follow the programme', async () => {
    for (const period of ['2025-Q5', '2025-09', '2999-Q1']) {
      const response = await leader.request({
        method: 'GET',
        url: `/api/v1/scorecards?kind=provinces&period=${period}`,
      });
      expect(response.statusCode, period).toBe(400);
    }
    const handler = await t.signIn(t.world.person.handler.email);
    expect((await handler.request({ method: 'GET', url: '/api/v1/scorecards?kind=provinces' })).statusCode).toBe(403);
  });
});
