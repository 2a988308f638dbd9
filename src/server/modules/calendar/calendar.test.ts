import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../../../shared/domain/working-days.ts';
import type { CalendarYear } from '../../../shared/schemas/calendar.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { loadWorkingCalendar } from './calendar.service.ts';

/** 2027 as the Government might announce it: Tết from Thursday 4 to Thursday 11 February, Saturday 30 January worked. */
const announced2027 = {
  holidays: [
    { date: '2027-01-01', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day", kind: 'public' },
    ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({
      date,
      nameVi: 'Tết Nguyên Đán',
      nameEn: 'Lunar New Year',
      kind: date === '2027-02-04' ? 'bridge' : 'public',
    })),
  ],
  extraWorkingDays: ['2027-01-30'],
};

describe.each(TEST_DATABASE_KINDS)('holiday calendar on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hanoiAdmin: TestClient;
  let leader: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const p = t.world.person;
    [admin, hanoiAdmin, leader] = await Promise.all([
      t.signIn(p.admin.email),
      t.signIn(p.hanoiAdmin.email),
      t.signIn(p.leader.email),
    ]);
  });
  afterAll(() => t.close());

  const get = (client: TestClient, year: number | string) =>
    client.request({ method: 'GET', url: `/api/v1/calendar/years/${year}` });
  const put = (client: TestClient, year: number, payload: unknown, ifMatch?: string) =>
    client.request({
      method: 'PUT',
      url: `/api/v1/calendar/years/${year}`,
      payload: payload as Record<string, unknown>,
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });

  it('gives anyone signed in the statutory holidays of a year not set, without an ETag', async () => {
    const response = await get(leader, 2026);
    expect(response.statusCode, response.body).toBe(200);
    const year: CalendarYear = response.json();
    expect(year).toMatchObject({ year: 2026, source: 'statutory', version: 0, extraWorkingDays: [], updatedAt: null });
    expect(year.holidays.map((holiday) => holiday.date)).toContain('2026-02-17');
    expect(response.headers.etag).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2026' })).statusCode).toBe(401);
    expect((await get(leader, 'abcd')).statusCode).toBe(400);
    expect((await get(leader, 1800)).statusCode).toBe(400);
  });

  it('lets only an administrator of the root set a year', async () => {
    expect((await put(leader, 2027, announced2027)).statusCode).toBe(403);
    expect((await put(hanoiAdmin, 2027, announced2027)).statusCode).toBe(403);
    expect((await get(leader, 2027)).json()).toMatchObject({ source: 'statutory' });
  });

  it('refuses days outside the year, repeated days, weekday make-up days and unknown fields', async () => {
    const response = await put(admin, 2027, {
      holidays: [
        ...announced2027.holidays,
        { date: '2026-12-31', nameVi: 'Sai năm', nameEn: 'Wrong year', kind: 'public' },
        { date: '2027-02-05', nameVi: 'Lặp lại', nameEn: 'Repeated', kind: 'public' },
      ],
      extraWorkingDays: ['2027-02-01', '2027-02-06', '2027-01-30', '2027-01-30', '2028-01-01'],
    });
    expect(response.statusCode, response.body).toBe(400);
    const errors = (response.json() as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((error) => error.path)).toEqual([
      'holidays.7.date',
      'holidays.8.date',
      'extraWorkingDays.0',
      'extraWorkingDays.3',
      'extraWorkingDays.4',
    ]);
    expect(errors[2]!.message).toBe('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.');
    expect(
      (await put(admin, 2027, { ...announced2027, extraWorkingDays: ['2027-02-06'], notes: 'x' })).statusCode,
    ).toBe(400);
    const holidayWorked = await put(admin, 2027, {
      holidays: [{ date: '2027-02-06', nameVi: 'Tết', nameEn: 'Tết', kind: 'bridge' }],
      extraWorkingDays: ['2027-02-06'],
    });
    expect(holidayWorked.statusCode).toBe(400);
    expect(holidayWorked.json().errors).toEqual([
      { path: 'extraWorkingDays.0', message: 'Ngày này cũng đang là ngày nghỉ lễ.' },
    ]);
    const badKind = await put(admin, 2027, {
      holidays: [{ ...announced2027.holidays[0], kind: 'feast' }],
      extraWorkingDays: [],
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('stores a year, audited, then updates it only with the current If-Match', async () => {
    const created = await put(admin, 2027, announced2027);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ source: 'configured', version: 1, extraWorkingDays: ['2027-01-30'] });

    const read = await get(leader, 2027);
    expect(read.headers.etag).toBe('"1"');
    expect((read.json() as CalendarYear).holidays).toHaveLength(7);

    expect((await put(admin, 2027, announced2027)).statusCode).toBe(428);
    const stale = await put(admin, 2027, announced2027, '"7"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ currentVersion: 1 });

    const changed = { ...announced2027, extraWorkingDays: [] };
    const updated = await put(admin, 2027, changed, '"1"');
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, extraWorkingDays: [] });

    const trail = (await admin.request({ method: 'GET', url: '/api/v1/audit?entityId=2027' })).json().items as Array<{
      action: string;
      entityType: string;
      before: { source?: string; extraWorkingDays: string[] };
      after: { extraWorkingDays: string[] };
    }>;
    expect(trail.map((entry) => entry.action).sort()).toEqual(['calendar.configured', 'calendar.updated']);
    const configured = trail.find((entry) => entry.action === 'calendar.configured')!;
    expect(configured).toMatchObject({ entityType: 'holiday_calendar', before: { source: 'statutory' } });
    const update = trail.find((entry) => entry.action === 'calendar.updated')!;
    expect(update.before.extraWorkingDays).toEqual(['2027-01-30']);
    expect(update.after.extraWorkingDays).toEqual([]);
  });

  it('refuses an If-Match on a year never set: the client read a version that does not exist', async () => {
    const valid2029 = { holidays: [], extraWorkingDays: [] };
    expect((await put(admin, 2029, valid2029, '"1"')).statusCode).toBe(412);
    expect((await get(leader, 2029)).json()).toMatchObject({ source: 'statutory' });
  });

  it('loads a calendar over two years: the configured one overrides the statutory one', async () => {
    await put(admin, 2028, { holidays: [], extraWorkingDays: ['2028-01-08'] });
    const calendar = await loadWorkingCalendar(t.database.db, '2026-12-01', '2028-01-31');
    // 2026 statutory: Tết 16–20 February. 2027 configured: the statutory Tết (5–10 February) is replaced.
    expect(calendar.holidays.has('2026-02-17')).toBe(true);
    expect(calendar.holidays.has('2027-02-04')).toBe(true);
    expect(calendar.holidays.has('2027-02-12')).toBe(false);
    expect(calendar.holidays.has('2027-04-16')).toBe(false);
    // 2028 set with no holidays at all, and Saturday 8 January worked.
    expect(calendar.holidays.has('2028-01-01')).toBe(false);
    expect(calendar.extraWorkingDays.has('2028-01-08')).toBe(true);
    // Thursday 31 December 2026 + 1 working day: Friday 1 January 2027 is New Year's Day.
    expect(addWorkingDays('2026-12-31', 1, calendar)).toBe('2027-01-04');
    // Wednesday 3 February 2027 + 1 working day: Tết and its bridge day run to Thursday 11.
    expect(addWorkingDays('2027-02-03', 1, calendar)).toBe('2027-02-12');
    expect(workingDaysBetween('2028-01-06', '2028-01-10', calendar)).toBe(3);
  });
});
