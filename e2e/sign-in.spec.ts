import { ACCOUNTS, expect, signIn, test, vi } from './support.ts';

test('an administrator signs in and sees the shell with every section', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);

  await expect(page).toHaveURL(/\/organizations/);
  await expect(page.getByRole('banner').getByText('Steerboard')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: vi('nav.main') });
  for (const key of ['nav.organizations', 'nav.people', 'nav.audit'] as const) {
    await expect(navigation.getByRole('link', { name: vi(key) }), key).toBeVisible();
  }
  await page.getByRole('button', { name: vi('header.signOut') }).click();
  await expect(page.getByRole('heading', { name: vi('signIn.title') })).toBeVisible();
});

test('a wrong password shows the server message and keeps the email typed', async ({ page }) => {
  await page.goto('/sign-in');
  // The inspector's account, which no other journey signs in with: the failed attempt locks nobody out.
  await page.getByLabel(vi('signIn.email')).fill(ACCOUNTS.inspector);
  await page.getByLabel(vi('signIn.password')).fill('not the right password');
  await page.getByRole('button', { name: vi('signIn.submit') }).click();

  await expect(page.getByRole('alert')).toHaveText(vi('error.invalid_credentials'));
  await expect(page.getByLabel(vi('signIn.email'))).toHaveValue(ACCOUNTS.inspector);
});

test('a person without admin role does not see the people and audit sections', async ({ page }) => {
  await signIn(page, ACCOUNTS.leader);
  const navigation = page.getByRole('navigation', { name: vi('nav.main') });
  await expect(navigation.getByRole('link', { name: vi('nav.organizations') })).toBeVisible();
  await expect(navigation.getByRole('link', { name: vi('nav.people') })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: vi('nav.audit') })).toHaveCount(0);
});
