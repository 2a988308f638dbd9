import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { FeedbackResponseFigures, FeedbackStatistics } from '../../../shared/schemas/feedback-statistics.ts';
import { csvTable } from '../spreadsheets/csv-writing.ts';
import {
  addTableSheet,
  type ExportFile,
  exportFilename,
  MEDIA_TYPES,
  newWorkbook,
  type SheetCell,
  type TableColumn,
  workbookBytes,
} from '../spreadsheets/workbook-writing.ts';
import { nameIn } from '../../../shared/domain/localized-name.ts';

/** The figures with their labels, in the order the statistics screen shows them. */
const FIGURES: Array<[keyof FeedbackResponseFigures, MessageKey, TableColumn['format']?]> = [
  ['received', 'feedbackStatistics.received', 'count'],
  ['triaged', 'feedbackStatistics.triaged', 'count'],
  ['triagedWithinServiceLevel', 'feedbackStatistics.triagedWithin', 'count'],
  ['shareTriagedWithinServiceLevel', 'feedbackStatistics.shareTriagedWithin', 'percent'],
  ['medianTriageWorkingDays', 'feedbackStatistics.medianTriage', 'decimal'],
  ['answered', 'feedbackStatistics.answered', 'count'],
  ['answeredWithinServiceLevel', 'feedbackStatistics.answeredWithin', 'count'],
  ['shareAnsweredWithinServiceLevel', 'feedbackStatistics.shareAnsweredWithin', 'percent'],
  ['medianAnswerWorkingDays', 'feedbackStatistics.medianAnswer', 'decimal'],
  ['overdue', 'feedbackStatistics.overdue', 'count'],
];

/** One table: a row per organization, then the scope's totals. */
function table(statistics: FeedbackStatistics, locale: Locale) {
  const t = (key: MessageKey) => translate(locale, key);
  const columns: TableColumn[] = [
    { header: t('tasks.code'), width: 12 },
    { header: t('feedbackStatistics.organization'), width: 45 },
    ...FIGURES.map(([, label, format]) => ({ header: t(label), width: 16, ...(format ? { format } : {}) })),
  ];
  const figures = (row: FeedbackResponseFigures) => FIGURES.map(([key]) => row[key]);
  const cells = statistics.byOrganization.map((row): SheetCell[] => [
    row.organization?.code ?? '',
    row.organization ? nameIn(locale, row.organization) : t('feedbackStatistics.unassigned'),
    ...figures(row),
  ]);
  cells.push(['', t('feedbackStatistics.total'), ...figures(statistics.totals)]);
  return { columns, cells };
}

/**
 * The statistics as a one-sheet workbook or as CSV: the same one table (a row per organization, then
 * the scope's totals, told by their empty code), nothing above it, so that a CSV reader takes it as
 * it is. The scope and date are in the file's name, the period in the request.
 */
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
  return {
    filename,
    contentType: MEDIA_TYPES.csv,
    body: csvTable(
      columns.map((column) => column.header),
      cells,
    ),
  };
}
