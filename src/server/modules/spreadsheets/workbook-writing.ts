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

export interface TableColumn {
  header: string;
  width?: number;
  /** 'date' shows a real Excel date day first; 'percent' shows a fraction as a percentage. */
  style?: 'date' | 'percent';
}

const NUMBER_FORMATS = { date: 'dd/mm/yyyy', percent: '0.0%' } as const;

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

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
    ...(column.style ? { style: { numFmt: NUMBER_FORMATS[column.style] } } : {}),
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

// A cell starting with one of these is run as a formula by spreadsheet programs opening a CSV.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: SheetCell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark: without it Excel reads the file in the machine's
 * legacy code page and Vietnamese comes out garbled.
 */
export function csvBytes(lines: SheetCell[][]): Buffer {
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** tasks_01_2025-09-30.xlsx: what, for which scope, as of which day. */
export function exportFilename(what: string, scopeCode: string, asOf: string, format: 'xlsx' | 'csv'): string {
  return `${what}_${scopeCode.replace(/[^A-Za-z0-9._-]/g, '-')}_${asOf}.${format}`;
}

export const MEDIA_TYPES = { xlsx: XLSX_MEDIA_TYPE, csv: 'text/csv; charset=utf-8' } as const;
