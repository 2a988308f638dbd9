import type { Page } from '@playwright/test';
import { searchWords } from '../src/shared/domain/search.ts';
import type { TaskSummary } from '../src/shared/schemas/tasks.ts';
import { ACCOUNTS, apiGet, expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

/** A task with a title of at least three words, from the demo. */
async function someTask(page: Page): Promise<TaskSummary> {
  const { items } = await apiGet<{ items: TaskSummary[] }>(page, '/tasks?limit=50&sort=code');
  const task = items.find((item) => searchWords(item.title).length >= 3);
  expect(task, 'the demo holds tasks with titles of several words').toBeTruthy();
  return task!;
}

interface SearchAnswer {
  groups: { kind: string; items: { id: string }[] }[];
}

/**
 * A demo task with its last, first and second title words, out of order and without diacritics, that the
 * search lists among its first tasks: common words ("Việt Nam", "xây dựng") match hundreds of tasks.
 */
async function taskFoundByItsWords(page: Page): Promise<{ task: TaskSummary; typed: string }> {
  const { items } = await apiGet<{ items: TaskSummary[] }>(page, '/tasks?limit=50&sort=code');
  for (const task of items) {
    const words = searchWords(task.title);
    if (words.length < 3) continue;
    const typed = [words.at(-1), words[0], words[1]].join(' ');
    const answer = await apiGet<SearchAnswer>(page, `/search?q=${encodeURIComponent(typed)}`);
    const tasks = answer.groups.find((group) => group.kind === 'task')?.items ?? [];
    if (tasks.some((hit) => hit.id === task.id)) return { task, typed };
  }
  throw new Error('no demo task among the first 50 is found by three of its title words');
}

test('a task code typed in the header search and Enter open the task', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering);
  const task = await someTask(page);
  const box = page.getByRole('combobox', { name: vi('search.label') });
  await box.fill(task.code.toLowerCase());
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}`));
  await expect(page.getByRole('heading', { level: 1 }).filter({ hasText: task.title })).toBeVisible();
});

test('words typed without diacritics and out of order list the task under its group; arrows and Enter open it', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.steering);
  const { task, typed } = await taskFoundByItsWords(page);
  const box = page.getByRole('combobox', { name: vi('search.label') });
  await box.fill(typed);
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByText(vi('search.group.task'), { exact: true })).toBeVisible();
  await expect(listbox.getByRole('option').filter({ hasText: task.title }).first()).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Down the list with the keyboard until the task's option is the selected one, then Enter.
  const options = await listbox.getByRole('option').allInnerTexts();
  const index = options.findIndex((text) => text.includes(task.title));
  for (let step = 0; step <= index; step += 1) await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}`));
});
