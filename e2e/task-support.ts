import type { Page } from 'playwright-core';
import type { TaskDetail, TaskSummary } from '../src/shared/schemas/tasks.ts';
import { apiGet, vi } from './support.ts';

export interface TaskPageOfItems {
  items: TaskSummary[];
  nextCursor: string | null;
  total: number;
}

/**
 * An open task of the signed-in person's scope (the focal point's agency) that allows all of
 * `actions` now, has no sub-task (a parent cannot be completed while a child is open) and is not
 * among `excluded`: each journey works on its own task, so that the journeys do not meet.
 */
export async function findOpenTask(page: Page, actions: string[], excluded: string[] = []): Promise<TaskDetail> {
  const open = await apiGet<TaskPageOfItems>(page, '/tasks?state=assigned,in_progress&limit=100&sort=code');
  for (const summary of open.items) {
    if (summary.childCount > 0 || excluded.includes(summary.id)) continue;
    const detail = await apiGet<TaskDetail>(page, `/tasks/${summary.id}`);
    const isWaitingForExtension = detail.extensions.some((extension) => extension.status === 'pending');
    if (actions.every((action) => detail.allowedActions.includes(action as never)) && !isWaitingForExtension) {
      return detail;
    }
  }
  throw new Error(`no open task of this scope allows ${actions.join(', ')}: check the demo data`);
}

/** The task's own state, as the header of its page shows it (not a state named in its history). */
export const taskStateBadge = (page: Page, state: Parameters<typeof stateLabel>[0]) =>
  page.locator('[data-field="status"]').getByText(stateLabel(state), { exact: true });

const stateLabel = (state: TaskDetail['state']) => vi(`taskState.${state}`);

/** Clicks one of the task page's action buttons by its label (exact: "Giao nhiệm vụ" ≠ "Giao nhiệm vụ con"). */
export async function takeAction(page: Page, action: string): Promise<void> {
  await page
    .getByRole('group', { name: vi('task.actions') })
    .getByRole('button', { name: vi(`taskAction.${action}` as never), exact: true })
    .click();
}
