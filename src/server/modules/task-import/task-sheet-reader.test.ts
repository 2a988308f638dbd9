import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { buildProgramme } from '../../testing/task-factory.ts';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { seedTestWorld } from '../../testing/test-world.ts';
import { fillTemplate, type SheetRow, taskWorkbook } from '../../testing/spreadsheets-test-support.ts';
import { loadWorkbook } from '../spreadsheets/workbook-reading.ts';
import { type ReadRow, readTaskSheet } from './task-sheet-reader.ts';
import { IN_PLACE_MAX_BYTES, readTaskSheetOffThread, readUploadedTaskSheet } from './task-sheet-thread.ts';
import { taskImportTemplate } from './task-template.service.ts';

const ROWS = 3_000;

/** Row i of the file (0-based): mostly good, with a faulty cell now and then, and one blank row. */
function sheetRow(i: number): SheetRow | null {
  if (i === 1_234) return null;
  return {
    'Mã nhiệm vụ': i % 3 === 0 ? `R57-${String(i + 1).padStart(4, '0')}` : null,
    'Tên nhiệm vụ': i % 1_000 === 9 ? null : `Nhiệm vụ số ${i + 1}`,
    'Nhóm nhiệm vụ (số)': 2,
    'Số văn bản giao': '57-NQ/TW',
    'Mã cơ quan chủ trì': i % 2 ? 'BKHCN' : '01',
    'Mã cơ quan phối hợp': 'BTC, 79',
    'Ngày bắt đầu': new Date('2026-01-15T00:00:00Z'),
    'Thời hạn hoàn thành': i % 500 === 7 ? '31/02/2026' : new Date('2027-06-30T00:00:00Z'),
    'Sản phẩm đầu ra': 'Hệ thống thông tin',
    'Mức độ ưu tiên': i % 700 === 5 ? 'Rất gấp' : 'Khẩn',
    Mật: 'không',
  };
}

/** The problems sheetRow(i) must be read with, column by column. */
function expectedProblems(i: number): Array<{ column: string; message: string }> {
  return [
    ...(i % 1_000 === 9 ? [{ column: 'title', message: 'import.required' }] : []),
    ...(i % 500 === 7 ? [{ column: 'deadline', message: 'import.invalid_date' }] : []),
    ...(i % 700 === 5 ? [{ column: 'priority', message: 'import.invalid_choice' }] : []),
  ];
}

const problemsOf = (row: ReadRow) => row.problems.map(({ column, problem }) => ({ column, message: problem.message }));

describe.each(TEST_DATABASE_KINDS)('reading a filled template on %s', (kind) => {
  let database: DatabaseHandle;
  let template: Buffer;
  let filled: Buffer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await buildProgramme(database.db, await seedTestWorld(database.db));
    template = (await taskImportTemplate(database.db, 'R57')).body;
    filled = await fillTemplate(
      template,
      Array.from({ length: ROWS }, (_, i) => sheetRow(i)),
    );
  });
  afterAll(() => database.close());

  it('reads all 3,000 rows of a filled template, each with the problems of its own cells', async () => {
    expect(filled.length).toBeLessThanOrEqual(IN_PLACE_MAX_BYTES);
    const { rows, columnLetters } = await readUploadedTaskSheet(filled);
    expect(columnLetters).toMatchObject({ code: 'A', title: 'B', lead: 'F', deadline: 'I' });
    const written = Array.from({ length: ROWS }, (_, i) => i).filter((i) => sheetRow(i) !== null);
    expect(rows).toHaveLength(ROWS - 1);
    // Data starts under the two header rows; Excel's row numbers, the blank row skipped.
    expect(rows.map((row) => row.rowNumber)).toEqual(written.map((i) => i + 3));
    expect(rows.map(problemsOf)).toEqual(written.map(expectedProblems));
    expect(rows.filter((row) => row.problems.length > 0)).toHaveLength(3 + 6 + 5);
    expect(rows[2]?.row).toEqual({
      code: null,
      title: 'Nhiệm vụ số 3',
      description: '',
      groupNumber: 2,
      sourceDocumentNumber: '57-NQ/TW',
      leadCode: '01',
      coordinatorCodes: ['BTC', '79'],
      startOn: '2026-01-15',
      deadline: '2027-06-30',
      expectedOutput: 'system',
      priority: 'urgent',
      isConfidential: false,
    });
    expect(rows[3]?.row.code).toBe('R57-0004');
    expect(rows.at(-1)).toMatchObject({ rowNumber: ROWS + 2, row: { title: `Nhiệm vụ số ${ROWS}` } });
  });

  it('leaves the drop-down lists to Excel: the file keeps them, the reader does not load them', async () => {
    const asSaved = new ExcelJS.Workbook();
    await asSaved.xlsx.load(filled as unknown as ExcelJS.Buffer);
    const tasks = asSaved.worksheets[0];
    for (const column of ['D', 'J', 'K', 'L']) {
      expect(tasks?.getCell(`${column}3`).dataValidation, column).toMatchObject({ type: 'list' });
      expect(tasks?.getCell(`${column}5002`).dataValidation, column).toMatchObject({ type: 'list' });
      expect(tasks?.getCell(`${column}5003`).dataValidation, column).toBeUndefined();
    }
    const read = (await loadWorkbook(filled)).worksheets[0];
    // exceljs keeps them per cell in dataValidations.model, which its typings omit.
    expect((read as unknown as { dataValidations: { model: object } }).dataValidations.model).toEqual({});
    expect(read?.getCell('B3').value).toBe('Nhiệm vụ số 1');
  });

  it('reads in a thread of its own what it reads in place, refusals included', async () => {
    expect(await readTaskSheetOffThread(filled)).toEqual(await readTaskSheet(filled));
    const noLead = await taskWorkbook([{ 'Tên nhiệm vụ': 'Không có cơ quan chủ trì' }]);
    const refusal = await readTaskSheetOffThread(noLead).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'validation',
      fieldErrors: expect.arrayContaining([{ path: 'file.lead', message: 'import.missing_column' }]),
    });
  });

  it('reads a large upload (over the in-place size) in a thread, with the same rows', async () => {
    // Text that does not compress away: words drawn by a fixed pseudo-random sequence.
    const words = 'xây dựng cơ sở dữ liệu quốc gia khoa học công nghệ đổi mới sáng tạo chuyển đổi số hạ tầng'.split(
      ' ',
    );
    let seed = 1;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    const descriptions = Array.from({ length: ROWS }, () =>
      Array.from({ length: 100 }, () => words[next() % words.length]).join(' '),
    );
    const long = (i: number) => descriptions[i] ?? '';
    const large = await taskWorkbook(
      Array.from({ length: ROWS }, (_, i) => ({ 'Nội dung': long(i), ...sheetRow(i === 1_234 ? 0 : i) })),
    );
    expect(large.length).toBeGreaterThan(IN_PLACE_MAX_BYTES);
    const { rows } = await readUploadedTaskSheet(large);
    expect(rows).toHaveLength(ROWS);
    expect(rows[10]?.row.description).toBe(long(10));
    expect(rows).toEqual((await readTaskSheet(large)).rows);
  });
});
