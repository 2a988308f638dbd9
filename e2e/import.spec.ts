import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { MessageKey } from '../src/shared/i18n/index.ts';
import { XLSX_MEDIA_TYPE } from '../src/shared/schemas/spreadsheets.ts';
import { ACCOUNTS, expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

type ColumnKey = 'title' | 'lead' | 'deadline' | 'expectedOutput' | 'priority';
const header = (key: ColumnKey) => vi(`sheet.column.${key}` as MessageKey);

/** The server's own template: its header rows, its task sheet and its drop-down lists. */
async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  const response = await page.request.get('/api/v1/tasks/import/template?programme=R57');
  expect(response.status(), await response.text().catch(() => '')).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  return workbook;
}

/** The column numbers of a sheet's first row, by header text. */
function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, position) => columns.set(String(cell.text).trim(), position));
  return columns;
}

/** The first choice the template's hidden lists offer for a column: the template's own vocabulary. */
function firstChoice(lists: ExcelJS.Worksheet, key: ColumnKey): string {
  const position = columnsOf(lists).get(header(key));
  if (!position) throw new Error(`the lists sheet has a list for ${key}`);
  const value = lists.getRow(2).getCell(position).text;
  if (!value) throw new Error(`the ${key} list has a value`);
  return value;
}

async function workbookFile(workbook: ExcelJS.Workbook) {
  return {
    name: 'nhiem-vu-nhap.xlsx',
    mimeType: XLSX_MEDIA_TYPE,
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

async function check(page: Page, workbook: ExcelJS.Workbook) {
  await page.locator('input[type="file"]').setInputFiles(await workbookFile(workbook));
  await page.getByRole('button', { name: vi('taskImport.check') }).click();
}

test('steering imports tasks from the template: the check reports a bad row, the fixed file applies', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks');
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  await page.getByRole('link', { name: vi('tasks.import') }).click();
  await page.getByRole('heading', { level: 1, name: vi('taskImport.title') }).waitFor();
  await page.getByRole('link', { name: vi('taskImport.template') }).waitFor();

  // The workbook: the template as downloaded (its example is on a sheet of its own), two tasks below the headers.
  const workbook = await downloadTemplate(page);
  const tasks = workbook.worksheets.find((sheet) => sheet.name === vi('sheet.tasks'));
  const lists = workbook.worksheets.find((sheet) => sheet.name === vi('sheet.lists'));
  if (!tasks || !lists) throw new Error('the template has its tasks and lists sheets');
  const columns = columnsOf(tasks);
  const at = (key: ColumnKey) => {
    const position = columns.get(header(key));
    if (!position) throw new Error(`the template has a ${key} column`);
    return position;
  };
  const stamp = Date.now();
  const titles = [`Nhiệm vụ nhập từ Excel ${stamp} — số một`, `Nhiệm vụ nhập từ Excel ${stamp} — số hai`];
  const expectedOutput = firstChoice(lists, 'expectedOutput');
  const priority = firstChoice(lists, 'priority');
  const [validRow, invalidRow] = [3, 4].map((number) => tasks.getRow(number));
  if (!validRow || !invalidRow) throw new Error('the template has rows 3 and 4');
  for (const [row, title, lead] of [
    [validRow, titles[0], 'BKHCN'],
    [invalidRow, titles[1], 'NOPE'],
  ] as const) {
    for (let position = 1; position <= columns.size; position += 1) row.getCell(position).value = null;
    row.getCell(at('title')).value = title ?? '';
    row.getCell(at('lead')).value = lead;
    row.getCell(at('deadline')).value = new Date('2027-06-30T00:00:00Z');
    row.getCell(at('expectedOutput')).value = expectedOutput;
    row.getCell(at('priority')).value = priority;
    row.commit();
  }

  // The check: the unknown agency is reported on its row, as text; nothing may be applied.
  await check(page, workbook);
  const table = page.getByRole('table', { name: vi('taskImport.rows') });
  const badRow = table.getByRole('row').filter({ hasText: titles[1] ?? '' });
  await badRow.getByText(vi('taskImportStatus.error'), { exact: true }).waitFor();
  await badRow.getByText(/NOPE/).waitFor();
  // The column as the template heads it, and the cell to go to: not the field's key.
  const leadCell = `${tasks.getColumn(at('lead')).letter}${invalidRow.number}`;
  await badRow
    .getByText(vi('taskImport.errorAt', { column: header('lead'), cell: leadCell }), { exact: true })
    .waitFor();
  await table
    .getByRole('row')
    .filter({ hasText: titles[0] ?? '' })
    .getByText(vi('taskImportStatus.create'), { exact: true })
    .waitFor();
  await expect(page.getByRole('button', { name: vi('taskImport.apply') })).toBeDisabled();

  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The row fixed in the workbook, uploaded and checked again: no error, then applied.
  invalidRow.getCell(at('lead')).value = 'BKHCN';
  invalidRow.commit();
  await check(page, workbook);
  await page
    .getByRole('status')
    .getByText(vi('taskImport.summary', { create: '2', update: '0', unchanged: '0', error: '0' }))
    .waitFor();
  await table
    .getByRole('row')
    .filter({ hasText: titles[1] ?? '' })
    .getByText(vi('taskImportStatus.create'))
    .waitFor();
  const apply = page.getByRole('button', { name: vi('taskImport.apply') });
  await expect(apply).toBeEnabled();
  await apply.click();
  await page.getByText(vi('taskImport.applied', { create: '2', update: '0' })).waitFor();
  // The apply ran as a job named in the URL: coming back to it shows its result again.
  const jobUrl = page.url();
  expect(new URL(jobUrl).searchParams.get('job') ?? '').toMatch(/^[0-9a-f-]{36}$/);
  await page.reload();
  await page.getByText(vi('taskImport.applied', { create: '2', update: '0' })).waitFor();
  await page.getByRole('link', { name: vi('taskImport.toList') }).click();

  // Both tasks are on the task list, found by their title.
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  for (const title of titles) {
    await page.getByLabel(vi('tasks.search')).fill(title);
    await page
      .getByRole('table', { name: vi('tasks.title') })
      .getByRole('row')
      .filter({ hasText: title })
      .waitFor();
  }
});

test('a long check shows a progress bar while its job runs, and its report after leaving and coming back', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks/import');
  await page.getByRole('heading', { level: 1, name: vi('taskImport.title') }).waitFor();
  const workbook = await downloadTemplate(page);
  const tasks = workbook.worksheets.find((sheet) => sheet.name === vi('sheet.tasks'));
  const lists = workbook.worksheets.find((sheet) => sheet.name === vi('sheet.lists'));
  if (!tasks || !lists) throw new Error('the template has its tasks and lists sheets');
  const columns = columnsOf(tasks);
  const at = (key: ColumnKey) => columns.get(header(key)) ?? 0;
  const rows = 300;
  for (let i = 0; i < rows; i += 1) {
    const row = tasks.getRow(3 + i);
    row.getCell(at('title')).value = `Nhiệm vụ tải lớn ${i + 1}`;
    row.getCell(at('lead')).value = 'BKHCN';
    row.getCell(at('deadline')).value = new Date('2027-06-30T00:00:00Z');
    row.getCell(at('expectedOutput')).value = firstChoice(lists, 'expectedOutput');
    row.getCell(at('priority')).value = firstChoice(lists, 'priority');
  }
  await check(page, workbook);
  // At 0 % the bar has no width: it is there, with its figures as text beside it.
  await page.getByRole('progressbar', { name: vi('taskImport.progressLabel') }).waitFor({ state: 'attached' });
  await page.locator('#task-import-progress').waitFor();
  const summary = vi('taskImport.summary', { create: '300', update: '0', unchanged: '0', error: '0' });
  await page.getByRole('status').getByText(summary).waitFor({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await page.goto('/tasks');
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  await page.goBack();
  await page.getByRole('status').getByText(summary).waitFor();
});

test('the import page has no serious accessibility violations before a file is chosen', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks/import');
  await page.getByRole('heading', { level: 1, name: vi('taskImport.title') }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
