import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackStatistics } from '../../../shared/schemas/feedback-statistics.ts';
import type { FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { weightedMedian } from './feedback-statistics.figures.ts';
import { receiveOn, stepsOn } from '../../testing/feedback-statistics-test-support.ts';
import { addRootHandler } from '../../testing/feedback-test-support.ts';
import { parseCsvTable } from '../../testing/spreadsheets-test-support.ts';

describe('weighted medians', () => {
  it('are the middle value, or the mean of the two middle ones, of the expanded list', () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 7, weight: 0 }])).toBeNull();
    expect(weightedMedian([{ value: 3, weight: 1 }])).toBe(3);
    expect(
      weightedMedian([
        { value: 4, weight: 1 },
        { value: 1, weight: 1 },
        { value: 2, weight: 1 },
      ]),
    ).toBe(2);
    expect(
      weightedMedian([
        { value: 16, weight: 1 },
        { value: 2, weight: 1 },
      ]),
    ).toBe(9);
    // 0 0 1 | 1 2 4 4 4 → (1 + 2) / 2
    expect(
      weightedMedian([
        { value: 4, weight: 3 },
        { value: 0, weight: 2 },
        { value: 1, weight: 2 },
        { value: 2, weight: 1 },
      ]),
    ).toBe(1.5);
    expect(
      weightedMedian([
        { value: 5, weight: 1_000_000 },
        { value: 1, weight: 999_999 },
      ]),
    ).toBe(5);
  });
});

/**
 * A small intake around the 30 April and 1 May 2025 holidays (Wednesday and Thursday). Received on
 * Monday 28 April, an item is due for triage on Monday 5 May (3 working days: 29 April, 2 and
 * 5 May) and for an answer on Wednesday 21 May (15 working days). Working days from reception to
 * a step count the days after reception up to the step's day, holidays and weekends left out.
 */
describe.each(TEST_DATABASE_KINDS)('feedback response-time statistics on %s', (kind) => {
  let t: TestApp;
  let root: TestClient;
  let hanoi: TestClient;
  let inspector: TestClient;
  let outsider: TestClient;
  let steering: TestClient;
  const PERIOD = 'received_from=2025-04-01&received_to=2025-05-31&as_of=2025-06-02';

  const accept: FeedbackTransition = { action: 'accept' };
  const assign = (organizationId: string): FeedbackTransition => ({ action: 'assign', organizationId });
  const answer: FeedbackTransition = { action: 'answer', answer: 'Đã giải quyết theo quy định.' };

  const read = async (client: TestClient, query: string) => {
    const response = await client.request({ method: 'GET', url: `/api/v1/feedback/statistics?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FeedbackStatistics;
  };
  const rowOf = (statistics: FeedbackStatistics, code: string | null) =>
    statistics.byOrganization.find((row) => (row.organization?.code ?? null) === code);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const handler = await addRootHandler(t);
    const { hoanKiem, dongAnh, hcm } = t.world.org;
    const run = async (day: string, steps: [string, FeedbackTransition][]) => {
      const item = await receiveOn(t, day);
      await stepsOn(t, handler, item.id, steps);
    };
    // Hoàn Kiếm: triaged after 1, 2 and 4 working days; answered after 2 (on time) and 16 (late); one open.
    await run('2025-04-28', [
      ['2025-04-29', accept],
      ['2025-04-29', assign(hoanKiem.id)],
      ['2025-05-02', answer],
    ]);
    await run('2025-04-28', [
      ['2025-05-02', accept],
      ['2025-05-02', assign(hoanKiem.id)],
      ['2025-05-22', answer],
    ]);
    await run('2025-04-28', [
      ['2025-05-06', accept],
      ['2025-05-06', assign(hoanKiem.id)],
    ]);
    // Đông Anh: triaged the day it came (0), answered on the 30 April holiday (1 working day).
    await run('2025-04-28', [
      ['2025-04-28', accept],
      ['2025-04-28', assign(dongAnh.id)],
      ['2025-04-30', answer],
    ]);
    // Hồ Chí Minh City: received Monday 5 May, triaged at once, in processing past its 26 May due date.
    await run('2025-05-05', [
      ['2025-05-05', accept],
      ['2025-05-05', assign(hcm.id)],
      ['2025-05-06', { action: 'start' }],
    ]);
    // Not assigned: one never triaged (overdue since 6 May), one rejected the next day.
    await run('2025-04-28', []);
    await run('2025-04-28', [['2025-04-29', { action: 'reject', reason: 'Không thuộc phạm vi.' }]]);
    // Outside the period: counted only when the period includes March.
    await run('2025-03-03', [
      ['2025-03-03', accept],
      ['2025-03-03', assign(hoanKiem.id)],
      ['2025-03-04', answer],
    ]);
    root = await t.signIn(handler.email);
    hanoi = await t.signIn(t.world.person.handler.email);
    inspector = await t.signIn(t.world.person.inspector.email);
    outsider = await t.signIn(t.world.person.outsider.email);
    steering = await t.signIn(t.world.person.steering.email);
  });
  afterAll(() => t.close());

  it('gives a root handler every organization, the unassigned items and the totals, as counted by hand', async () => {
    const statistics = await read(root, PERIOD);
    expect(statistics.scope.code).toBe('VN');
    expect(statistics.serviceLevel).toEqual({ triageWorkingDays: 3, answerWorkingDays: 15 });
    expect(statistics.byOrganization.map((row) => row.organization?.code ?? null)).toEqual([
      '01.001',
      null,
      '01.002',
      '79',
    ]);
    expect(rowOf(statistics, '01.001')).toEqual({
      organization: expect.objectContaining({ id: t.world.org.hoanKiem.id, nameVi: 'Phường Hoàn Kiếm' }),
      received: 3,
      triaged: 3,
      triagedWithinServiceLevel: 2,
      shareTriagedWithinServiceLevel: 2 / 3,
      medianTriageWorkingDays: 2,
      answered: 2,
      answeredWithinServiceLevel: 1,
      shareAnsweredWithinServiceLevel: 0.5,
      medianAnswerWorkingDays: 9,
      overdue: 1,
    });
    expect(rowOf(statistics, '01.002')).toMatchObject({
      received: 1,
      medianTriageWorkingDays: 0,
      medianAnswerWorkingDays: 1,
      shareAnsweredWithinServiceLevel: 1,
      overdue: 0,
    });
    expect(rowOf(statistics, '79')).toMatchObject({
      received: 1,
      triagedWithinServiceLevel: 1,
      answered: 0,
      medianAnswerWorkingDays: null,
      shareAnsweredWithinServiceLevel: null,
      overdue: 1,
    });
    expect(rowOf(statistics, null)).toMatchObject({ received: 2, triaged: 1, medianTriageWorkingDays: 1, overdue: 1 });
    // Triage days 1 2 4 0 0 1 → 1; answer days 2 16 1 → 2.
    expect(statistics.totals).toEqual({
      received: 7,
      triaged: 6,
      triagedWithinServiceLevel: 5,
      shareTriagedWithinServiceLevel: 5 / 6,
      medianTriageWorkingDays: 1,
      answered: 3,
      answeredWithinServiceLevel: 2,
      shareAnsweredWithinServiceLevel: 2 / 3,
      medianAnswerWorkingDays: 2,
      overdue: 3,
    });
  });

  it('counts the period asked for and overdue items as of the date asked for', async () => {
    const all = await read(root, 'as_of=2025-06-02');
    expect(all.receivedFrom).toBeNull();
    expect(all.totals).toMatchObject({ received: 8, answered: 4, answeredWithinServiceLevel: 3 });
    expect(rowOf(all, '01.001')).toMatchObject({ received: 4, medianAnswerWorkingDays: 2 });
    // On 20 May nothing assigned was overdue yet; only the untriaged item was.
    expect((await read(root, 'received_from=2025-04-01&as_of=2025-05-20')).totals.overdue).toBe(1);
    const march = await read(root, 'received_from=2025-03-01&received_to=2025-03-31&as_of=2025-06-02');
    expect(march.totals).toMatchObject({ received: 1, medianTriageWorkingDays: 0, medianAnswerWorkingDays: 1 });
  });

  it('confines a scoped handler to its scope, lets inspectors read any, and refuses the others', async () => {
    const own = await read(hanoi, PERIOD);
    expect(own.scope.code).toBe('01');
    expect(own.byOrganization.map((row) => row.organization?.code)).toEqual(['01.001', '01.002']);
    // Triage days 1 2 4 0 → 1.5; answer days 2 16 1 → 2.
    expect(own.totals).toMatchObject({ received: 4, medianTriageWorkingDays: 1.5, medianAnswerWorkingDays: 2 });
    expect((await read(hanoi, `${PERIOD}&scope=01.001`)).totals.received).toBe(3);
    for (const scope of ['79', 'VN']) {
      const refused = await hanoi.request({ method: 'GET', url: `/api/v1/feedback/statistics?scope=${scope}` });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
    }
    expect((await read(inspector, PERIOD)).totals.received).toBe(7);
    const hcm = await read(inspector, `${PERIOD}&scope=79`);
    expect(hcm.byOrganization.map((row) => row.organization?.code)).toEqual(['79']);
    for (const client of [outsider, steering]) {
      const refused = await client.request({ method: 'GET', url: '/api/v1/feedback/statistics' });
      expect(refused.statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/statistics' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a period that ends before it starts, and an unknown scope', async () => {
    const backwards = await root.request({
      method: 'GET',
      url: '/api/v1/feedback/statistics?received_from=2025-05-01&received_to=2025-04-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: 'querystring.received_to' })]);
    const badDate = await root.request({ method: 'GET', url: '/api/v1/feedback/statistics?received_from=2025-02-30' });
    expect(badDate.statusCode).toBe(400);
    const unknown = await root.request({ method: 'GET', url: '/api/v1/feedback/statistics?scope=NOWHERE' });
    expect(unknown.statusCode).toBe(404);
  });

  it('exports the same figures as CSV and XLSX', async () => {
    const csv = await root.request({
      method: 'GET',
      url: `/api/v1/feedback/statistics?${PERIOD}&format=csv`,
      headers: { 'accept-language': 'en' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('feedback-statistics_VN_2025-06-02.csv');
    // One table, nothing above it: every row as wide as the header, as pandas reads it.
    const { header, rows } = parseCsvTable(csv);
    expect(header.slice(0, 3)).toEqual(['Code', 'Organization', 'Received']);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['', 'Total', '7']);
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toContain('01.001,Hoan Kiem Ward,3,3,2,0.6666666666666666,2,2,1,0.5,9,1');
    expect(lines).toContain(',Not assigned yet,2,1,1,1,1,0,0,,,1');
    expect(lines.at(-1)).toBe(',Total,7,6,5,0.8333333333333334,1,3,2,0.6666666666666666,2,3');
    const xlsx = await root.request({ method: 'GET', url: `/api/v1/feedback/statistics?${PERIOD}&format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
