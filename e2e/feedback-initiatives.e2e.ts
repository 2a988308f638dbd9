import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { FeedbackStatistics, FeedbackResponseFigures } from '../src/shared/schemas/feedback-statistics.ts';
import type { FeedbackReceipt } from '../src/shared/schemas/feedback.ts';
import type { TaskDetail } from '../src/shared/schemas/tasks.ts';
import { formatNumber, formatPercent } from '../src/web/lib/format.ts';
import {
  ACCOUNTS,
  BASE_URL,
  apiGet,
  launchBrowser,
  newContext,
  seriousAccessibilityViolations,
  signIn,
  vi,
} from './support.ts';

// A citizen without an account, a handler who scores, and steering who adopts: a browser each.
let browser: Browser;
let citizen: Page;
let handler: Page;
let steering: Page;
// Unique per run, so that the queue's search finds this initiative among the demo's.
const marker = `E2EI${Date.now().toString(36).toUpperCase()}`;
const title = `Sáng kiến cổng dữ liệu mở ${marker} cho doanh nghiệp khởi nghiệp`;
const content = 'Lập một cổng dữ liệu mở dùng chung để doanh nghiệp khởi nghiệp tra cứu các thủ tục thử nghiệm.';
const comment = 'Khả thi với hạ tầng sẵn có; cần thêm kinh phí vận hành.';
const deadline = '2027-06-30';
let trackingCode = '';
let itemId = '';

before(async () => {
  browser = await launchBrowser();
  citizen = await (await newContext(browser)).newPage();
  handler = await (await newContext(browser)).newPage();
  steering = await (await newContext(browser)).newPage();
});
after(async () => {
  await browser?.close();
});

const panelOf = (page: Page) => page.getByRole('region', { name: vi('initiative.title') });

/** Polls until `check` holds: the screens answer after their queries do. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadlineAt = Date.now() + timeoutMs;
  while (Date.now() < deadlineAt) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const cellTexts = async (row: Locator) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());

test('an initiative is sent through the public API and accepted by the handler on its item page', async () => {
  const response = await fetch(`${BASE_URL}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
    body: JSON.stringify({
      type: 'initiative',
      field: 'institutions',
      title,
      content,
      submitterKind: 'business',
      submitterName: 'Công ty Khởi Nghiệp Xanh',
      email: `sk.${marker.toLowerCase()}@example.vn`,
      consentToPublish: true,
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  trackingCode = ((await response.json()) as FeedbackReceipt).trackingCode;

  await signIn(handler, ACCOUNTS.handler, undefined, '/feedback');
  await handler.getByLabel(vi('feedbackQueue.search')).fill(marker.toLowerCase());
  await handler.waitForURL(/q=/);
  await handler.getByRole('link', { name: trackingCode }).click();
  await handler.getByRole('heading', { level: 1, name: title }).waitFor();
  itemId = handler.url().split('/').at(-1)!.split('?')[0]!;

  // Received, not yet triaged: nobody has scored it and it cannot be scored yet.
  const panel = panelOf(handler);
  await panel.getByText(vi('initiative.none')).waitFor();
  assert.equal(await panel.getByRole('heading', { name: vi('initiative.evaluate') }).count(), 0);

  await handler
    .getByRole('group', { name: vi('feedbackItem.actions') })
    .getByRole('button', { name: vi('feedbackAction.accept') })
    .click();
  await handler.getByText(vi('feedbackState.accepted'), { exact: true }).first().waitFor();
  // Accepted, it may be scored: the form appears without a reload.
  await panel.getByRole('heading', { name: vi('initiative.evaluate') }).waitFor();
});

test('the handler scores it on the four criteria with a comment; the means are shown', async () => {
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
  assert.deepEqual((await cellTexts(mine)).slice(1), ['5', '4', '3', '5', formatNumber('vi', 4.25)]);
  const means = table
    .getByRole('row')
    .filter({ has: handler.getByRole('rowheader', { name: vi('initiative.average') }) });
  assert.deepEqual(await cellTexts(means), [vi('initiative.average'), '5', '4', '3', '5', formatNumber('vi', 4.25)]);
  // The screen shows what the API computed.
  const evaluations = await apiGet<{ averages: Record<string, number> }>(handler, `/feedback/${itemId}/evaluations`);
  assert.deepEqual(evaluations.averages, { novelty: 5, feasibility: 4, impact: 3, resources: 5, overall: 4.25 });

  // The item page with the evaluation panel open: no serious finding.
  assert.deepEqual(await seriousAccessibilityViolations(handler), []);
});

test('steering adopts it as a task of R57; the item links to the task, which cites the tracking code', async () => {
  await signIn(steering, ACCOUNTS.steering, undefined, `/feedback/${itemId}`);
  await steering.getByRole('heading', { level: 1, name: title }).waitFor();
  const panel = panelOf(steering);
  // Steering reads the scores it decides on, but scores nothing itself.
  await panel.getByRole('row').filter({ hasText: 'Vũ Thị Tiếp Nhận' }).waitFor();
  assert.equal(await panel.getByRole('button', { name: vi('initiative.save') }).count(), 0);

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
  assert.deepEqual(await seriousAccessibilityViolations(steering), []);
  await form.getByRole('button', { name: vi('initiative.adoptSubmit') }).click();

  const adopted = panel.getByText(vi('initiative.adoptedAs'));
  await adopted.waitFor();
  const taskLink = panel.getByRole('link', { name: new RegExp(`^R57.* — ${title}$`) });
  await taskLink.waitFor();
  const taskCode = ((await taskLink.textContent()) ?? '').split(' — ')[0]!.trim();
  // Adopting twice is not offered, and the API refuses it.
  assert.equal(await panel.getByRole('button', { name: vi('initiative.adopt') }).count(), 0);
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
  assert.equal(again.status(), 409);

  // Steering follows the link: the task page, whose description cites the tracking code.
  await taskLink.click();
  await steering.waitForURL(/\/tasks\//);
  await steering.getByRole('heading', { level: 1, name: title }).waitFor();
  await steering.getByText(taskCode, { exact: true }).first().waitFor();
  await steering.getByText(`sáng kiến ${trackingCode}`).waitFor();
  const task = await apiGet<TaskDetail>(steering, new URL(steering.url()).pathname);
  assert.equal(task.programmeId, r57.id);
  assert.equal(task.deadline, deadline);
  assert.ok(leadName.includes(task.lead.nameVi), `lead ${task.lead.nameVi}, chosen ${leadName}`);

  // The handler's item page names the task too; handlers do not read tasks, so it offers no "open the task"
  // link that would end on a refusal.
  await handler.reload();
  await handler.getByRole('heading', { level: 1, name: title }).waitFor();
  await panelOf(handler)
    .getByText(new RegExp(`${taskCode} — `))
    .first()
    .waitFor();
  assert.equal(await handler.getByRole('link', { name: vi('feedbackItem.adoptedTask') }).count(), 0);
  assert.equal(
    await panelOf(handler)
      .getByRole('link', { name: new RegExp(`^${taskCode} — `) })
      .count(),
    0,
  );

  // The sender sees the adoption, with the task's code, in the public timeline.
  await citizen.goto(`/track?code=${trackingCode}`);
  await citizen.getByRole('heading', { level: 2, name: title }).waitFor();
  const step = citizen.getByRole('listitem').filter({ hasText: vi('feedbackEvent.adopted') });
  await step.waitFor();
  assert.match((await step.innerText()).replace(/\s+/g, ' '), new RegExp(taskCode));
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

async function assertPageMatchesApi(page: Page): Promise<FeedbackStatistics> {
  const statistics = await statisticsOfPage(page);
  const expected = [
    ...statistics.byOrganization.map((row) =>
      rowTexts(row.organization ? row.organization.nameVi : vi('feedbackStats.unassigned'), row),
    ),
    rowTexts(vi('feedbackStats.total'), statistics.totals),
  ];
  await eventually(
    async () => JSON.stringify(await shownStatistics(page)) === JSON.stringify(expected),
    'the statistics table to show the API figures',
  ).catch(async (error: Error) => {
    assert.deepEqual(await shownStatistics(page), expected, error.message);
  });
  // The headline figures: the totals.
  const headline = async (key: Parameters<typeof vi>[0]) =>
    (
      await page
        .getByText(vi(key), { exact: true })
        .and(page.locator('p'))
        .first()
        .locator('xpath=following-sibling::*[1]')
        .innerText()
    ).trim();
  const totals = rowTexts('', statistics.totals);
  assert.equal(await headline('feedbackStats.received'), totals[1]);
  assert.equal(await headline('feedbackStats.answeredWithin'), totals[6]);
  assert.equal(await headline('feedbackStats.medianAnswer'), totals[5]);
  assert.equal(await headline('feedbackStats.overdue'), formatNumber('vi', statistics.totals.overdue));
  return statistics;
}

test('the statistics page shows the API figures; the period changes them; the exports answer', async () => {
  await handler.goto('/feedback/statistics');
  await handler.getByRole('heading', { level: 1, name: vi('feedbackStats.title') }).waitFor();
  await handler.getByRole('table', { name: vi('feedbackStats.byOrganization') }).waitFor();
  const whole = await assertPageMatchesApi(handler);
  assert.ok(whole.totals.received > 0, 'the demo has feedback');
  assert.deepEqual(await seriousAccessibilityViolations(handler), []);

  // A period of reception: the demo's items of the last weeks, and today's initiative.
  const from = whole.asOf.slice(0, 8) + '01';
  await handler.getByLabel(vi('feedbackQueue.receivedFrom')).fill(from);
  await handler.waitForURL(new RegExp(`received_from=${from}`));
  const period = await assertPageMatchesApi(handler);
  assert.equal(period.receivedFrom, from);
  assert.ok(period.totals.received < whole.totals.received, 'the period counts fewer items than all time');
  assert.ok(period.totals.received > 0, 'the initiative sent today counts in this month');

  // The export links hold the same reading and answer with files.
  const exports = handler.getByRole('group', { name: vi('export.label') });
  for (const [name, type] of [
    [vi('export.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [vi('export.csv'), 'text/csv'],
  ] as const) {
    const href = (await exports.getByRole('link', { name }).getAttribute('href')) ?? '';
    assert.match(href, new RegExp(`received_from=${from}`));
    const response = await handler.request.get(href);
    assert.equal(response.status(), 200, `${href} answered ${response.status()}`);
    assert.ok(response.headers()['content-type']?.startsWith(type), `${href}: ${response.headers()['content-type']}`);
    assert.ok((await response.body()).length > 0);
  }
  assert.deepEqual(await seriousAccessibilityViolations(handler), []);
});
