import type { Page } from '@playwright/test';
import { addDays, today } from '../src/shared/domain/calendar-date.ts';
import type { OrganizationDetail } from '../src/shared/schemas/organizations.ts';
import type { TaskDetail, TaskSummary } from '../src/shared/schemas/tasks.ts';
import { apiGet, apiSend, vi } from './support.ts';

export interface TaskPageOfItems {
  items: TaskSummary[];
  nextCursor: string | null;
}

/**
 * A new task of programme R57 assigned by steering (signed in on `steering`) to the organization
 * `leadCode`, due in three months: a journey that acts on a task makes its own, so that no other
 * journey, and no earlier run on the same data, has touched it.
 */
export async function createTask(steering: Page, leadCode: string, purpose: string): Promise<TaskDetail> {
  const programmes = await apiGet<{ items: { id: string; code: string }[] }>(steering, '/programmes');
  const r57 = programmes.items.find((programme) => programme.code === 'R57');
  if (!r57) throw new Error('the demo has programme R57');
  const lead = await apiGet<OrganizationDetail>(steering, `/organizations/${leadCode}`);
  return apiSend<TaskDetail>(steering, 'POST', '/tasks', {
    title: `Nhiệm vụ kiểm thử: ${purpose} (${Date.now().toString(36)})`,
    programmeId: r57.id,
    leadOrganizationId: lead.id,
    deadline: addDays(today(), 90),
    expectedOutput: 'report',
  });
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
