import { expect, label, signIn, test, vi } from './support.ts';

// The language is the browser's choice (local storage): each test's fresh context starts in Vietnamese.
test('the language switches from Vietnamese to English to French and stays chosen after a reload', async ({ page }) => {
  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

  await page.getByLabel(vi('header.language')).selectOption('en');
  await page.getByRole('heading', { level: 1, name: label('en', 'orgs.title') }).waitFor();
  await page.getByRole('link', { name: label('en', 'nav.audit') }).waitFor();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel(label('en', 'header.language')).selectOption('fr');
  await page.getByRole('heading', { level: 1, name: label('fr', 'orgs.title') }).waitFor();
  await page.getByRole('button', { name: label('fr', 'header.signOut') }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: label('fr', 'orgs.title') }).waitFor();
  await page.getByRole('link', { name: label('fr', 'nav.people') }).waitFor();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
