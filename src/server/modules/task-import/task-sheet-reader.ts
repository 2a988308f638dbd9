import type ExcelJS from 'exceljs';
import { foldForSearch } from '../../../shared/domain/text.ts';
import { LOCALES, translate } from '../../../shared/i18n/index.ts';
import { AppError } from '../../errors.ts';
import type { CellProblem } from '../spreadsheets/cell-values.ts';
import { cellText } from '../spreadsheets/cell-values.ts';
import { loadWorkbook } from '../spreadsheets/workbook-reading.ts';
import {
  columnOfHeader,
  emptyTaskSheetRow,
  IMPORTED_COLUMNS,
  type TaskSheetColumn,
  type TaskSheetRow,
} from '../tasks/task-sheet-columns.ts';

export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ReadRow {
  /** The row number Excel shows, so that people find the row the report speaks of. */
  rowNumber: number;
  row: TaskSheetRow;
  problems: Array<{ column: string; problem: CellProblem }>;
}

/** The rows of an uploaded task sheet, and where each column the reader knows stands in it. */
export interface TaskSheet {
  rows: ReadRow[];
  /** The letter of each column read, by its key ('deadline' → 'I'): a report names the cell, e.g. I7. */
  columnLetters: Record<string, string>;
}

/** The template's example sheet: "Ví dụ - Example". */
export const exampleSheetName = () => `${translate('vi', 'sheet.example')} - ${translate('en', 'sheet.example')}`;

/**
 * The tasks sheet: the one named so in any of our languages, else the first that is not the
 * template's example (which is never read, so that an untouched template imports nothing).
 */
function tasksSheetOf(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const names = new Set(LOCALES.map((locale) => foldForSearch(translate(locale, 'sheet.tasks'))));
  const example = foldForSearch(exampleSheetName());
  const sheet =
    workbook.worksheets.find((s) => names.has(foldForSearch(s.name))) ??
    workbook.worksheets.find((s) => foldForSearch(s.name) !== example);
  if (!sheet) throw new AppError('unreadable_file', 'The workbook has no worksheet');
  return sheet;
}

/** Columns by position, from the header row; a header we do not know (a note, a total) is ignored. */
function columnsOf(sheet: ExcelJS.Worksheet): Map<number, TaskSheetColumn> {
  const columns = new Map<number, TaskSheetColumn>();
  sheet.getRow(1).eachCell((cell, position) => {
    const column = columnOfHeader(cellText(cell.value));
    if (column?.read && ![...columns.values()].includes(column)) columns.set(position, column);
  });
  const missing = IMPORTED_COLUMNS.filter((c) => c.isRequired && ![...columns.values()].includes(c));
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      `Missing columns: ${missing.map((c) => c.key).join(', ')}`,
      {},
      missing.map((column) => ({ path: `file.${column.key}`, message: 'import.missing_column' })),
    );
  }
  return columns;
}

/** The template repeats the header in English on row 2: a row whose cells are all headers is not data. */
function isHeaderRow(row: ExcelJS.Row, columns: Map<number, TaskSheetColumn>): boolean {
  const texts = [...columns.keys()].map((position) => cellText(row.getCell(position).value)).filter(Boolean);
  return texts.length > 0 && texts.every((text) => columnOfHeader(text));
}

/** Reads the uploaded task sheet into rows with the problems of each cell, skipping blank rows. */
export async function readTaskSheet(bytes: Buffer): Promise<TaskSheet> {
  const sheet = tasksSheetOf(await loadWorkbook(bytes));
  const columns = columnsOf(sheet);
  const columnLetters = Object.fromEntries(
    [...columns].map(([position, column]) => [column.key, sheet.getColumn(position).letter]),
  );
  // actualRowCount counts rows with values: a header, maybe an English header, then data.
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS + 1) {
    throw new AppError('too_many_rows', 'Too many rows', { max: MAX_IMPORT_ROWS });
  }
  const rows: ReadRow[] = [];
  sheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber === 1 || isHeaderRow(excelRow, columns)) return;
    const isBlank = [...columns.keys()].every((position) => cellText(excelRow.getCell(position).value) === '');
    if (isBlank) return;
    const row = emptyTaskSheetRow();
    const problems: ReadRow['problems'] = [];
    for (const [position, column] of columns) {
      const value = excelRow.getCell(position).value;
      const problem = column.read?.(value, row);
      if (problem) problems.push({ column: column.key, problem });
      else if (column.isRequired && cellText(value) === '') {
        problems.push({ column: column.key, problem: { message: 'import.required' } });
      }
    }
    rows.push({ rowNumber, row, problems });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('too_many_rows', 'Too many rows', { max: MAX_IMPORT_ROWS });
  return { rows, columnLetters };
}
