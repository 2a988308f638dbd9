import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, LOCALES, type Locale } from '../../../shared/i18n/index.ts';
import { DASHBOARD_TABLES, type Dashboard } from '../../../shared/schemas/dashboard.ts';
import { createTasks } from '../tasks/task-creation.service.ts';
import { figureFormats, parseCsvTable, readWorkbook, sheetValues } from '../../testing/spreadsheets-test-support.ts';
import { actorFor, buildProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

const AS_OF = '2025-09-30';
const OVERDUE = 60;

/**
 * The dashboard's workbook and CSVs, read back as a spreadsheet program and pandas read them: 60
 * overdue tasks (more than the screen's 50) and 6 on track, as of 2025-09-30.
 */
describe.each(TEST_DATABASE_KINDS)('dashboard exports on %s', (kind) => {
  let t: TestApp;
  let steering: TestClient;
  let dashboard: Dashboard;
  const get = (url: string, locale: Locale = 'vi') =>
    steering.request({ method: 'GET', url, headers: { 'accept-language': locale } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const actor = await actorFor(db, t.world.person.steering, '2025-01-15');
    const { ministry, hanoi, hcm } = t.world.org;
    const leads = [ministry.id, hanoi.id, hcm.id];
    const created = await db.transaction().execute((tx) =>
      createTasks(
        tx,
        actor,
        Array.from({ length: OVERDUE + 6 }, (_, i) => ({
          programmeId: programme.id,
          title: `Nhiệm vụ ${i + 1}`,
          description: '',
          leadOrganizationId: leads[i % leads.length] ?? ministry.id,
          coordinatingOrganizationIds: [],
          // One day later each: days late from 60 down to 1 on 2025-09-30, then six due in 2026.
          deadline:
            i < OVERDUE ? `2025-${i < 30 ? '07' : '08'}-${String((i % 30) + 1).padStart(2, '0')}` : '2026-06-30',
          expectedOutput: 'report' as const,
          priority: 'normal' as const,
          isConfidential: false,
          assign: true,
        })),
      ),
    );
    expect(created.filter((outcome) => 'refused' in outcome)).toEqual([]);
    steering = await t.signIn(t.world.person.steering.email);
    dashboard = (await get(`/api/v1/dashboard?scope=VN&as_of=${AS_OF}`)).json();
    expect(dashboard).toMatchObject({ total: OVERDUE + 6, overdue: OVERDUE });
  });
  afterAll(() => t.close());

  it('holds every overdue task in the workbook, where the screen shows the first 50', async () => {
    expect(dashboard.overdueTasks).toHaveLength(50);
    const workbook = await readWorkbook(await get(`/api/v1/dashboard?scope=VN&as_of=${AS_OF}&format=xlsx`));
    const [header, ...rows] = sheetValues(workbook.getWorksheet(CATALOGUES.vi['dashboard.overdueTasks']));
    expect(header?.[0]).toBe(CATALOGUES.vi['tasks.code']);
    expect(rows).toHaveLength(OVERDUE);
    expect(rows.slice(0, 50).map((row) => row[0])).toEqual(dashboard.overdueTasks.map((task) => task.code));
    const { rows: csvRows } = parseCsvTable(
      await get(`/api/v1/dashboard?scope=VN&as_of=${AS_OF}&format=csv&table=overdue`),
    );
    expect(csvRows).toHaveLength(OVERDUE);
  });

  it.each(LOCALES)('names every sheet in full in %s, within Excel’s 31 characters', async (locale) => {
    const workbook = await readWorkbook(await get(`/api/v1/dashboard?scope=VN&as_of=${AS_OF}&format=xlsx`, locale));
    const labels = [
      'dashboard.headline',
      'dashboard.byOrganization',
      'dashboard.byGroup',
      'dashboard.byProvince',
      'dashboard.overdueTasks',
      'sheet.ranking',
    ] as const;
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(labels.map((key) => CATALOGUES[locale][key]));
    for (const sheet of workbook.worksheets) expect(sheet.name.length, sheet.name).toBeLessThanOrEqual(31);
  });

  it('writes every figure as a number with its format: counts grouped, rates as percentages, dates day first', async () => {
    const workbook = await readWorkbook(await get(`/api/v1/dashboard?scope=VN&as_of=${AS_OF}&format=xlsx`));
    const formats = figureFormats(workbook);
    const headline = workbook.worksheets[0];
    expect(headline?.getCell('B2')).toMatchObject({ numFmt: 'dd/mm/yyyy', value: new Date(`${AS_OF}T00:00:00Z`) });
    expect(headline?.getCell('B3')).toMatchObject({ numFmt: '#,##0', value: dashboard.total });
    expect(headline?.getCell('B10')).toMatchObject({ numFmt: '0.0%', value: dashboard.completionRate });
    const allowed = new Set(['#,##0', '0.0%', 'dd/mm/yyyy']);
    for (const [column, used] of formats) {
      expect(
        [...used].filter((format) => !allowed.has(format)),
        column,
      ).toEqual([]);
    }
    const byOrganization = CATALOGUES.vi['dashboard.byOrganization'];
    expect(formats.get(`${byOrganization}!C`)).toEqual(new Set(['#,##0']));
    expect(formats.get(`${byOrganization}!J`)).toEqual(new Set(['0.0%']));
  });

  it('answers each table as one rectangular CSV, the by-organization table by default', async () => {
    const url = `/api/v1/dashboard?scope=VN&as_of=${AS_OF}&format=csv`;
    const byDefault = await get(url, 'en');
    expect(byDefault.headers['content-disposition']).toContain(`dashboard-byOrganization_VN_${AS_OF}.csv`);
    const { header, rows } = parseCsvTable(byDefault);
    expect(header.slice(0, 3)).toEqual([
      CATALOGUES.en['tasks.code'],
      CATALOGUES.en['dashboard.name'],
      CATALOGUES.en['dashboard.total'],
    ]);
    expect(rows.map((row) => [row[0], Number(row[2])])).toEqual(
      dashboard.byOrganization.map((row) => [row.code, row.total]),
    );
    for (const table of DASHBOARD_TABLES) {
      const csv = await get(`${url}&table=${table}`);
      expect(csv.statusCode, table).toBe(200);
      expect(() => parseCsvTable(csv), table).not.toThrow();
    }
    const { rows: headline } = parseCsvTable(await get(`${url}&table=headline`));
    expect(headline).toEqual([['VN', 'Cả nước', AS_OF, ...[66, 0, 0, 0, 6, OVERDUE, 0].map(String), '0']]);
    expect((await get(`${url}&table=nothing`)).statusCode).toBe(400);
  });
});
