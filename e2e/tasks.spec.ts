import type { Browser, Page } from '@playwright/test';
import { addDays } from '../src/shared/domain/calendar-date.ts';
import { writeCalendarDate } from '../src/shared/domain/calendar-date-format.ts';
import type { TaskDetail } from '../src/shared/schemas/tasks.ts';
import { createTask, takeAction, taskStateBadge } from './task-support.ts';
import { ACCOUNTS, apiGet, expect, pageFor, signIn, test, vi } from './support.ts';

/** A person signed in, in a browser context of their own, on `path`. */
async function signedInAt(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await pageFor(browser);
  await signIn(page, email, undefined, path);
  return page;
}

test('a focal point reports with a file and submits; steering returns it with a reason, then accepts it', async ({
  browser,
}) => {
  const steering = await signedInAt(browser, ACCOUNTS.steering, '/tasks');
  const task = await createTask(steering, '01', 'báo cáo, trả lại, nghiệm thu');
  const focal = await signedInAt(browser, ACCOUNTS.focalHanoi, `/tasks/${task.id}`);
  await focal.getByRole('heading', { level: 1, name: task.title }).waitFor();

  await test.step('the focal point reports, with evidence, and submits', async () => {
    // The progress report: a form in a dialog, then the report listed on the page.
    await takeAction(focal, 'report');
    const reportDialog = focal.getByRole('dialog', { name: vi('taskAction.report') });
    await reportDialog.getByLabel(vi('task.percent')).fill('100');
    const narrative = 'Đã hoàn thành toàn bộ nội dung';
    await reportDialog.getByLabel(vi('task.narrative')).fill(narrative);
    await reportDialog.getByLabel(vi('task.difficulties')).fill('Thiếu kinh phí cho giai đoạn 2');
    // Evidence: a real PDF file, uploaded with the report and listed beside it.
    const evidenceName = 'Biên bản nghiệm thu.pdf';
    await reportDialog.locator('input[type="file"]').setInputFiles({
      name: evidenceName,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await reportDialog.getByRole('button', { name: vi('task.reportSubmit') }).click();
    await reportDialog.waitFor({ state: 'hidden' });
    const reports = focal.getByRole('region', { name: vi('task.reports') });
    await reports.getByText(narrative).waitFor();
    await reports.getByRole('link', { name: new RegExp(evidenceName) }).waitFor();

    await takeAction(focal, 'submit');
    await taskStateBadge(focal, 'submitted').waitFor();
  });

  await test.step('steering returns it: the reason is asked for, and recorded in the history', async () => {
    await steering.goto(`/tasks/${task.id}`);
    await taskStateBadge(steering, 'submitted').waitFor();
    await takeAction(steering, 'return');
    const reasonDialog = steering.getByRole('dialog', {
      name: vi('task.reasonDialog', { action: vi('taskAction.return') }),
    });
    const reason = 'Cần bổ sung biên bản nghiệm thu kỹ thuật';
    await reasonDialog.getByLabel(vi('task.reasonLabel')).fill(reason);
    await reasonDialog.getByRole('button', { name: vi('task.confirm') }).click();
    await taskStateBadge(steering, 'in_progress').waitFor();
    await steering
      .getByRole('region', { name: vi('task.timeline') })
      .getByText(reason)
      .waitFor();
  });

  await test.step('the focal point sees it back and submits again; steering accepts it', async () => {
    await focal.reload();
    await taskStateBadge(focal, 'in_progress').waitFor();
    await takeAction(focal, 'submit');
    await taskStateBadge(focal, 'submitted').waitFor();

    await steering.reload();
    await taskStateBadge(steering, 'submitted').waitFor();
    await takeAction(steering, 'accept');
    await taskStateBadge(steering, 'completed').waitFor();
  });

  const stored = await apiGet<TaskDetail>(steering, `/tasks/${task.id}`);
  expect(stored.state).toBe('completed');
  expect(stored.events.map((event) => event.kind).slice(-4)).toEqual(['submit', 'return', 'submit', 'accept']);
  expect(stored.completedOn, 'a completed task has its completion date').toBeTruthy();
});

test('an extension asked by the focal point and approved by steering moves the effective deadline', async ({
  browser,
}) => {
  const steering = await signedInAt(browser, ACCOUNTS.steering, '/tasks');
  const task = await createTask(steering, '01', 'gia hạn');
  if (!task.effectiveDeadline) throw new Error('the task has a deadline');
  const requested = addDays(task.effectiveDeadline, 30);
  const focal = await signedInAt(browser, ACCOUNTS.focalHanoi, `/tasks/${task.id}`);
  await focal.getByRole('heading', { level: 1, name: task.title }).waitFor();

  await takeAction(focal, 'request_extension');
  const dialog = focal.getByRole('dialog', { name: vi('taskAction.request_extension') });
  await dialog.getByLabel(vi('task.requestedDeadline')).fill(requested);
  await dialog.getByLabel(vi('task.reasonLabel')).fill('Chờ ý kiến thẩm định của Bộ Tư pháp');
  await dialog.getByRole('button', { name: vi('task.extensionSubmit') }).click();
  await dialog.waitFor({ state: 'hidden' });
  const focalExtensions = focal.getByRole('region', { name: vi('task.extensions') });
  await focalExtensions.getByText(vi('extensionStatus.pending'), { exact: true }).waitFor();

  await steering.goto(`/tasks/${task.id}`);
  const effectiveDeadline = steering.locator('[data-field="effectiveDeadline"]');
  await effectiveDeadline.waitFor();
  const before = await effectiveDeadline.innerText();
  const extensions = steering.getByRole('region', { name: vi('task.extensions') });
  await extensions.getByLabel(vi('task.decisionReason')).fill('Đồng ý, lý do chính đáng');
  await extensions.getByRole('button', { name: vi('task.approve'), exact: true }).click();
  await extensions.getByText(vi('extensionStatus.approved'), { exact: true }).waitFor();

  // The page writes dates as the interface language does (decision 0024): dd/mm/yyyy in Vietnamese.
  const expected = writeCalendarDate('vi', requested);
  await expect(effectiveDeadline).toHaveText(expected);
  expect(before).not.toBe(expected);
  const stored = await apiGet<TaskDetail>(steering, `/tasks/${task.id}`);
  expect(stored.effectiveDeadline).toBe(requested);
  expect(stored.deadline, 'the original deadline stays as it was').toBe(task.deadline);
});

test('an edit refused because someone saved first (412) keeps what was typed and saves on the next try', async ({
  page: steering,
}) => {
  await signIn(steering, ACCOUNTS.steering, undefined, '/tasks');
  const task = await createTask(steering, '01', 'sửa đồng thời');
  await steering.goto(`/tasks/${task.id}`);
  await takeAction(steering, 'edit');
  const dialog = steering.getByRole('dialog', { name: vi('task.editTitle') });
  const title = `${task.title} (đã chỉnh sửa)`;
  await dialog.getByLabel(vi('taskForm.taskTitle')).fill(title);

  // Someone else saves the task meanwhile, from the API.
  const { csrfToken } = await apiGet<{ csrfToken: string }>(steering, '/auth/session');
  const concurrent = await steering.request.patch(`/api/v1/tasks/${task.id}`, {
    data: { priority: 'high' },
    headers: { 'If-Match': `"${task.version}"`, 'X-CSRF-Token': csrfToken },
  });
  expect(concurrent.status()).toBe(200);

  await dialog.getByRole('button', { name: vi('common.save') }).click();
  await dialog.getByRole('alert').getByText(vi('task.stale')).waitFor();
  await expect(dialog.getByLabel(vi('taskForm.taskTitle'))).toHaveValue(title);
  // The task was reloaded underneath: the next save carries the new version and goes through.
  await steering.locator('[data-field="status"]').getByText(vi('priority.high'), { exact: true }).waitFor();
  await dialog.getByRole('button', { name: vi('common.save') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await steering.getByRole('heading', { level: 1, name: title }).waitFor();
});
