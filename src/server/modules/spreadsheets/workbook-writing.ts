import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '../../../shared/schemas/spreadsheets.ts';

/** What a cell of a written sheet holds: dates are written as real Excel dates. */
export type SheetCell = string | number | Date | null;

/** A file ready to download. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * How a figure is shown. Every number a sheet holds is a real number with one of these formats, so
 * that Excel and LibreOffice show it as the screens do and it still adds up: a count with its
 * thousands grouped, a fraction as a percentage with one decimal (0.4284… shows 42.8%), a median of
 * working days with one decimal, a date day first.
 */
export const FIGURE_FORMATS = {
  count: '#,##0',
  percent: '0.0%',
  decimal: '#,##0.0',
  date: 'dd/mm/yyyy',
} as const;
export type FigureFormat = keyof typeof FIGURE_FORMATS;

export interface TableColumn {
  header: string;
  width?: number;
  /** Text columns have none; every column of numbers or dates has one. */
  format?: FigureFormat;
}

/** Excel's limit on a sheet's name, in characters. */
export const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts for a sheet: without []:*?/\ and at most 31 characters. A longer one is cut
 * at the last word that fits, never inside a word; labels are chosen to fit, so this is a guard.
 */
export function sheetName(text: string): string {
  const clean = text
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= MAX_SHEET_NAME) return clean;
  const lastSpace = clean.slice(0, MAX_SHEET_NAME + 1).lastIndexOf(' ');
  const cut = lastSpace > 0 ? clean.slice(0, lastSpace) : clean.slice(0, MAX_SHEET_NAME);
  return cut.replace(/[\s,;.\-–]+$/, '');
}

/** A worksheet with a bold, frozen, filterable header row and typed columns. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: TableColumn[],
  rows: SheetCell[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? 16,
    ...(column.format ? { style: { numFmt: FIGURE_FORMATS[column.format] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Steerboard';
  workbook.created = new Date();
  return workbook;
}

/** tasks_01_2025-09-30.xlsx: what, for which scope, as of which day. */
export function exportFilename(what: string, scopeCode: string, asOf: string, format: 'xlsx' | 'csv'): string {
  return `${what}_${scopeCode.replace(/[^A-Za-z0-9._-]/g, '-')}_${asOf}.${format}`;
}

export const MEDIA_TYPES = { xlsx: XLSX_MEDIA_TYPE, csv: 'text/csv; charset=utf-8' } as const;
