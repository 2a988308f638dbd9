import type { Locale } from '../../../shared/i18n/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { ListTasksQuery, TaskSummary } from '../../../shared/schemas/tasks.ts';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../../kernel/principal.ts';
import { exportDetailsOf } from './task-export.repository.ts';
import { listSummaries } from './task-queries.repository.ts';
import { taskFilterFor } from './task-reading.service.ts';
import { summariesOf } from './task-summaries.service.ts';
import { columnHeader, type ExportedTask, TASK_SHEET_COLUMNS } from './task-sheet-columns.ts';
import { csvTable } from '../spreadsheets/csv-writing.ts';
import {
  addTableSheet,
  type ExportFile,
  exportFilename,
  MEDIA_TYPES,
  newWorkbook,
  workbookBytes,
} from '../spreadsheets/workbook-writing.ts';

export const MAX_EXPORT_ROWS = 50_000;
// Below PostgreSQL's 65,535 bind parameters, with room to spare.
const DETAIL_CHUNK = 5_000;

/** The listed tasks with the columns only their detail has, in the list's order. */
async function exportedTasks(db: Db, summaries: TaskSummary[]): Promise<ExportedTask[]> {
  const details = new Map<string, Awaited<ReturnType<typeof exportDetailsOf>>[number]>();
  for (let start = 0; start < summaries.length; start += DETAIL_CHUNK) {
    const ids = summaries.slice(start, start + DETAIL_CHUNK).map((task) => task.id);
    for (const row of await exportDetailsOf(db, ids)) details.set(row.id, row);
  }
  return summaries.map((summary) => {
    const detail = details.get(summary.id);
    return {
      ...summary,
      description: detail?.description ?? '',
      startOn: detail?.start_on ?? null,
      expectedOutput: detail?.expected_output ?? 'other',
      sourceDocumentNumber: detail?.document_number ?? null,
      coordinatorCodes: detail?.coordinatorCodes ?? [],
    };
  });
}

/**
 * Every task the JSON list would show for the same filters and sort, confidential ones excepted,
 * unpaged (up to 50,000), in the task sheet's columns: an exported file can be edited and imported again.
 */
export async function exportTasks(
  db: Db,
  principal: Principal,
  query: ListTasksQuery,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<ExportFile & { total: number }> {
  const { scope, filter } = await taskFilterFor(db, principal, query);
  // Confidential tasks stay inside the system: a file leaves its access rules behind (decision 0015).
  const rows = await listSummaries(
    db,
    { ...filter, confidential: 'none' },
    { sort: query.sort, limit: MAX_EXPORT_ROWS },
  );
  const tasks = await exportedTasks(db, await summariesOf(db, rows, filter));
  const headers = TASK_SHEET_COLUMNS.map((column) => columnHeader(column, locale));
  const cells = tasks.map((task) => TASK_SHEET_COLUMNS.map((column) => column.write(task, locale)));
  const filename = exportFilename('tasks', scope.code, filter.asOf, format);
  if (format === 'csv') {
    return { filename, contentType: MEDIA_TYPES.csv, body: csvTable(headers, cells), total: tasks.length };
  }
  const workbook = newWorkbook();
  addTableSheet(
    workbook,
    translate(locale, 'sheet.tasks'),
    TASK_SHEET_COLUMNS.map((column, index) => ({
      header: headers[index] ?? column.key,
      width: column.width,
      ...(column.format ? { format: column.format } : {}),
    })),
    cells,
  );
  return { filename, contentType: MEDIA_TYPES.xlsx, body: await workbookBytes(workbook), total: tasks.length };
}
