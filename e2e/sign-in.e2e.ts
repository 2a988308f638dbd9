import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ACCOUNTS, launchBrowser, newContext, signIn, vi } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('an administrator signs in and sees the shell with every section', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);

  assert.match(page.url(), /\/organizations/);
  await page.getByRole('banner').getByText('Steerboard').waitFor();
  const navigation = page.getByRole('navigation', { name: vi('nav.main') });
  for (const key of ['nav.organizations', 'nav.people', 'nav.audit'] as const) {
    assert.equal(await navigation.getByRole('link', { name: vi(key) }).isVisible(), true, `${key} link`);
  }
  await page.getByRole('button', { name: vi('header.signOut') }).click();
  await page.getByRole('heading', { name: vi('signIn.title') }).waitFor();
  await context.close();
});

test('a wrong password shows the server message and keeps the email typed', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/sign-in');
  // Another account than the admin's, so that the failed attempt cannot lock the other journeys out.
  await page.getByLabel(vi('signIn.email')).fill(ACCOUNTS.handler);
  await page.getByLabel(vi('signIn.password')).fill('not the right password');
  await page.getByRole('button', { name: vi('signIn.submit') }).click();

  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), vi('error.invalid_credentials'));
  assert.equal(await page.getByLabel(vi('signIn.email')).inputValue(), ACCOUNTS.handler);
  await context.close();
});

test('a person without admin role does not see the people and audit sections', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.leader);
  const navigation = page.getByRole('navigation', { name: vi('nav.main') });
  assert.equal(await navigation.getByRole('link', { name: vi('nav.people') }).count(), 0);
  assert.equal(await navigation.getByRole('link', { name: vi('nav.audit') }).count(), 0);
  await context.close();
});
