import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'csv-parse/sync';
import { XLSX_MEDIA_TYPE } from '../../shared/schemas/spreadsheets.ts';

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipartFile(fileName: string, content: Buffer, mediaType = XLSX_MEDIA_TYPE) {
  const boundary = '----steerboard-sheet-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`),
    Buffer.from(`Content-Type: ${mediaType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export type SheetRow = Record<string, ExcelJS.CellValue>;

/** A valid row of the task sheet, as an agency fills it in, with `extra` columns set otherwise. */
export const taskSheetRow = (title: string, extra: SheetRow = {}): SheetRow => ({
  'Tên nhiệm vụ': title,
  'Nhóm nhiệm vụ (số)': 2,
  'Số văn bản giao': '57-NQ/TW',
  'Mã cơ quan chủ trì': 'BKHCN',
  'Mã cơ quan phối hợp': '01, 79',
  'Thời hạn hoàn thành': new Date('2026-06-30T00:00:00Z'),
  'Sản phẩm đầu ra': 'Hệ thống thông tin',
  'Mức độ ưu tiên': 'Khẩn',
  Mật: 'không',
  ...extra,
});

/**
 * A task sheet as an agency would make it by hand: Vietnamese headers in its own order, no
 * English row, one object per row keyed by header.
 */
export async function taskWorkbook(rows: SheetRow[]): Promise<Buffer> {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The downloaded template filled as a user would fill it in Excel: its tasks sheet (the first),
 * one object per row keyed by the Vietnamese header, from the first row under the two header
 * rows; the lists, the example, the validations and the formatting stay as they were.
 */
export async function fillTemplate(template: Buffer, rows: Array<SheetRow | null>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, position) => positions.set(String(cell.value), position));
  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(3 + index);
    for (const [header, value] of Object.entries(row ?? {})) {
      const position = positions.get(header);
      if (!position) throw new Error(`the template has no column ${header}`);
      excelRow.getCell(position).value = value;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(response: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A worksheet's rows as arrays of cell values, without exceljs' leading empty slot. */
export function sheetValues(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

export function parseCsv(response: LightMyRequestResponse): string[][] {
  return parse(response.rawPayload.subarray(3).toString('utf8'), { relax_column_count: true });
}

/**
 * A CSV as pandas or a database's COPY reads it: one table, every row as wide as its header (the
 * parser throws otherwise), after a UTF-8 byte-order mark.
 */
export function parseCsvTable(response: LightMyRequestResponse): { header: string[]; rows: string[][] } {
  if (!response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('no UTF-8 BOM');
  // Without relax_column_count, csv-parse refuses a row of another width than the first, as pandas does.
  const [header = [], ...rows] = parse(response.rawPayload.subarray(3).toString('utf8')) as string[][];
  if (header.length === 0) throw new Error('no header row');
  return { header, rows };
}

/**
 * The number format of every number and date a workbook holds, below its header rows, by sheet:
 * `General` (none) is how a figure shows as 0.428445229681979 or 42.8445229681979%.
 */
export function figureFormats(workbook: ExcelJS.Workbook): Map<string, Set<string>> {
  const formats = new Map<string, Set<string>>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'number' && !(cell.value instanceof Date)) return;
        const key = `${sheet.name}!${sheet.getColumn(cell.col).letter}`;
        formats.set(key, (formats.get(key) ?? new Set()).add(cell.numFmt || 'General'));
      }),
    );
  }
  return formats;
}

/** Edits an exported workbook's task sheet in place and returns it as an upload. */
export async function editWorkbook(
  workbook: ExcelJS.Workbook,
  edit: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  edit(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
