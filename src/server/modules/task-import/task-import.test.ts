import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../shared/i18n/index.ts';
import { XLSX_MEDIA_TYPE } from '../../../shared/schemas/spreadsheets.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { buildProgramme } from '../../testing/task-factory.ts';
import {
  editWorkbook,
  multipartFile,
  parseCsvTable,
  readWorkbook,
  sheetValues,
  type SheetRow,
  taskSheetRow,
  taskWorkbook,
} from '../../testing/spreadsheets-test-support.ts';

interface Report {
  dryRun: boolean;
  applied: boolean;
  rows: Array<{
    row: number;
    status: string;
    code?: string;
    title?: string;
    errors: Array<{ column: string; columnTitle?: string; cell?: string; message: string }>;
  }>;
  summary: Record<'create' | 'update' | 'unchanged' | 'error', number>;
}

const good: SheetRow = taskSheetRow('Xây dựng nền tảng dữ liệu khoa học');
const unknownAgency: SheetRow = { ...good, 'Tên nhiệm vụ': 'Báo cáo chuyển đổi số', 'Mã cơ quan chủ trì': 'XYZ' };
const badDate: SheetRow = { ...good, 'Tên nhiệm vụ': 'Đề án hạ tầng số', 'Thời hạn hoàn thành': '31/02/2026' };

describe.each(TEST_DATABASE_KINDS)('spreadsheets on %s', (kind) => {
  let t: TestApp;
  let steering: TestClient;
  let focal: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await buildProgramme(t.database.db, t.world);
    [steering, focal] = await Promise.all([
      t.signIn(t.world.person.steering.email),
      t.signIn(t.world.person.hanoiFocal.email),
    ]);
  });
  afterAll(() => t.close());

  const upload = (client: TestClient, content: Buffer, dryRun: boolean, language = 'vi', mediaType?: string) =>
    client.request({
      method: 'POST',
      url: `/api/v1/tasks/import?dry_run=${dryRun}`,
      ...multipartFile('nhiem-vu.xlsx', content, mediaType),
      headers: { ...multipartFile('x', content, mediaType).headers, 'accept-language': language },
    });
  const listJson = async (query: string) => {
    const response = await steering.request({ method: 'GET', url: `/api/v1/tasks?scope=VN&limit=500&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Array<{ code: string; title: string; deadline: string | null }>; total: number };
  };

  it('serves a template that reads back: headers in Vietnamese then English, lists, instructions', async () => {
    const response = await steering.request({ method: 'GET', url: '/api/v1/tasks/import/template' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers['content-disposition']).toContain('task-import-template_R57.xlsx');
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Nhiệm vụ',
      'Danh mục',
      'Ví dụ - Example',
      'Hướng dẫn - Instructions',
    ]);
    const [vi, en, ...data] = sheetValues(workbook.getWorksheet('Nhiệm vụ'));
    expect(vi).toContain('Tên nhiệm vụ');
    expect(en).toContain('Title');
    expect(data).toEqual([]);
    expect(sheetValues(workbook.getWorksheet('Ví dụ - Example'))[2]).toContain('57-NQ/TW');
    const lists = sheetValues(workbook.getWorksheet('Danh mục'));
    expect(lists[0]).toEqual(['Nhóm nhiệm vụ (số)', 'Sản phẩm đầu ra', 'Mức độ ưu tiên', 'Mật']);
    expect(lists.flat()).toEqual(expect.arrayContaining([1, 2, 'Hệ thống thông tin', 'Khẩn', 'có']));
    expect(workbook.getWorksheet('Nhiệm vụ')?.getCell('J3').dataValidation).toMatchObject({ type: 'list' });
    // The instructions name the row data starts on (under the two header rows) and the example's sheet.
    const [help, helpInEnglish] = sheetValues(workbook.getWorksheet('Hướng dẫn - Instructions'));
    expect(help?.[0]).toBe(
      'Mỗi dòng của trang Nhiệm vụ là một nhiệm vụ, bắt đầu từ dòng 3, ngay dưới hai dòng tiêu đề (tiếng Việt, rồi tiếng Anh). Trang Ví dụ - Example chỉ là ví dụ và không được nhập.',
    );
    expect(helpInEnglish?.[0]).toContain('from row 3, right under the two header rows');
    // Untouched, the template imports nothing: the example sheet is never read.
    const report: Report = (await upload(steering, response.rawPayload, true)).json();
    expect(report).toMatchObject({ rows: [], summary: { create: 0, error: 0 } });
    // Filled in on the tasks sheet, its rows are read as usual.
    const filled = await editWorkbook(workbook, (sheet) => {
      const example = sheetValues(workbook.getWorksheet('Ví dụ - Example'))[2] ?? [];
      example.forEach((value, index) => {
        sheet.getRow(3).getCell(index + 1).value = value;
      });
    });
    const withExample: Report = (await upload(steering, filled, true)).json();
    expect(withExample.rows).toEqual([expect.objectContaining({ row: 3, status: 'error' })]);
    expect(withExample.rows[0]?.errors.map((e) => e.column)).toEqual(['coordinators', 'coordinators']);
  });

  it('reports each row in a dry run, in the caller’s language, and writes nothing', async () => {
    const file = await taskWorkbook([good, unknownAgency, badDate]);
    const response = await upload(steering, file, true);
    expect(response.statusCode, response.body).toBe(200);
    const report: Report = response.json();
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      summary: { create: 1, update: 0, unchanged: 0, error: 2 },
    });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(report.rows[0]?.code).toMatch(/^R57-\d{4}$/);
    // A Vietnamese official reads the column as the template heads it, and the cell to go to.
    expect(report.rows[1]?.errors).toEqual([
      { column: 'lead', columnTitle: 'Mã cơ quan chủ trì', cell: 'D3', message: 'Không có cơ quan nào mang mã XYZ.' },
    ]);
    expect(report.rows[2]?.errors).toEqual([
      {
        column: 'deadline',
        columnTitle: 'Thời hạn hoàn thành',
        cell: 'F4',
        message: CATALOGUES.vi['import.invalid_date'],
      },
    ]);
    const english: Report = (await upload(steering, file, true, 'en')).json();
    expect(english.rows[1]?.errors).toEqual([
      { column: 'lead', columnTitle: 'Lead agency code', cell: 'D3', message: 'No agency has the code XYZ.' },
    ]);
    expect((await listJson('')).total).toBe(0);
  });

  it('creates through the API’s own rules: a task its assigner would lead itself is refused, as the API refuses it', async () => {
    const selfLed: SheetRow = { ...good, 'Tên nhiệm vụ': 'Tự giao cho chính mình', 'Mã cơ quan chủ trì': 'VN' };
    const report: Report = (await upload(steering, await taskWorkbook([good, selfLed]), true, 'en')).json();
    expect(report.rows.map((row) => row.status)).toEqual(['create', 'error']);
    expect(report.rows[1]?.errors).toEqual([
      expect.objectContaining({ column: 'lead', message: CATALOGUES.en['error.not_a_unit'] }),
    ]);
  });

  it('refuses to apply a file with a faulty row (422, the report inside) and writes none of it', async () => {
    const response = await upload(steering, await taskWorkbook([good, unknownAgency, badDate]), false);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'import_rejected', summary: { create: 1, error: 2 } });
    expect(response.json().rows).toHaveLength(3);
    expect((await listJson('')).total).toBe(0);
  });

  it('applies a corrected file in one go, then updates by code and leaves unchanged rows alone', async () => {
    const corrected = [
      good,
      { ...unknownAgency, 'Mã cơ quan chủ trì': '01' },
      { ...badDate, 'Thời hạn hoàn thành': '28/02/2026' },
    ];
    const response = await upload(steering, await taskWorkbook(corrected), false);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ applied: true, summary: { create: 3, update: 0, unchanged: 0, error: 0 } });
    const list = await listJson('sort=code');
    expect(list.items.map((task) => task.title).sort()).toEqual(corrected.map((row) => row['Tên nhiệm vụ']).sort());
    expect(list.items.find((task) => task.title === 'Đề án hạ tầng số')?.deadline).toBe('2026-02-28');

    // Round trip: export the list, retitle one task, upload the export itself.
    const exported = await steering.request({ method: 'GET', url: '/api/v1/tasks?scope=VN&sort=code&format=xlsx' });
    const edited = await editWorkbook(await readWorkbook(exported), (sheet) => {
      sheet.getCell('B2').value = 'Xây dựng nền tảng dữ liệu khoa học quốc gia';
    });
    const second = await upload(steering, edited, false);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ applied: true, summary: { create: 0, update: 1, unchanged: 2, error: 0 } });
    const retitled = (await listJson('q=quoc gia')).items;
    expect(retitled.map((task) => task.code)).toEqual([list.items[0]?.code]);

    // Assigned tasks keep their deadline: a changed one is refused on its row, by the API's rule.
    const moved = await editWorkbook(await readWorkbook(exported), (sheet) => {
      sheet.getCell('I2').value = new Date('2027-01-01T00:00:00Z');
    });
    const refused: Report = (await upload(steering, moved, true, 'en')).json();
    expect(refused.rows[0]).toMatchObject({ status: 'error', errors: [{ column: 'deadline' }] });
    expect(refused.rows[0]?.errors[0]?.message).toBe(CATALOGUES.en['error.deadline_locked']);
  });

  it('exports the same tasks as the JSON list, as XLSX and as CSV (by format or Accept)', async () => {
    const query = 'scope=VN&sort=code&agency=BKHCN';
    const json = await listJson('sort=code&agency=BKHCN');
    expect(json.total).toBe(2);
    const xlsx = await steering.request({ method: 'GET', url: `/api/v1/tasks?${query}&format=xlsx` });
    expect(xlsx.headers['content-disposition']).toMatch(/tasks_VN_\d{4}-\d{2}-\d{2}\.xlsx/);
    const [header, ...rows] = sheetValues((await readWorkbook(xlsx)).worksheets[0]);
    expect(header?.[0]).toBe('Mã nhiệm vụ');
    expect(rows.map((row) => row[0])).toEqual(json.items.map((task) => task.code));
    const csv = await steering.request({
      method: 'GET',
      url: `/api/v1/tasks?${query}`,
      headers: { accept: 'text/csv', 'accept-language': 'en' },
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header: csvHeader, rows: csvRows } = parseCsvTable(csv);
    expect(csvHeader?.slice(0, 2)).toEqual(['Task code', 'Title']);
    expect(csvRows.map((row) => [row[0], row[1]])).toEqual(json.items.map((task) => [task.code, task.title]));
  });

  it('refuses what is not an XLSX workbook (415) and a file over 5 MiB (413), as problems', async () => {
    const csv = await upload(steering, Buffer.from('Tên nhiệm vụ\nA\n'), true, 'vi', 'text/csv');
    expect(csv.statusCode, csv.body).toBe(415);
    expect(csv.json().code).toBe('unsupported_media_type');
    const json = await steering.request({ method: 'POST', url: '/api/v1/tasks/import', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const tooBig = await upload(steering, big, true);
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lets only a steering role import (a focal point gets 403) and nobody anonymous (401)', async () => {
    const file = await taskWorkbook([good]);
    expect((await upload(focal, file, true)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasks/import',
      ...multipartFile('a.xlsx', file),
    });
    expect(anonymous.statusCode).toBe(401);
    for (const url of ['/api/v1/tasks/import/template', '/api/v1/tasks?format=csv', '/api/v1/dashboard?format=xlsx']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
