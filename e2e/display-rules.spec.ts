import type { Browser, Locator, Page } from '@playwright/test';
import { addDays } from '../src/shared/domain/calendar-date.ts';
import type { TaskDetail, TaskSummary } from '../src/shared/schemas/tasks.ts';
import { ACCOUNTS, apiGet, expect, label, pageFor, signIn, test, vi } from './support.ts';

/**
 * Issue 10's display rules in a browser whose own locale is en-US (decision 0024): dates in the
 * Vietnamese screens are day first whatever the browser says, the tables fit a 1366 px screen, the
 * extension field refuses the current deadline, and French names agencies by their official name.
 * Self-contained: it reads the demo and changes nothing.
 */
test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'America/New_York' });
/** A person at a 1366 × 768 screen in a browser set to American English (the file's options). */
async function americanBrowserPage(browser: Browser, email: string): Promise<Page> {
  const page = await pageFor(browser);
  await signIn(page, email);
  return page;
}

/** Asserts that every column of `table` is within its scroll container and the window: nothing clipped. */
async function assertFits(table: Locator, what: string): Promise<void> {
  await table.waitFor();
  const fit = await table.evaluate((element) => {
    const container = element.parentElement;
    const lastHeader = element.querySelector('thead tr > :last-child');
    return {
      tableWidth: Math.ceil(element.getBoundingClientRect().width),
      containerWidth: container ? Math.ceil(container.getBoundingClientRect().width) : 0,
      lastColumnRight: Math.ceil(lastHeader?.getBoundingClientRect().right ?? 0),
      windowWidth: window.innerWidth,
    };
  });
  expect(fit.tableWidth, `${what}: table ${fit.tableWidth} px in ${fit.containerWidth} px`).toBeLessThanOrEqual(
    fit.containerWidth,
  );
  expect(fit.lastColumnRight, `${what}: last column ends at ${fit.lastColumnRight} px`).toBeLessThanOrEqual(
    fit.windowWidth,
  );
}

test('Vietnamese screens write and read dates day first in an en-US browser, and their tables fit 1366 px', async ({
  browser,
}) => {
  const page = await americanBrowserPage(browser, ACCOUNTS.steering);
  await page.goto('/dashboard?as_of=2025-09-30');
  const asOf = page.getByLabel(vi('reading.asOf'));
  await expect(asOf).toHaveValue('30/09/2025');
  await page
    .getByText(vi('reading.summary', { scope: '', date: '30/09/2025' }).trim())
    .first()
    .waitFor();
  await assertFits(page.getByRole('table', { name: vi('dashboard.overdueTasks') }), 'the overdue list');

  // Typed day first, 3 December is read as such, not as 12 March.
  await asOf.fill('03/12/2025');
  await expect(page).toHaveURL(/as_of=2025-12-03/);

  const parent = (await apiGet<{ items: TaskSummary[] }>(page, '/tasks?q=R57-0344&limit=5')).items.find(
    (task) => task.code === 'R57-0344',
  );
  expect(parent, 'the demo holds R57-0344, cascaded to communes').toBeTruthy();
  await page.goto(`/tasks/${parent!.id}`);
  await assertFits(page.getByRole('table', { name: vi('task.subtasks') }), 'the sub-tasks');

  const handler = await americanBrowserPage(browser, ACCOUNTS.handler);
  await handler.goto('/feedback');
  await assertFits(handler.getByRole('table', { name: vi('feedbackQueue.title') }), 'the handler queue');
});

test('the extension field starts the day after the current deadline', async ({ browser }) => {
  const page = await americanBrowserPage(browser, ACCOUNTS.focalHanoi);
  const open = await apiGet<{ items: TaskSummary[] }>(page, '/tasks?state=assigned,in_progress&limit=100&sort=code');
  let task: TaskDetail | undefined;
  for (const summary of open.items) {
    const detail = await apiGet<TaskDetail>(page, `/tasks/${summary.id}`);
    if (detail.effectiveDeadline && detail.allowedActions.includes('request_extension')) {
      task = detail;
      break;
    }
  }
  if (!task?.effectiveDeadline) throw new Error('an open task of Hà Nội takes an extension request');
  const [year, month, day] = task.effectiveDeadline.split('-');
  const [nextYear, nextMonth, nextDay] = addDays(task.effectiveDeadline, 1).split('-');
  const dayAfter = `${nextDay}/${nextMonth}/${nextYear}`;

  await page.goto(`/tasks/${task.id}`);
  await page
    .getByRole('group', { name: vi('task.actions') })
    .getByRole('button', { name: vi('taskAction.request_extension'), exact: true })
    .click();
  const field = page.getByRole('dialog').getByLabel(vi('task.requestedDeadline'));
  await page
    .getByRole('dialog')
    .getByText(vi('date.onOrAfter', { date: dayAfter }))
    .waitFor();
  await field.fill(`${day}/${month}/${year}`);
  await page
    .getByRole('dialog')
    .getByText(vi('date.tooEarly', { date: dayAfter }))
    .waitFor();
  await field.fill(dayAfter);
  await expect(page.getByRole('dialog').getByText(vi('date.tooEarly', { date: dayAfter }))).toHaveCount(0);
});

test('French names agencies by their official Vietnamese name and tells overdue from completed late', async ({
  browser,
}) => {
  const page = await americanBrowserPage(browser, ACCOUNTS.steering);
  await page.getByLabel(vi('header.language')).selectOption('fr');
  await page.goto('/dashboard?as_of=2025-09-30');
  const ranking = page.getByRole('table', { name: label('fr', 'dashboard.ranking') });
  await ranking.getByRole('rowheader', { name: 'Bộ Khoa học và Công nghệ', exact: true }).waitFor();
  await expect(ranking.getByText('Ministry of Science and Technology')).toHaveCount(0);
  // The completed card says how many were completed late; the overdue card beside it is « En retard ».
  await page.getByText(/· [\d\s\u202f]+ achevées en retard/).waitFor();
});
