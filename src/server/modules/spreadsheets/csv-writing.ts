import type { SheetCell } from './workbook-writing.ts';

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
 * One table as RFC 4180 CSV in UTF-8 with a byte-order mark (without it Excel reads the file in the
 * machine's legacy code page and Vietnamese comes out garbled): a header row, then rows of its
 * width, nothing else, so that any CSV reader (pandas, R, a database's COPY) takes it as it is. A
 * reading with several tables offers each as a CSV of its own, and all of them in its XLSX.
 */
export function csvTable(header: string[], rows: SheetCell[][]): Buffer {
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`csvTable: a row of ${row.length} cells under a header of ${header.length}`);
    }
  }
  const lines = [header, ...rows].map((line) => line.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
