import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { label, launchBrowser, newContext, signIn, vi } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the language switches from Vietnamese to English to French and stays chosen after a reload', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

  await page.getByLabel(vi('header.language')).selectOption('en');
  await page.getByRole('heading', { level: 1, name: label('en', 'orgs.title') }).waitFor();
  await page.getByRole('link', { name: label('en', 'nav.audit') }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.getByLabel(label('en', 'header.language')).selectOption('fr');
  await page.getByRole('heading', { level: 1, name: label('fr', 'orgs.title') }).waitFor();
  await page.getByRole('button', { name: label('fr', 'header.signOut') }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: label('fr', 'orgs.title') }).waitFor();
  await page.getByRole('link', { name: label('fr', 'nav.people') }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await context.close();
});
