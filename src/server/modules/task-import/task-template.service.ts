import type ExcelJS from 'exceljs';
import { translate } from '../../../shared/i18n/index.ts';
import { XLSX_MEDIA_TYPE } from '../../../shared/schemas/spreadsheets.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import * as repository from './task-import.repository.ts';
import { exampleSheetName, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './task-sheet-reader.ts';
import { columnHeader, IMPORTED_COLUMNS, type TaskSheetColumn } from '../tasks/task-sheet-columns.ts';
import {
  type ExportFile,
  FIGURE_FORMATS,
  newWorkbook,
  type SheetCell,
  sheetName,
  workbookBytes,
} from '../spreadsheets/workbook-writing.ts';

/**
 * Row 1: Vietnamese headers; row 2: the same in English; data below. The example is on a sheet of
 * its own, which the reader ignores: an untouched template imports nothing.
 */
const FIRST_DATA_ROW = 3;
const LAST_VALIDATED_ROW = FIRST_DATA_ROW + MAX_IMPORT_ROWS - 1;

const EXAMPLE: Partial<Record<TaskSheetColumn['key'], SheetCell>> = {
  title: 'Ví dụ: Xây dựng cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo',
  description: 'Ví dụ — dòng này không được nhập. Example — this row is not imported.',
  group: 1,
  sourceDocument: '57-NQ/TW',
  lead: 'BKHCN',
  coordinators: 'BTC, BNV',
  startOn: new Date('2025-01-15T00:00:00Z'),
  deadline: new Date('2025-12-31T00:00:00Z'),
  expectedOutput: translate('vi', 'expectedOutput.system'),
  priority: translate('vi', 'priority.high'),
  confidential: translate('vi', 'sheet.no'),
};

/** Drop-down lists read from a Lists sheet: a list written inline is limited to 255 characters. */
function addLists(workbook: ExcelJS.Workbook, tasks: ExcelJS.Worksheet, groupNumbers: number[]) {
  const lists = workbook.addWorksheet(sheetName(translate('vi', 'sheet.lists')));
  const listed = IMPORTED_COLUMNS.map((column) =>
    column.key === 'group' ? groupNumbers.map(String) : (column.choices ?? []),
  );
  let listColumn = 0;
  IMPORTED_COLUMNS.forEach((column, index) => {
    const values = listed[index] ?? [];
    if (values.length === 0) return;
    listColumn += 1;
    lists.getRow(1).getCell(listColumn).value = columnHeader(column, 'vi');
    values.forEach((value, offset) => {
      lists.getRow(offset + 2).getCell(listColumn).value = column.key === 'group' ? Number(value) : value;
    });
    const letter = lists.getColumn(listColumn).letter;
    const target = tasks.getColumn(index + 1).letter;
    // One rule for the column's range, written as one XML node (J3:J5002): the file stays small
    // and Excel quick. Cell by cell (cell.dataValidation) would be 5,000 entries per column, merged
    // again by exceljs when writing. The reader skips validations anyway (task-sheet-reader.ts).
    // exceljs accepts a range here (its typings omit the property).
    (
      tasks as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${target}${FIRST_DATA_ROW}:${target}${LAST_VALIDATED_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${lists.name}'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
    });
  });
  lists.state = 'hidden';
}

/** The example row under the same two header rows, on the sheet the reader skips (EXAMPLE_SHEET). */
function addExample(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(sheetName(exampleSheetName()));
  sheet.columns = IMPORTED_COLUMNS.map((column) => ({
    width: column.width,
    ...(column.format ? { style: { numFmt: FIGURE_FORMATS[column.format] } } : {}),
  }));
  sheet.addRow(IMPORTED_COLUMNS.map((column) => columnHeader(column, 'vi'))).font = { bold: true };
  sheet.addRow(IMPORTED_COLUMNS.map((column) => columnHeader(column, 'en'))).font = {
    italic: true,
    color: { argb: 'FF555555' },
  };
  sheet.addRow(IMPORTED_COLUMNS.map((column) => EXAMPLE[column.key] ?? null));
}

function addInstructions(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(sheetName(`${translate('vi', 'sheet.instructions')} - Instructions`));
  sheet.columns = [{ width: 34 }, { width: 34 }, { width: 12 }, { width: 100 }];
  // The sheets are named in Vietnamese in the file, so every language names them so.
  const params = {
    rows: MAX_IMPORT_ROWS,
    megabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    sheet: translate('vi', 'sheet.tasks'),
    firstRow: FIRST_DATA_ROW,
    example: exampleSheetName(),
  };
  for (const key of [
    'sheet.help.1',
    'sheet.help.2',
    'sheet.help.3',
    'sheet.help.4',
    'sheet.help.5',
    'sheet.help.6',
  ] as const) {
    sheet.addRow([translate('vi', key, params)]);
    sheet.addRow([translate('en', key, params)]).font = { italic: true, color: { argb: 'FF555555' } };
  }
  sheet.addRow([]);
  sheet.addRow(['Cột', 'Column', 'Bắt buộc / Required']).font = { bold: true };
  for (const column of IMPORTED_COLUMNS) {
    sheet.addRow([columnHeader(column, 'vi'), columnHeader(column, 'en'), column.isRequired ? 'có / yes' : '']);
  }
}

/**
 * The import template of a programme: the task sheet's columns (Vietnamese above English), an
 * example sheet, drop-down lists (expected output, priority, the programme's group numbers,
 * confidential) and an instructions sheet.
 */
export async function taskImportTemplate(db: Db, programmeIdOrCode: string): Promise<ExportFile> {
  const programme = await repository.findProgrammeByIdOrCode(db, programmeIdOrCode);
  if (!programme) throw notFound('programme', programmeIdOrCode);
  const groups = await repository.groupsOfProgramme(db, programme.id);
  const workbook = newWorkbook();
  const tasks = workbook.addWorksheet(sheetName(translate('vi', 'sheet.tasks')), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  tasks.columns = IMPORTED_COLUMNS.map((column) => ({
    width: column.width,
    ...(column.format ? { style: { numFmt: FIGURE_FORMATS[column.format] } } : {}),
  }));
  const vietnamese = tasks.addRow(IMPORTED_COLUMNS.map((column) => columnHeader(column, 'vi')));
  vietnamese.font = { bold: true };
  vietnamese.eachCell((cell, position) => {
    if (IMPORTED_COLUMNS[position - 1]?.isRequired) cell.font = { bold: true, color: { argb: 'FFB00020' } };
  });
  tasks.addRow(IMPORTED_COLUMNS.map((column) => columnHeader(column, 'en'))).font = {
    italic: true,
    color: { argb: 'FF555555' },
  };
  addLists(
    workbook,
    tasks,
    groups.map((group) => group.number),
  );
  addExample(workbook);
  addInstructions(workbook);
  return {
    filename: `task-import-template_${programme.code}.xlsx`,
    contentType: XLSX_MEDIA_TYPE,
    body: await workbookBytes(workbook),
  };
}
