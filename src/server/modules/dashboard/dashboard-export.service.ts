import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { Dashboard, DashboardQuery, DashboardTable } from '../../../shared/schemas/dashboard.ts';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../../kernel/principal.ts';
import { nameIn } from '../../../shared/domain/localized-name.ts';
import { csvTable } from '../spreadsheets/csv-writing.ts';
import {
  addTableSheet,
  type ExportFile,
  exportFilename,
  FIGURE_FORMATS,
  type FigureFormat,
  MEDIA_TYPES,
  newWorkbook,
  type SheetCell,
  sheetName,
  type TableColumn,
  workbookBytes,
} from '../spreadsheets/workbook-writing.ts';
import { getDashboard } from './dashboard.service.ts';

type Headline = Pick<
  Dashboard,
  'total' | 'completed' | 'completedOnTime' | 'completedLate' | 'inProgress' | 'overdue' | 'dueSoon' | 'completionRate'
>;

/** The headline figures with their labels, in the order the dashboard shows them. */
const HEADLINE: Array<[keyof Headline, MessageKey]> = [
  ['total', 'dashboard.total'],
  ['completed', 'dashboard.completed'],
  ['completedOnTime', 'timeliness.on_time'],
  ['completedLate', 'timeliness.late'],
  ['inProgress', 'dashboard.inProgress'],
  ['overdue', 'dashboard.overdue'],
  ['dueSoon', 'timeliness.due_soon'],
  ['completionRate', 'dashboard.completionRate'],
];
const formatOf = (key: keyof Headline): FigureFormat => (key === 'completionRate' ? 'percent' : 'count');

/** The sheet (and CSV) titles: short enough for Excel's 31 characters in every language. */
const TITLES: Record<DashboardTable, MessageKey> = {
  headline: 'dashboard.headline',
  byOrganization: 'dashboard.byOrganization',
  byGroup: 'dashboard.byGroup',
  byProvince: 'dashboard.byProvince',
  overdue: 'dashboard.overdueTasks',
  ranking: 'sheet.ranking',
};

/**
 * The overdue tasks an export holds: all of them (the screen shows the first 50), up to the bound
 * of a task export; a scope with more has its full list in the task export filtered on overdue.
 */
export const MAX_OVERDUE_EXPORTED = 50_000;

interface Table {
  columns: TableColumn[];
  rows: SheetCell[][];
}

const nameOf = (row: { nameVi: string; nameEn: string }, locale: Locale) => nameIn(locale, row);
const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

function breakdown(rows: Array<Headline & { code: string; nameVi: string; nameEn: string }>, locale: Locale): Table {
  return {
    columns: [
      { header: translate(locale, 'tasks.code'), width: 12 },
      { header: translate(locale, 'dashboard.name'), width: 45 },
      ...HEADLINE.map(([key, label]) => ({ header: translate(locale, label), width: 14, format: formatOf(key) })),
    ],
    rows: rows.map((row) => [row.code, nameOf(row, locale), ...HEADLINE.map(([key]) => row[key])]),
  };
}

/** Each table of the dashboard, built once for the workbook and the CSVs alike. */
function tableOf(dashboard: Dashboard, table: DashboardTable, locale: Locale): Table {
  const t = (key: MessageKey) => translate(locale, key);
  switch (table) {
    case 'headline':
      // One row: the scope, the day and its figures, for a program to read.
      return {
        columns: [
          { header: t('sheet.scope'), width: 12 },
          { header: t('dashboard.name'), width: 40 },
          { header: t('sheet.asOf'), width: 14, format: 'date' },
          ...HEADLINE.map(([key, label]) => ({ header: t(label), width: 14, format: formatOf(key) })),
        ],
        rows: [
          [
            dashboard.scope.code,
            nameOf(dashboard.scope, locale),
            asDate(dashboard.asOf),
            ...HEADLINE.map(([key]) => dashboard[key]),
          ],
        ],
      };
    case 'byOrganization':
    case 'byGroup':
    case 'byProvince':
      return breakdown(dashboard[table], locale);
    case 'overdue':
      return {
        columns: [
          { header: t('tasks.code'), width: 14 },
          { header: t('tasks.taskTitle'), width: 60 },
          { header: t('tasks.agency'), width: 40 },
          { header: t('sheet.column.effectiveDeadline'), width: 14, format: 'date' },
          { header: t('dashboard.daysLate'), width: 10, format: 'count' },
        ],
        // Confidential tasks stay inside the system: a file leaves its access rules behind (decision 0015).
        rows: dashboard.overdueTasks
          .filter((task) => !task.isConfidential)
          .map((task) => [
            task.code,
            task.title,
            nameOf(task.lead, locale),
            asDate(task.effectiveDeadline),
            task.daysLate,
          ]),
      };
    case 'ranking':
      return {
        columns: [
          { header: t('dashboard.rank'), width: 8, format: 'count' },
          { header: t('tasks.code'), width: 12 },
          { header: t('dashboard.name'), width: 45 },
          { header: t('dashboard.total'), width: 12, format: 'count' },
          { header: t('timeliness.on_time'), width: 12, format: 'count' },
          { header: t('dashboard.onTimeRate'), width: 14, format: 'percent' },
        ],
        rows: dashboard.ranking.map((row) => [
          row.rank,
          row.code,
          nameOf(row, locale),
          row.total,
          row.completedOnTime,
          row.onTimeRate,
        ]),
      };
  }
}

/** The headline sheet reads as label / value pairs, as the dashboard shows it, each value formatted. */
function addHeadlineSheet(workbook: ReturnType<typeof newWorkbook>, dashboard: Dashboard, locale: Locale) {
  const sheet = workbook.addWorksheet(sheetName(translate(locale, TITLES.headline)));
  sheet.columns = [{ width: 30 }, { width: 40 }];
  sheet.addRow([translate(locale, 'sheet.scope'), `${dashboard.scope.code} ${nameOf(dashboard.scope, locale)}`]);
  sheet.addRow([translate(locale, 'sheet.asOf'), asDate(dashboard.asOf)]).getCell(2).numFmt = FIGURE_FORMATS.date;
  for (const [key, label] of HEADLINE) {
    sheet.addRow([translate(locale, label), dashboard[key]]).getCell(2).numFmt = FIGURE_FORMATS[formatOf(key)];
  }
}

function dashboardWorkbook(dashboard: Dashboard, locale: Locale) {
  const workbook = newWorkbook();
  addHeadlineSheet(workbook, dashboard, locale);
  for (const table of ['byOrganization', 'byGroup', 'byProvince', 'overdue', 'ranking'] as const) {
    const { columns, rows } = tableOf(dashboard, table, locale);
    addTableSheet(workbook, translate(locale, TITLES[table]), columns, rows);
  }
  return workbook;
}

/**
 * The dashboard as a workbook (headline, breakdowns, every overdue task, ranking), or one of its
 * tables as CSV (`table`, by organization unless asked): a CSV is one rectangular table. Figures
 * are getDashboard's, so they match the screen and the API.
 */
export async function exportDashboard(
  db: Db,
  principal: Principal,
  query: DashboardQuery,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<ExportFile> {
  const table = query.table ?? 'byOrganization';
  const holdsOverdue = format === 'xlsx' || table === 'overdue';
  const dashboard = await getDashboard(
    db,
    principal,
    query,
    holdsOverdue ? { overdueLimit: MAX_OVERDUE_EXPORTED } : {},
  );
  if (format === 'xlsx') {
    const filename = exportFilename('dashboard', dashboard.scope.code, dashboard.asOf, format);
    return { filename, contentType: MEDIA_TYPES.xlsx, body: await workbookBytes(dashboardWorkbook(dashboard, locale)) };
  }
  const { columns, rows } = tableOf(dashboard, table, locale);
  return {
    filename: exportFilename(`dashboard-${table}`, dashboard.scope.code, dashboard.asOf, format),
    contentType: MEDIA_TYPES.csv,
    body: csvTable(
      columns.map((column) => column.header),
      rows,
    ),
  };
}
