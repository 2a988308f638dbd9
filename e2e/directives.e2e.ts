import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, launchBrowser, newContext, seriousAccessibilityViolations, signIn, vi } from './support.ts';

let browser: Browser;
let page: Page;
// Numbers are unique: a journey run twice against the same data registers new ones.
const run = String(Date.now()).slice(-6);
const documentNumber = `${run}-KH/BCĐTW`;
const documentTitle = `Kế hoạch số hóa hồ sơ Đông Anh lần ${run}`;
const meetingTitle = `Phiên họp kiểm thử lần ${run}`;

before(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await signIn(page, ACCOUNTS.steering, undefined, '/directives');
  await page.getByRole('heading', { level: 1, name: vi('directives.title') }).waitFor();
});
after(async () => {
  await browser?.close();
});

/** Picks an organization in a picker by typing part of its name without diacritics, as people do. */
async function pickOrganization(label: string, typed: string) {
  await page.getByRole('combobox', { name: label }).fill(typed);
  await page.getByRole('listbox').getByRole('option').first().click();
}

test('the document list has no serious or critical accessibility violation', async () => {
  await page.getByRole('table', { name: vi('directives.title') }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('steering registers a document, and a reload on the way loses nothing typed', async () => {
  await page.getByRole('link', { name: vi('directives.new') }).click();
  await page.getByRole('heading', { level: 1, name: vi('directives.newTitle') }).waitFor();
  await page.getByLabel(vi('directives.number')).fill(documentNumber);
  await page.getByLabel(vi('directives.documentTitle')).fill(documentTitle);
  await page.reload();
  assert.equal(await page.getByLabel(vi('directives.number')).inputValue(), documentNumber);
  assert.equal(await page.getByLabel(vi('directives.documentTitle')).inputValue(), documentTitle);

  // Without an issuer the server refuses, naming the field; what was typed stays.
  await page.getByRole('button', { name: vi('directives.register') }).click();
  await page.getByRole('alert').first().waitFor();
  assert.equal(await page.getByLabel(vi('directives.number')).inputValue(), documentNumber);

  await page.getByRole('combobox', { name: vi('directives.type') }).click();
  await page.getByRole('option', { name: vi('documentType.plan'), exact: true }).click();
  await pickOrganization(vi('directives.issuer'), 'ban chi dao trung uong ve phat trien');
  await page.getByLabel(vi('directives.issuedOn')).fill('2025-10-01');
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await page.getByRole('button', { name: vi('directives.register') }).click();

  await page.getByRole('heading', { level: 1, name: documentNumber }).waitFor();
  await page.getByText(documentTitle).waitFor();
  await page.getByText(vi('documentType.plan'), { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: vi('directives.citingTasks') }).waitFor();
  await page.getByText(vi('directives.noCitingTasks')).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('the document is found by a search without diacritics, and opens', async () => {
  await page.getByRole('link', { name: vi('directives.backToList') }).click();
  await page.getByRole('heading', { level: 1, name: vi('directives.title') }).waitFor();
  await page.getByRole('searchbox', { name: vi('directives.search') }).fill(`so hoa ho so dong anh lan ${run}`);
  await page.waitForURL(/q=so/);
  const table = page.getByRole('table', { name: vi('directives.title') });
  // The previous list stays on screen while the search runs: wait for the count of the new one.
  await page.getByText(vi('directives.shown', { count: 1 }), { exact: true }).waitFor();
  assert.equal(await table.getByRole('row').count(), 2, 'the header and the one document found');
  await table.getByRole('link', { name: documentNumber }).click();
  await page.getByRole('heading', { level: 1, name: documentNumber }).waitFor();
});

test('a document of the demo lists the tasks that cite it, with a link to all of them', async () => {
  await page.goto('/directives?q=57-NQ');
  await page.getByRole('link', { name: '57-NQ/TW' }).click();
  await page.getByRole('heading', { level: 1, name: '57-NQ/TW' }).waitFor();
  const tasks = page.getByRole('table', { name: vi('directives.citingTasks') });
  await tasks.waitFor();
  await page.getByRole('link', { name: /^Xem cả/ }).click();
  await page.waitForURL(/\/tasks\?document=/);
  await page.getByRole('heading', { level: 1, name: vi('tasks.title') }).waitFor();
});

test('steering records a meeting with two conclusions', async () => {
  await page.getByRole('link', { name: vi('nav.meetings') }).click();
  await page.getByRole('heading', { level: 1, name: vi('meetings.title') }).waitFor();
  await page.getByRole('table', { name: vi('meetings.title') }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await page.getByRole('link', { name: vi('meetings.new') }).click();
  await page.getByRole('heading', { level: 1, name: vi('meetings.newTitle') }).waitFor();

  await page.getByLabel(vi('meetings.meetingTitle')).fill(meetingTitle);
  await pickOrganization(vi('meetings.organization'), 'ban chi dao trung uong ve phat trien');
  await page.getByLabel(vi('meetings.heldOn')).fill('2025-10-02');
  await page
    .getByLabel(vi('meetings.conclusionNumber', { number: 1 }), { exact: true })
    .fill('Hoàn thành số hóa hồ sơ trước quý IV');
  await page.getByRole('button', { name: vi('meetings.addConclusion') }).click();
  await page
    .getByLabel(vi('meetings.conclusionNumber', { number: 2 }), { exact: true })
    .fill('Báo cáo kết quả tại phiên họp sau');
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await page.getByRole('button', { name: vi('meetings.record') }).click();

  await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
  const conclusions = page.getByRole('region', { name: vi('meetings.conclusions') }).getByRole('listitem');
  assert.deepEqual(await conclusions.allTextContents(), [
    'Hoàn thành số hóa hồ sơ trước quý IV',
    'Báo cáo kết quả tại phiên họp sau',
  ]);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);

  await page.getByRole('link', { name: vi('meetings.backToList') }).click();
  await page.getByRole('link', { name: meetingTitle }).waitFor();
});
