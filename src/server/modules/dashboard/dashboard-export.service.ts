import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { Dashboard, DashboardQuery } from '../../../shared/schemas/dashboard.ts';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../auth/principal.ts';
import {
  addTableSheet,
  type SheetCell,
  csvBytes,
  type ExportFile,
  exportFilename,
  MEDIA_TYPES,
  newWorkbook,
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

const nameOf = (row: { nameVi: string; nameEn: string }, locale: Locale) => (locale === 'vi' ? row.nameVi : row.nameEn);

function breakdown(rows: Array<Headline & { code: string; nameVi: string; nameEn: string }>, locale: Locale) {
  const columns: TableColumn[] = [
    { header: translate(locale, 'tasks.code'), width: 12 },
    { header: translate(locale, 'dashboard.name'), width: 45 },
    ...HEADLINE.map(([key, label]) => ({
      header: translate(locale, label),
      width: 14,
      ...(key === 'completionRate' ? { style: 'percent' as const } : {}),
    })),
  ];
  const cells = rows.map((row): SheetCell[] => [row.code, nameOf(row, locale), ...HEADLINE.map(([key]) => row[key])]);
  return { columns, cells };
}

function headlineLines(dashboard: Dashboard, locale: Locale): SheetCell[][] {
  return [
    [translate(locale, 'sheet.scope'), `${dashboard.scope.code} ${nameOf(dashboard.scope, locale)}`],
    [translate(locale, 'sheet.asOf'), new Date(`${dashboard.asOf}T00:00:00Z`)],
    ...HEADLINE.map(([key, label]): SheetCell[] => [translate(locale, label), dashboard[key]]),
  ];
}

function dashboardWorkbook(dashboard: Dashboard, locale: Locale) {
  const workbook = newWorkbook();
  const t = (key: MessageKey) => translate(locale, key);
  // The headline is label / value pairs, not a table: no header row.
  const headline = workbook.addWorksheet(sheetName(t('dashboard.headline')));
  headline.columns = [{ width: 30 }, { width: 40 }];
  headline.addRows(headlineLines(dashboard, locale));
  headline.getCell('B2').numFmt = 'dd/mm/yyyy';
  headline.getCell(`B${HEADLINE.length + 2}`).numFmt = '0.0%';
  for (const [key, rows] of [
    ['dashboard.byOrganization', dashboard.byOrganization],
    ['dashboard.byGroup', dashboard.byGroup],
    ['dashboard.byProvince', dashboard.byProvince],
  ] as const) {
    const { columns, cells } = breakdown(rows, locale);
    addTableSheet(workbook, t(key), columns, cells);
  }
  addTableSheet(
    workbook,
    t('dashboard.overdueTasks'),
    [
      { header: t('tasks.code'), width: 14 },
      { header: t('tasks.taskTitle'), width: 60 },
      { header: t('tasks.agency'), width: 40 },
      { header: t('sheet.column.effectiveDeadline'), width: 14, style: 'date' },
      { header: t('dashboard.daysLate'), width: 10 },
    ],
    // Confidential tasks stay inside the system: a file leaves its access rules behind (decision 0015).
    dashboard.overdueTasks
      .filter((task) => !task.isConfidential)
      .map((task) => [
        task.code,
        task.title,
        nameOf(task.lead, locale),
        task.effectiveDeadline ? new Date(`${task.effectiveDeadline}T00:00:00Z`) : null,
        task.daysLate,
      ]),
  );
  addTableSheet(
    workbook,
    t('dashboard.ranking'),
    [
      { header: t('dashboard.rank'), width: 8 },
      { header: t('tasks.code'), width: 12 },
      { header: t('dashboard.name'), width: 45 },
      { header: t('dashboard.total'), width: 12 },
      { header: t('timeliness.on_time'), width: 12 },
      { header: t('dashboard.onTimeRate'), width: 14, style: 'percent' },
    ],
    dashboard.ranking.map((row) => [
      row.rank,
      row.code,
      nameOf(row, locale),
      row.total,
      row.completedOnTime,
      row.onTimeRate,
    ]),
  );
  return workbook;
}

/**
 * The dashboard as a workbook (headline, breakdowns, overdue tasks, ranking), or as CSV: the
 * headline first, then the by-organization table. Figures are getDashboard's, so they match.
 */
export async function exportDashboard(
  db: Db,
  principal: Principal,
  query: DashboardQuery,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<ExportFile> {
  const dashboard = await getDashboard(db, principal, query);
  const filename = exportFilename('dashboard', dashboard.scope.code, dashboard.asOf, format);
  if (format === 'xlsx') {
    return { filename, contentType: MEDIA_TYPES.xlsx, body: await workbookBytes(dashboardWorkbook(dashboard, locale)) };
  }
  const { columns, cells } = breakdown(dashboard.byOrganization, locale);
  const lines = [...headlineLines(dashboard, locale), [], columns.map((column) => column.header), ...cells];
  return { filename, contentType: MEDIA_TYPES.csv, body: csvBytes(lines) };
}
