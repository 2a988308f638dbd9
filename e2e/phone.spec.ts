import { expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

// Runs in the `phone` project of playwright.config.ts: a 390×844 touch screen.
test('on a phone the navigation opens from the burger', async ({ page }) => {
  await signIn(page);

  const auditLink = page.getByRole('link', { name: vi('nav.audit') });
  await expect(auditLink, 'the navigation starts closed on a phone').toBeHidden();
  const burger = page.getByRole('button', { name: vi('nav.toggle') });
  await burger.click();
  await expect(auditLink).toBeVisible();
  await expect(burger).toHaveAttribute('aria-expanded', 'true');

  await auditLink.click();
  await page.getByRole('heading', { level: 1, name: vi('audit.title') }).waitFor();
  // Having chosen, the navigation gets out of the way again.
  await expect(auditLink).toBeHidden();
  const viewportWidth = page.viewportSize()?.width ?? 0;
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth, `the page does not scroll sideways (${pageWidth}px wide)`).toBeLessThanOrEqual(viewportWidth);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
