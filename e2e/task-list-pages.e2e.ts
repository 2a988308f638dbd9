import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TASK_LIST_COUNT_CAP } from '../src/shared/domain/list-count.ts';
import { formatNumber } from '../src/web/lib/format.ts';
import { ACCOUNTS, launchBrowser, newContext, signIn, vi } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const cap = formatNumber('vi', TASK_LIST_COUNT_CAP);
/** The list's count once it reads `text`: it changes with each page the list shows. */
const countReading = (page: Page, text: string) => page.locator('#task-list-count').filter({ hasText: text }).waitFor();
const firstCode = (page: Page) => page.getByRole('table').getByRole('row').nth(1).getByRole('cell').first();

// The demo's whole country lists more tasks than the list counts (decision 0023): it says "more than".
test('the country-wide task list says it holds more than 1,000 tasks and pages forward and back by its cursor', async () => {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks');
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  const firstPage = `${vi('tasks.countOver', { total: TASK_LIST_COUNT_CAP })} · ${vi('tasks.rangeOver', { from: '1', to: '50', total: cap })}`;
  await countReading(page, firstPage);
  const codeOnFirstPage = await firstCode(page).innerText();

  const pages = page.getByRole('navigation', { name: vi('tasks.pagination') });
  await pages.getByRole('button', { name: vi('tasks.nextPage') }).click();
  await countReading(page, vi('tasks.rangeOver', { from: '51', to: '100', total: cap }));
  assert.match(page.url(), /[?&]cursor=[\w-]+/);
  assert.notEqual(await firstCode(page).innerText(), codeOnFirstPage);

  await pages.getByRole('button', { name: vi('tasks.previousPage') }).click();
  await countReading(page, firstPage);
  assert.equal(await firstCode(page).innerText(), codeOnFirstPage);
});
