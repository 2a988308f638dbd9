import { expect, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

test('sign-in page has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: vi('signIn.submit') }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('organizations page, with an organization selected, has no serious or critical violation', async ({ page }) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: vi('orgs.tree') })
    .getByRole('button')
    .nth(1)
    .click();
  await page.getByRole('table').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('people page has no serious or critical violation', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: vi('nav.people') }).click();
  await page.getByRole('heading', { level: 1, name: vi('people.title') }).waitFor();
  await page.getByRole('table').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('audit page has no serious or critical violation', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: vi('nav.audit') }).click();
  await page.getByRole('heading', { level: 1, name: vi('audit.title') }).waitFor();
  await page.getByRole('table').waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
