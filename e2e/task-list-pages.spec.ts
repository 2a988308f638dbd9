import type { Page } from '@playwright/test';
import { TASK_LIST_COUNT_CAP } from '../src/shared/domain/list-count.ts';
import { formatNumber } from '../src/web/lib/format.ts';
import { ACCOUNTS, expect, signIn, test, vi } from './support.ts';

const cap = formatNumber('vi', TASK_LIST_COUNT_CAP);
const count = (page: Page) => page.locator('#task-list-count');
const firstCode = (page: Page) => page.getByRole('table').getByRole('row').nth(1).getByRole('cell').first();

// The demo's whole country lists more tasks than the list counts (decision 0023): it says "more than".
test('the country-wide task list says it holds more than 1,000 tasks and pages forward and back by its cursor', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks');
  await expect(page.getByRole('heading', { level: 1, name: vi('tasks.title') })).toBeVisible();
  const firstPage = `${vi('tasks.countOver', { total: TASK_LIST_COUNT_CAP })} · ${vi('tasks.rangeOver', { from: '1', to: '50', total: cap })}`;
  await expect(count(page)).toContainText(firstPage);
  const codeOnFirstPage = await firstCode(page).innerText();

  const pages = page.getByRole('navigation', { name: vi('tasks.pagination') });
  await pages.getByRole('button', { name: vi('tasks.nextPage') }).click();
  await expect(count(page)).toContainText(vi('tasks.rangeOver', { from: '51', to: '100', total: cap }));
  await expect(page).toHaveURL(/[?&]cursor=[\w-]+/);
  await expect(firstCode(page)).not.toHaveText(codeOnFirstPage);

  await pages.getByRole('button', { name: vi('tasks.previousPage') }).click();
  await expect(count(page)).toContainText(firstPage);
  await expect(firstCode(page)).toHaveText(codeOnFirstPage);
});
