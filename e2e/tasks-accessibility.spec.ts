import type { TaskPageOfItems } from './task-support.ts';
import { ACCOUNTS, apiGet, expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

test('the dashboard, with its charts drawn, has no serious or critical violation', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/dashboard?scope=VN&as_of=2025-09-30');
  await page.locator('[data-figure="total"]').waitFor();
  await page.getByRole('img', { name: new RegExp(vi('dashboard.byGroup').toLowerCase()) }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('the task list, filtered, has no serious or critical violation', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks?timeliness=overdue&as_of=2025-09-30');
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  await page.getByRole('table').first().waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('a task page has no serious or critical violation', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/tasks');
  const tasks = await apiGet<TaskPageOfItems>(page, '/tasks?state=in_progress&limit=1');
  const task = tasks.items[0];
  expect(task, 'the demo has tasks in progress').toBeDefined();
  await page.goto(`/tasks/${task!.id}`);
  await page.getByRole('heading', { level: 1, name: task!.title }).waitFor();
  await page.getByRole('region', { name: vi('task.timeline') }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
