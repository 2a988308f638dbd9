import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, seriousAccessibilityViolations, signIn, vi } from './support.ts';

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
});
after(async () => {
  await browser?.close();
});

test('sign-in page has no serious or critical accessibility violation', async () => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: vi('signIn.submit') }).waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('organizations page, with an organization selected, has no serious or critical violation', async () => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: vi('orgs.tree') })
    .getByRole('button')
    .nth(1)
    .click();
  await page.getByRole('table').waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('people page has no serious or critical violation', async () => {
  await page.getByRole('link', { name: vi('nav.people') }).click();
  await page.getByRole('heading', { level: 1, name: vi('people.title') }).waitFor();
  await page.getByRole('table').waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});

test('audit page has no serious or critical violation', async () => {
  await page.getByRole('link', { name: vi('nav.audit') }).click();
  await page.getByRole('heading', { level: 1, name: vi('audit.title') }).waitFor();
  await page.getByRole('table').waitFor();
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
});
