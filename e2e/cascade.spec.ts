import type { Dashboard } from '../src/shared/schemas/dashboard.ts';
import type { TaskDetail } from '../src/shared/schemas/tasks.ts';
import { ACCOUNTS, apiGet, expect, signIn, test, vi } from './support.ts';

/** The provinces that cascade tasks to their units in the demo (src/server/seed/cascades.seed.ts). */
const CASCADING = ['01', '46', '48'];

test('a province reads a cascaded task’s own progress beside its sub-tasks’ roll-up, and its late units on its dashboard', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.leader, undefined, '/tasks');
  // The province whose dashboard lists a late sub-task of one of its units (R57-0344.1 in issue 10).
  let province: string | undefined;
  let lateSubTask: Dashboard['overdueTasks'][number] | undefined;
  for (const code of CASCADING) {
    const dashboard = await apiGet<Dashboard>(page, `/dashboard?scope=${code}`);
    lateSubTask = dashboard.overdueTasks.find((task) => task.parentTaskId !== null);
    if (lateSubTask) {
      province = code;
      break;
    }
  }
  if (!province || !lateSubTask) throw new Error('a cascading province has a late sub-task in the demo');
  await page.goto(`/dashboard?scope=${province}`);
  const overdueTable = page.getByRole('table', { name: vi('dashboard.overdueTasks') });
  await overdueTable.getByRole('link', { name: lateSubTask.code, exact: true }).waitFor();

  const parent = await apiGet<TaskDetail>(page, `/tasks/${lateSubTask.parentTaskId}`);
  if (!parent.subTasks) throw new Error('the parent of a sub-task rolls it up');
  expect(parent.subTasks.timeliness.overdue).toBeGreaterThan(0);
  await page.goto(`/tasks/${parent.id}`);
  await page.getByRole('heading', { level: 1, name: parent.title }).waitFor();
  await page.getByText(vi('task.ownProgress'), { exact: true }).waitFor();
  await page
    .locator('[data-field="progress"]')
    .getByText(vi('tasks.percent', { percent: parent.progressPercent }), { exact: true })
    .waitFor();
  const rolled = page.locator('[data-field="subTaskProgress"]');
  await page.getByText(vi('task.subTaskProgress', { count: parent.subTasks.count }), { exact: true }).waitFor();
  await rolled.getByText(vi('tasks.percent', { percent: parent.subTasks.progressPercent }), { exact: true }).waitFor();
  await rolled.getByText(vi('task.subTasksOverdue', { count: parent.subTasks.timeliness.overdue })).waitFor();
  // Its sub-tasks are listed on its page, the late one among them.
  await page.getByRole('link', { name: lateSubTask.code, exact: true }).first().waitFor();
});
