import type { Locator, Page } from '@playwright/test';
import type { FeedbackStatistics, FeedbackResponseFigures } from '../src/shared/schemas/feedback-statistics.ts';
import type { FeedbackReceipt } from '../src/shared/schemas/feedback.ts';
import type { TaskDetail } from '../src/shared/schemas/tasks.ts';
import { formatNumber, formatPercent } from '../src/web/lib/format.ts';
import { ACCOUNTS, apiGet, expect, pageFor, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

const content = 'Lập một cổng dữ liệu mở dùng chung để doanh nghiệp khởi nghiệp tra cứu các thủ tục thử nghiệm.';
const comment = 'Khả thi với hạ tầng sẵn có; cần thêm kinh phí vận hành.';
const deadline = '2027-06-30';

const panelOf = (page: Page) => page.getByRole('region', { name: vi('initiative.title') });

const cellTexts = async (row: Locator) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());

/** Sends an initiative through the public API, as an integrator's form would; returns its tracking code. */
async function sendInitiative(citizen: Page, title: string, marker: string): Promise<string> {
  const response = await citizen.request.post('/api/v1/feedback', {
    headers: { 'accept-language': 'vi' },
    data: {
      type: 'initiative',
      field: 'institutions',
      title,
      content,
      submitterKind: 'business',
      submitterName: 'Công ty Khởi Nghiệp Xanh',
      email: `sk.${marker.toLowerCase()}@example.vn`,
      consentToPublish: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as FeedbackReceipt).trackingCode;
}

/**
 * One initiative's way from the public to a task: the steps share it, so they are one test. The
 * citizen, the handler who scores and steering who adopts each have a browser context of their own.
 */
test('an initiative sent by a business is scored by a handler and adopted by steering as a task', async ({
  browser,
}) => {
  const [citizen, handler, steering] = [await pageFor(browser), await pageFor(browser), await pageFor(browser)];
  // Unique per run, so that the queue's search finds this initiative among the demo's.
  const marker = `E2EI${Date.now().toString(36).toUpperCase()}`;
  const title = `Sáng kiến cổng dữ liệu mở ${marker} cho doanh nghiệp khởi nghiệp`;
  let itemId = '';
  const trackingCode = await sendInitiative(citizen, title, marker);

  await test.step('the handler accepts it on its item page', async () => {
    await signIn(handler, ACCOUNTS.handler, undefined, '/feedback');
    await handler.getByLabel(vi('feedbackQueue.search')).fill(marker.toLowerCase());
    await handler.waitForURL(/q=/);
    await handler.getByRole('link', { name: trackingCode }).click();
    await handler.getByRole('heading', { level: 1, name: title }).waitFor();
    itemId = handler.url().split('/').at(-1)!.split('?')[0]!;

    // Received, not yet triaged: nobody has scored it and it cannot be scored yet.
    const panel = panelOf(handler);
    await panel.getByText(vi('initiative.none')).waitFor();
    await expect(panel.getByRole('heading', { name: vi('initiative.evaluate') })).toHaveCount(0);

    await handler
      .getByRole('group', { name: vi('feedbackItem.actions') })
      .getByRole('button', { name: vi('feedbackAction.accept') })
      .click();
    await handler.getByText(vi('feedbackState.accepted'), { exact: true }).first().waitFor();
    // Accepted, it may be scored: the form appears without a reload.
    await panel.getByRole('heading', { name: vi('initiative.evaluate') }).waitFor();
  });

  await test.step('the handler scores it on the four criteria with a comment; the means are shown', async () => {
    const panel = panelOf(handler);
    const scores = { novelty: 5, feasibility: 4, impact: 3, resources: 5 } as const;
    for (const [criterion, value] of Object.entries(scores)) {
      await panel.getByLabel(vi(`initiativeCriterion.${criterion as keyof typeof scores}`)).selectOption(String(value));
    }
    await panel.getByLabel(vi('initiative.comment')).fill(comment);
    await panel.getByRole('button', { name: vi('initiative.save') }).click();
    await panel.getByRole('status').getByText(vi('initiative.saved')).waitFor();
    await panel.getByRole('heading', { name: vi('initiative.changeMine') }).waitFor();

    // One row for the evaluator (scores, their mean 4.25), one for the means over everyone.
    const table = panel.getByRole('table', { name: vi('initiative.title') });
    const mine = table.getByRole('row').filter({ hasText: 'Vũ Thị Tiếp Nhận' });
    await mine.getByText(comment).waitFor();
    expect((await cellTexts(mine)).slice(1)).toEqual(['5', '4', '3', '5', formatNumber('vi', 4.25)]);
    const means = table
      .getByRole('row')
      .filter({ has: handler.getByRole('rowheader', { name: vi('initiative.average') }) });
    expect(await cellTexts(means)).toEqual([vi('initiative.average'), '5', '4', '3', '5', formatNumber('vi', 4.25)]);
    // The screen shows what the API computed.
    const evaluations = await apiGet<{ averages: Record<string, number> }>(handler, `/feedback/${itemId}/evaluations`);
    expect(evaluations.averages).toEqual({ novelty: 5, feasibility: 4, impact: 3, resources: 5, overall: 4.25 });

    // The item page with the evaluation panel open: no serious finding.
    expect(await seriousAccessibilityViolations(handler)).toEqual([]);
  });

  await test.step('steering adopts it as a task of R57; the item links to the task, which cites the tracking code', async () => {
    await signIn(steering, ACCOUNTS.steering, undefined, `/feedback/${itemId}`);
    await steering.getByRole('heading', { level: 1, name: title }).waitFor();
    const panel = panelOf(steering);
    // Steering reads the scores it decides on, but scores nothing itself.
    await panel.getByRole('row').filter({ hasText: 'Vũ Thị Tiếp Nhận' }).waitFor();
    await expect(panel.getByRole('button', { name: vi('initiative.save') })).toHaveCount(0);

    const programmes = await apiGet<{ items: { id: string; code: string }[] }>(steering, '/programmes');
    const r57 = programmes.items.find((programme) => programme.code === 'R57')!;
    await panel.getByRole('button', { name: vi('initiative.adopt') }).click();
    const form = panel.getByRole('form', { name: vi('initiative.adopt') });
    await form.getByLabel(vi('taskForm.programme')).click();
    await steering.getByRole('option', { name: /^R57 — / }).click();
    await form.getByRole('combobox', { name: vi('taskForm.lead') }).fill('bo khoa hoc va cong nghe');
    const leadOption = steering.getByRole('listbox').getByRole('option').first();
    const leadName = (await leadOption.innerText()).trim();
    await leadOption.click();
    await form.getByLabel(vi('taskForm.deadline')).fill(deadline);
    expect(await seriousAccessibilityViolations(steering)).toEqual([]);
    await form.getByRole('button', { name: vi('initiative.adoptSubmit') }).click();

    const adopted = panel.getByText(vi('initiative.adoptedAs'));
    await adopted.waitFor();
    const taskLink = panel.getByRole('link', { name: new RegExp(`^R57.* — ${title}$`) });
    await taskLink.waitFor();
    const taskCode = ((await taskLink.textContent()) ?? '').split(' — ')[0]!.trim();
    // Adopting twice is not offered, and the API refuses it.
    await expect(panel.getByRole('button', { name: vi('initiative.adopt') })).toHaveCount(0);
    const { csrfToken } = await apiGet<{ csrfToken: string }>(steering, '/auth/session');
    const again = await steering.request.post(`/api/v1/feedback/${itemId}/adoption`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        programmeId: r57.id,
        leadOrganizationId: '00000000-0000-4000-8000-000000000000',
        deadline,
        expectedOutput: 'scheme',
        priority: 'normal',
      },
    });
    expect(again.status()).toBe(409);

    // Steering follows the link: the task page, whose description cites the tracking code.
    await taskLink.click();
    await steering.waitForURL(/\/tasks\//);
    await steering.getByRole('heading', { level: 1, name: title }).waitFor();
    await steering.getByText(taskCode, { exact: true }).first().waitFor();
    await steering.getByText(`sáng kiến ${trackingCode}`).waitFor();
    const task = await apiGet<TaskDetail>(steering, new URL(steering.url()).pathname);
    expect(task.programmeId).toBe(r57.id);
    expect(task.deadline).toBe(deadline);
    expect(leadName, `lead ${task.lead.nameVi}, chosen ${leadName}`).toContain(task.lead.nameVi);

    // The handler's item page names the task too; handlers do not read tasks, so it offers no "open the task"
    // link that would end on a refusal.
    await handler.reload();
    await handler.getByRole('heading', { level: 1, name: title }).waitFor();
    await panelOf(handler)
      .getByText(new RegExp(`${taskCode} — `))
      .first()
      .waitFor();
    await expect(handler.getByRole('link', { name: vi('feedbackItem.adoptedTask') })).toHaveCount(0);
    await expect(panelOf(handler).getByRole('link', { name: new RegExp(`^${taskCode} — `) })).toHaveCount(0);

    // The sender sees the adoption, with the task's code, in the public timeline.
    await citizen.goto(`/track?code=${trackingCode}`);
    await citizen.getByRole('heading', { level: 2, name: title }).waitFor();
    const step = citizen.getByRole('listitem').filter({ hasText: vi('feedbackEvent.adopted') });
    await step.waitFor();
    await expect(step).toContainText(taskCode);
  });
});

/** The figures a row of the statistics table shows, worded as the page words them. */
function rowTexts(name: string, figures: FeedbackResponseFigures): string[] {
  const n = (value: number) => formatNumber('vi', value);
  const share = (value: number | null) => (value === null ? '—' : formatPercent('vi', value));
  const days = (value: number | null) => (value === null ? '—' : vi('feedbackStats.days', { days: n(value) }));
  return [
    name,
    n(figures.received),
    days(figures.medianTriageWorkingDays),
    share(figures.shareTriagedWithinServiceLevel),
    n(figures.answered),
    days(figures.medianAnswerWorkingDays),
    share(figures.shareAnsweredWithinServiceLevel),
    figures.overdue > 0 ? `⚠ ${n(figures.overdue)}` : n(figures.overdue),
  ];
}

/** The API's JSON for the page's own query, fetched in the page (with its cookie). */
async function statisticsOfPage(page: Page): Promise<FeedbackStatistics> {
  const search = new URL(page.url()).search;
  return page.evaluate(async (query) => {
    const response = await fetch(`/api/v1/feedback/statistics${query}`, { headers: { accept: 'application/json' } });
    return (await response.json()) as FeedbackStatistics;
  }, search);
}

async function shownStatistics(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: vi('feedbackStats.byOrganization') });
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(cellTexts));
}

async function expectPageMatchesApi(page: Page): Promise<FeedbackStatistics> {
  const statistics = await statisticsOfPage(page);
  const expected = [
    ...statistics.byOrganization.map((row) =>
      rowTexts(row.organization ? row.organization.nameVi : vi('feedbackStats.unassigned'), row),
    ),
    rowTexts(vi('feedbackStats.total'), statistics.totals),
  ];
  // The previous reading stays on screen while the new one loads.
  await expect
    .poll(() => shownStatistics(page), { message: 'the statistics table shows the API figures' })
    .toEqual(expected);
  // The headline figures: the totals.
  const headline = (key: Parameters<typeof vi>[0]) =>
    page.getByText(vi(key), { exact: true }).and(page.locator('p')).first().locator('xpath=following-sibling::*[1]');
  const totals = rowTexts('', statistics.totals);
  await expect(headline('feedbackStats.received')).toHaveText(totals[1]!);
  await expect(headline('feedbackStats.answeredWithin')).toHaveText(totals[6]!);
  await expect(headline('feedbackStats.medianAnswer')).toHaveText(totals[5]!);
  await expect(headline('feedbackStats.overdue')).toHaveText(formatNumber('vi', statistics.totals.overdue));
  return statistics;
}

// Periods of reception in the past: the demo's items as seeded, which no journey's writes (made today) change.
test('the statistics page shows the API figures; the period changes them; the exports answer', async ({
  page: handler,
}) => {
  await signIn(handler, ACCOUNTS.handler, undefined, '/feedback/statistics?received_to=2025-12-31');
  await handler.getByRole('heading', { level: 1, name: vi('feedbackStats.title') }).waitFor();
  await handler.getByRole('table', { name: vi('feedbackStats.byOrganization') }).waitFor();
  const year = await expectPageMatchesApi(handler);
  expect(year.totals.received, 'the demo has feedback of 2025').toBeGreaterThan(0);
  expect(await seriousAccessibilityViolations(handler)).toEqual([]);

  // The second half of the year only.
  const from = '2025-07-01';
  await handler.getByLabel(vi('feedbackQueue.receivedFrom')).fill(from);
  await handler.waitForURL(new RegExp(`received_from=${from}`));
  const half = await expectPageMatchesApi(handler);
  expect(half.receivedFrom).toBe(from);
  expect(half.totals.received, 'the half year counts fewer items than the year').toBeLessThan(year.totals.received);
  expect(half.totals.received, 'the demo has feedback of the second half of 2025').toBeGreaterThan(0);

  // The export links hold the same reading and answer with files.
  const exports = handler.getByRole('group', { name: vi('export.label') });
  for (const [name, type] of [
    [vi('export.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [vi('export.csv'), 'text/csv'],
  ] as const) {
    const href = (await exports.getByRole('link', { name }).getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`received_from=${from}`));
    const response = await handler.request.get(href);
    expect(response.status(), `${href} answered ${response.status()}`).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(new RegExp(`^${type}`));
    expect((await response.body()).length).toBeGreaterThan(0);
  }
  expect(await seriousAccessibilityViolations(handler)).toEqual([]);
});
