import type { CellValue } from 'exceljs';
import {
  EXPECTED_OUTPUTS,
  type ExpectedOutput,
  PRIORITIES,
  type Priority,
} from '../../../shared/domain/task-vocabulary.ts';
import { foldForSearch } from '../../../shared/domain/text.ts';
import { CATALOGUES, LOCALES, type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { TaskSummary } from '../../../shared/schemas/tasks.ts';
import {
  cellBoolean,
  cellChoice,
  cellCodes,
  cellDate,
  cellText,
  cellWholeNumber,
  type CellProblem,
} from '../spreadsheets/cell-values.ts';
import type { FigureFormat, SheetCell } from '../spreadsheets/workbook-writing.ts';
import { nameIn } from '../../../shared/domain/localized-name.ts';

/**
 * The task sheet, defined once: the template, the import and the export all read this table, so
 * that an exported list can be edited and uploaded again. Headers are the catalogue's
 * `sheet.column.<key>`; the template shows Vietnamese above English.
 */

/** A task as the export writes it: the list's summary and the fields only the detail has. */
export interface ExportedTask extends TaskSummary {
  description: string;
  startOn: string | null;
  expectedOutput: ExpectedOutput;
  sourceDocumentNumber: string | null;
  coordinatorCodes: string[];
}

/** One uploaded row, read but not yet checked against the database. */
export interface TaskSheetRow {
  code: string | null;
  title: string;
  description: string;
  groupNumber: number | null;
  sourceDocumentNumber: string | null;
  leadCode: string;
  coordinatorCodes: string[];
  startOn: string | null;
  deadline: string | null;
  expectedOutput: ExpectedOutput | null;
  priority: Priority | null;
  isConfidential: boolean;
}

export const emptyTaskSheetRow = (): TaskSheetRow => ({
  code: null,
  title: '',
  description: '',
  groupNumber: null,
  sourceDocumentNumber: null,
  leadCode: '',
  coordinatorCodes: [],
  startOn: null,
  deadline: null,
  expectedOutput: null,
  priority: null,
  isConfidential: false,
});

/** Every column has its header in the catalogue, so TypeScript refuses a column without one. */
export type ColumnKey = MessageKey extends infer K ? (K extends `sheet.column.${infer Key}` ? Key : never) : never;

export interface TaskSheetColumn {
  key: ColumnKey;
  width: number;
  isRequired: boolean;
  /** How its numbers or dates are shown; dates are written as real Excel dates, shown day first. */
  format?: FigureFormat;
  /** The cell of a task in the export. */
  write(task: ExportedTask, locale: Locale): SheetCell;
  /** Reads the cell into the row; export-only columns (state, timeliness…) have none and are ignored. */
  read?(cell: CellValue, row: TaskSheetRow): CellProblem | undefined;
  /** The values of the template's drop-down list, in Vietnamese. */
  choices?: readonly string[];
}

const outputLabel = (output: ExpectedOutput): MessageKey => `expectedOutput.${output}`;
const priorityLabel = (priority: Priority): MessageKey => `priority.${priority}`;
const asDate = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null);
const problemOr = <T>(result: { value: T } | { problem: CellProblem }, assign: (value: T) => void) => {
  if ('problem' in result) return result.problem;
  assign(result.value);
  return undefined;
};

export const TASK_SHEET_COLUMNS: readonly TaskSheetColumn[] = [
  {
    key: 'code',
    width: 14,
    isRequired: false,
    write: (task) => task.code,
    read: (cell, row) => void (row.code = cellText(cell) || null),
  },
  {
    key: 'title',
    width: 50,
    isRequired: true,
    write: (task) => task.title,
    read: (cell, row) => void (row.title = cellText(cell)),
  },
  {
    key: 'description',
    width: 40,
    isRequired: false,
    write: (task) => task.description,
    read: (cell, row) => void (row.description = cellText(cell)),
  },
  {
    key: 'group',
    width: 12,
    isRequired: false,
    format: 'count',
    write: (task) => task.taskGroupNumber,
    read: (cell, row) => problemOr(cellWholeNumber(cell), (value) => (row.groupNumber = value)),
  },
  {
    key: 'sourceDocument',
    width: 18,
    isRequired: false,
    write: (task) => task.sourceDocumentNumber,
    read: (cell, row) => void (row.sourceDocumentNumber = cellText(cell) || null),
  },
  {
    key: 'lead',
    width: 16,
    isRequired: true,
    write: (task) => task.lead.code,
    read: (cell, row) => void (row.leadCode = cellText(cell)),
  },
  {
    key: 'coordinators',
    width: 22,
    isRequired: false,
    write: (task) => task.coordinatorCodes.join(', '),
    read: (cell, row) => void (row.coordinatorCodes = cellCodes(cell)),
  },
  {
    key: 'startOn',
    width: 13,
    isRequired: false,
    format: 'date',
    write: (task) => asDate(task.startOn),
    read: (cell, row) => problemOr(cellDate(cell), (value) => (row.startOn = value)),
  },
  {
    key: 'deadline',
    width: 13,
    isRequired: false,
    format: 'date',
    write: (task) => asDate(task.deadline),
    read: (cell, row) => problemOr(cellDate(cell), (value) => (row.deadline = value)),
  },
  {
    key: 'expectedOutput',
    width: 26,
    isRequired: true,
    write: (task, locale) => translate(locale, outputLabel(task.expectedOutput)),
    read: (cell, row) =>
      problemOr(cellChoice(cell, EXPECTED_OUTPUTS, outputLabel), (value) => (row.expectedOutput = value)),
    choices: EXPECTED_OUTPUTS.map((output) => CATALOGUES.vi[outputLabel(output)]),
  },
  {
    key: 'priority',
    width: 14,
    isRequired: false,
    write: (task, locale) => translate(locale, priorityLabel(task.priority)),
    read: (cell, row) => problemOr(cellChoice(cell, PRIORITIES, priorityLabel), (value) => (row.priority = value)),
    choices: PRIORITIES.map((priority) => CATALOGUES.vi[priorityLabel(priority)]),
  },
  {
    key: 'confidential',
    width: 10,
    isRequired: false,
    write: (task, locale) => translate(locale, task.isConfidential ? 'sheet.yes' : 'sheet.no'),
    read: (cell, row) => problemOr(cellBoolean(cell), (value) => (row.isConfidential = value)),
    choices: [CATALOGUES.vi['sheet.yes'], CATALOGUES.vi['sheet.no']],
  },
  // Export only: how the task stands on the reading's date.
  {
    key: 'leadName',
    width: 40,
    isRequired: false,
    write: (task, l) => nameIn(l, task.lead),
  },
  { key: 'state', width: 18, isRequired: false, write: (task, l) => translate(l, `taskState.${task.state}`) },
  {
    key: 'timeliness',
    width: 18,
    isRequired: false,
    write: (task, l) => (task.timeliness ? translate(l, `timeliness.${task.timeliness}`) : null),
  },
  {
    key: 'effectiveDeadline',
    width: 13,
    isRequired: false,
    format: 'date',
    write: (task) => asDate(task.effectiveDeadline),
  },
  { key: 'daysLate', width: 10, isRequired: false, format: 'count', write: (task) => task.daysLate },
  { key: 'progress', width: 10, isRequired: false, format: 'count', write: (task) => task.progressPercent },
  // The sub-tasks' roll-up beside the lead agency's own report (decision 0021); empty without sub-tasks.
  {
    key: 'subTaskProgress',
    width: 14,
    isRequired: false,
    format: 'count',
    write: (task) => task.subTasks?.progressPercent ?? null,
  },
  {
    key: 'subTasksOverdue',
    width: 12,
    isRequired: false,
    format: 'count',
    write: (task) => task.subTasks?.timeliness.overdue ?? null,
  },
  { key: 'completedOn', width: 13, isRequired: false, format: 'date', write: (task) => asDate(task.completedOn) },
];

export const IMPORTED_COLUMNS = TASK_SHEET_COLUMNS.filter((column) => column.read);

export const isSheetColumnKey = (key: string): key is ColumnKey =>
  TASK_SHEET_COLUMNS.some((column) => column.key === key);

export const columnHeader = (column: TaskSheetColumn, locale: Locale): string =>
  translate(locale, `sheet.column.${column.key}`);

// Every name of every column, folded once: the reader asks this of a cell of every row (is it the
// repeated header row?), and folding the 57 names each time was most of the time a read took.
let columnsByName: Map<string, TaskSheetColumn> | undefined;

/** Which column a header cell names, in any of our languages, ignoring case and diacritics. */
export function columnOfHeader(header: string): TaskSheetColumn | undefined {
  columnsByName ??= new Map(
    TASK_SHEET_COLUMNS.flatMap((column) =>
      [column.key.toLowerCase(), ...LOCALES.map((l) => foldForSearch(columnHeader(column, l)))].map(
        (name) => [name, column] as const,
      ),
    ).reverse(), // the first column of a name wins, as in the table's order
  );
  const folded = foldForSearch(header);
  return folded === '' ? undefined : columnsByName.get(folded);
}
