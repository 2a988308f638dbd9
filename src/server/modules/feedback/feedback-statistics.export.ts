import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { FeedbackResponseFigures, FeedbackStatistics } from '../../../shared/schemas/feedback-statistics.ts';
import {
  addTableSheet,
  csvBytes,
  type ExportFile,
  exportFilename,
  MEDIA_TYPES,
  newWorkbook,
  type SheetCell,
  type TableColumn,
  workbookBytes,
} from '../spreadsheets/workbook-writing.ts';

/** The figures with their labels, in the order the statistics screen shows them. */
const FIGURES: Array<[keyof FeedbackResponseFigures, MessageKey, TableColumn['style']?]> = [
  ['received', 'feedbackStatistics.received'],
  ['triaged', 'feedbackStatistics.triaged'],
  ['triagedWithinServiceLevel', 'feedbackStatistics.triagedWithin'],
  ['shareTriagedWithinServiceLevel', 'feedbackStatistics.shareTriagedWithin', 'percent'],
  ['medianTriageWorkingDays', 'feedbackStatistics.medianTriage'],
  ['answered', 'feedbackStatistics.answered'],
  ['answeredWithinServiceLevel', 'feedbackStatistics.answeredWithin'],
  ['shareAnsweredWithinServiceLevel', 'feedbackStatistics.shareAnsweredWithin', 'percent'],
  ['medianAnswerWorkingDays', 'feedbackStatistics.medianAnswer'],
  ['overdue', 'feedbackStatistics.overdue'],
];

/** One table: a row per organization, then the scope's totals. */
function table(statistics: FeedbackStatistics, locale: Locale) {
  const t = (key: MessageKey) => translate(locale, key);
  const columns: TableColumn[] = [
    { header: t('tasks.code'), width: 12 },
    { header: t('feedbackStatistics.organization'), width: 45 },
    ...FIGURES.map(([, label, style]) => ({ header: t(label), width: 16, ...(style ? { style } : {}) })),
  ];
  const figures = (row: FeedbackResponseFigures) => FIGURES.map(([key]) => row[key]);
  const cells = statistics.byOrganization.map((row): SheetCell[] => [
    row.organization?.code ?? '',
    row.organization
      ? locale === 'vi'
        ? row.organization.nameVi
        : row.organization.nameEn
      : t('feedbackStatistics.unassigned'),
    ...figures(row),
  ]);
  cells.push(['', t('feedbackStatistics.total'), ...figures(statistics.totals)]);
  return { columns, cells };
}

/** The statistics as a one-sheet workbook or as CSV (scope, period and as-of lines first). */
export async function exportFeedbackStatistics(
  statistics: FeedbackStatistics,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<ExportFile> {
  const filename = exportFilename('feedback-statistics', statistics.scope.code, statistics.asOf, format);
  const { columns, cells } = table(statistics, locale);
  if (format === 'xlsx') {
    const workbook = newWorkbook();
    addTableSheet(workbook, translate(locale, 'feedbackStatistics.title'), columns, cells);
    return { filename, contentType: MEDIA_TYPES.xlsx, body: await workbookBytes(workbook) };
  }
  const scopeName = locale === 'vi' ? statistics.scope.nameVi : statistics.scope.nameEn;
  const lines: SheetCell[][] = [
    [translate(locale, 'sheet.scope'), `${statistics.scope.code} ${scopeName}`],
    [
      translate(locale, 'feedbackStatistics.period'),
      `${statistics.receivedFrom ?? ''} – ${statistics.receivedTo ?? ''}`,
    ],
    [translate(locale, 'sheet.asOf'), statistics.asOf],
    [],
    columns.map((column) => column.header),
    ...cells,
  ];
  return { filename, contentType: MEDIA_TYPES.csv, body: csvBytes(lines) };
}
