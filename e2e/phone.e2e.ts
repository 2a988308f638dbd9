import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, seriousAccessibilityViolations, signIn, vi } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('on a 390×844 phone the navigation opens from the burger', async () => {
  const context = await newContext(browser, { width: 390, height: 844 });
  const page = await context.newPage();
  await signIn(page);

  const auditLink = page.getByRole('link', { name: vi('nav.audit') });
  assert.equal(await auditLink.isVisible(), false, 'the navigation starts closed on a phone');
  const burger = page.getByRole('button', { name: vi('nav.toggle') });
  await burger.click();
  await auditLink.waitFor({ state: 'visible' });
  assert.equal(await burger.getAttribute('aria-expanded'), 'true');

  await auditLink.click();
  await page.getByRole('heading', { level: 1, name: vi('audit.title') }).waitFor();
  // Having chosen, the navigation gets out of the way again.
  await auditLink.waitFor({ state: 'hidden' });
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 390, `the page does not scroll sideways (${pageWidth}px wide)`);
  assert.deepEqual(await seriousAccessibilityViolations(page), []);
  await context.close();
});
