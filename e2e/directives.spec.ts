import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

/** Steering on the document list, where each of these journeys starts. */
async function steeringOnDirectives(page: Page): Promise<void> {
  await signIn(page, ACCOUNTS.steering, undefined, '/directives');
  await page.getByRole('heading', { level: 1, name: vi('directives.title') }).waitFor();
}

/** Picks an organization in a picker by typing part of its name without diacritics, as people do. */
async function pickOrganization(page: Page, label: string, typed: string) {
  await page.getByRole('combobox', { name: label }).fill(typed);
  await page.getByRole('listbox').getByRole('option').first().click();
}

/** Unique per test and run: a journey run again on the same data registers new ones. */
const runMark = () => Date.now().toString().slice(-7);

test('the document list has no serious or critical accessibility violation', async ({ page }) => {
  await steeringOnDirectives(page);
  await page.getByRole('table', { name: vi('directives.title') }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('steering registers a document, losing nothing on a reload, and finds it by a search without diacritics', async ({
  page,
}) => {
  const run = runMark();
  const documentNumber = `${run}-KH/BCĐTW`;
  const documentTitle = `Kế hoạch số hóa hồ sơ Đông Anh lần ${run}`;
  await steeringOnDirectives(page);

  await test.step('register it, with a reload on the way and a refusal that keeps what was typed', async () => {
    await page.getByRole('link', { name: vi('directives.new') }).click();
    await page.getByRole('heading', { level: 1, name: vi('directives.newTitle') }).waitFor();
    await page.getByLabel(vi('directives.number')).fill(documentNumber);
    await page.getByLabel(vi('directives.documentTitle')).fill(documentTitle);
    await page.reload();
    await expect(page.getByLabel(vi('directives.number'))).toHaveValue(documentNumber);
    await expect(page.getByLabel(vi('directives.documentTitle'))).toHaveValue(documentTitle);

    // Without an issuer the server refuses, naming the field; what was typed stays.
    await page.getByRole('button', { name: vi('directives.register') }).click();
    await page.getByRole('alert').first().waitFor();
    await expect(page.getByLabel(vi('directives.number'))).toHaveValue(documentNumber);

    await page.getByRole('combobox', { name: vi('directives.type') }).click();
    await page.getByRole('option', { name: vi('documentType.plan'), exact: true }).click();
    await pickOrganization(page, vi('directives.issuer'), 'ban chi dao trung uong ve phat trien');
    await page.getByLabel(vi('directives.issuedOn')).fill('2025-10-01');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: vi('directives.register') }).click();

    await page.getByRole('heading', { level: 1, name: documentNumber }).waitFor();
    await page.getByText(documentTitle).waitFor();
    await page.getByText(vi('documentType.plan'), { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: vi('directives.citingTasks') }).waitFor();
    await page.getByText(vi('directives.noCitingTasks')).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  await test.step('find it from the list without diacritics, and open it', async () => {
    await page.getByRole('link', { name: vi('directives.backToList') }).click();
    await page.getByRole('heading', { level: 1, name: vi('directives.title') }).waitFor();
    await page.getByRole('searchbox', { name: vi('directives.search') }).fill(`so hoa ho so dong anh lan ${run}`);
    await page.waitForURL(/q=so/);
    const table = page.getByRole('table', { name: vi('directives.title') });
    // The previous list stays on screen while the search runs: wait for the count of the new one.
    await page.getByText(vi('directives.shown', { count: 1 }), { exact: true }).waitFor();
    await expect(table.getByRole('row'), 'the header and the one document found').toHaveCount(2);
    await table.getByRole('link', { name: documentNumber }).click();
    await page.getByRole('heading', { level: 1, name: documentNumber }).waitFor();
  });
});

test('a document of the demo lists the tasks that cite it, with a link to all of them', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/directives?q=57-NQ');
  await page.getByRole('link', { name: '57-NQ/TW' }).click();
  await page.getByRole('heading', { level: 1, name: '57-NQ/TW' }).waitFor();
  const tasks = page.getByRole('table', { name: vi('directives.citingTasks') });
  await tasks.waitFor();
  await page.getByRole('link', { name: /^Xem cả/ }).click();
  await page.waitForURL(/\/tasks\?document=/);
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
});

test('steering records a meeting with two conclusions', async ({ page }) => {
  const meetingTitle = `Phiên họp kiểm thử lần ${runMark()}`;
  await steeringOnDirectives(page);
  await page.getByRole('link', { name: vi('nav.meetings') }).click();
  await page.getByRole('heading', { level: 1, name: vi('meetings.title') }).waitFor();
  await page.getByRole('table', { name: vi('meetings.title') }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('link', { name: vi('meetings.new') }).click();
  await page.getByRole('heading', { level: 1, name: vi('meetings.newTitle') }).waitFor();

  await page.getByLabel(vi('meetings.meetingTitle')).fill(meetingTitle);
  await pickOrganization(page, vi('meetings.organization'), 'ban chi dao trung uong ve phat trien');
  await page.getByLabel(vi('meetings.heldOn')).fill('2025-10-02');
  await page
    .getByLabel(vi('meetings.conclusionNumber', { number: 1 }), { exact: true })
    .fill('Hoàn thành số hóa hồ sơ trước quý IV');
  await page.getByRole('button', { name: vi('meetings.addConclusion') }).click();
  await page
    .getByLabel(vi('meetings.conclusionNumber', { number: 2 }), { exact: true })
    .fill('Báo cáo kết quả tại phiên họp sau');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: vi('meetings.record') }).click();

  await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
  const conclusions = page.getByRole('region', { name: vi('meetings.conclusions') }).getByRole('listitem');
  await expect(conclusions).toHaveText(['Hoàn thành số hóa hồ sơ trước quý IV', 'Báo cáo kết quả tại phiên họp sau']);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByRole('link', { name: vi('meetings.backToList') }).click();
  await page.getByRole('link', { name: meetingTitle }).waitFor();
});
