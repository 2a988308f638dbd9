import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';

/**
 * What exceljs need not parse: readers use cell values only, and exceljs expands each validated
 * range into one entry per cell. A file saved from the task template (four lists over 5,000 rows)
 * costs 20,000 entries; the same lists over whole columns, as Excel writes them when a user picks
 * whole columns, four million: 4–7 s on this machine for the load alone (decision 0010).
 */
const UNUSED_NODES = ['dataValidations'];

/** Opens an uploaded workbook; anything exceljs cannot read is refused, never a 500. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: UNUSED_NODES });
  } catch {
    throw new AppError('unreadable_file', 'The upload is not a readable XLSX workbook');
  }
  return workbook;
}
