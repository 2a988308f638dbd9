import type { Page } from '@playwright/test';
import type { Dashboard } from '../src/shared/schemas/dashboard.ts';
import { ACCOUNTS, apiGet, expect, signIn, test, vi } from './support.ts';

// Readings of the demo as it was on past dates: no journey's writes (made today) change them.

/** The headline as the screen shows it, read back as numbers ("1.132" in Vietnamese → 1132). */
async function shownHeadline(page: Page) {
  const figure = async (id: string) => {
    const text = await page.locator(`[data-figure="${id}"]`).innerText();
    return Number(text.replace(/\D/g, ''));
  };
  return {
    total: await figure('total'),
    completed: await figure('completed'),
    inProgress: await figure('inProgress'),
    overdue: await figure('overdue'),
    completionPercent: await figure('completionRate'),
  };
}

const expectedHeadline = (dashboard: Dashboard) => ({
  total: dashboard.total,
  completed: dashboard.completed,
  inProgress: dashboard.inProgress,
  overdue: dashboard.overdue,
  completionPercent: Math.round(dashboard.completionRate * 100),
});

test('steering lands on the dashboard after signing in', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, null);
  await page.getByRole('heading', { level: 1, name: vi('dashboard.title') }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboard');
});

test('the dashboard for VN as of 2025-09-30 shows the API figures: 1,132 = 485 + 561 + 86', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/dashboard?scope=VN&as_of=2025-09-30');
  const api = await apiGet<Dashboard>(page, '/dashboard?scope=VN&as_of=2025-09-30');
  expect(
    [api.total, api.completed, api.inProgress, api.overdue],
    'the demo reproduces the committee report of Q3 2025',
  ).toEqual([1132, 485, 561, 86]);

  await page
    .locator('[data-figure="total"]')
    .getByText(/1\.132/)
    .waitFor();
  // The scope picker starts on the scope read, named as the person knows it.
  const scopeBox = page.getByRole('combobox', { name: vi('reading.scope') });
  await expect(scopeBox).toHaveValue(`${api.scope.nameVi} (${api.scope.code})`);
  await expect(page.getByLabel(vi('reading.asOf'))).toHaveValue('30/09/2025');
  expect(await shownHeadline(page)).toEqual(expectedHeadline(api));
  // The tables are the charts' text equivalent: the group table adds up to the headline.
  const groupRows = page.getByRole('table', { name: vi('dashboard.byGroup') }).getByRole('row');
  await expect(groupRows).toHaveCount(api.byGroup.length + 1);
  // The ring chart says its figures in words to screen readers.
  await page.getByRole('img', { name: /1\.132/ }).waitFor();
});

test('changing the date reads the dashboard again and keeps it in the URL', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/dashboard?scope=VN&as_of=2025-09-30');
  await page
    .locator('[data-figure="total"]')
    .getByText(/1\.132/)
    .waitFor();
  await page.getByLabel(vi('reading.asOf')).fill('2025-06-30');
  await page.waitForURL(/as_of=2025-06-30/);
  const api = await apiGet<Dashboard>(page, '/dashboard?scope=VN&as_of=2025-06-30');
  await page.waitForFunction(
    (total) => document.querySelector('[data-figure="total"]')?.textContent?.replace(/\D/g, '') === String(total),
    api.total,
  );
  expect(await shownHeadline(page)).toEqual(expectedHeadline(api));
  expect(page.url()).toMatch(/scope=VN/);
});
