import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TaskPageOfItems } from './task-support.ts';
import { ACCOUNTS, apiGet, launchBrowser, newContext, seriousAccessibilityViolations, signIn, vi } from './support.ts';

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await signIn(page, ACCOUNTS.steering, undefined, '/dashboard?scope=VN&as_of=2025-09-30');
});
after(async () => {
  await browser?.close();
});

test('the dashboard, with its charts drawn, has no serious or critical violation', async () => {
  await page.locator('[data-figure="total"]').waitFor();
  await page.getByRole('img', { name: new RegExp(vi('dashboard.byGroup').toLowerCase()) }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('the task list, filtered, has no serious or critical violation', async () => {
  await page.goto('/tasks?timeliness=overdue&as_of=2025-09-30');
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
  await page.getByRole('table').first().waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('a task page has no serious or critical violation', async () => {
  const tasks = await apiGet<TaskPageOfItems>(page, '/tasks?state=in_progress&limit=1');
  const task = tasks.items[0];
  assert.ok(task, 'the demo has tasks in progress');
  await page.goto(`/tasks/${task.id}`);
  await page.getByRole('heading', { level: 1, name: task.title }).waitFor();
  await page.getByRole('region', { name: vi('task.timeline') }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});
