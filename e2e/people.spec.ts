import { expect, signIn, test, vi } from './support.ts';

test('an administrator adds a person: a refused form keeps its values, then a role is granted', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: vi('nav.people') }).click();
  await page.getByRole('button', { name: vi('people.create') }).click();

  const dialog = page.getByRole('dialog', { name: vi('people.createTitle') });
  const email = `e2e.${Date.now()}@example.vn`;
  await dialog.getByLabel(vi('people.email')).fill(email);
  await dialog.getByLabel(vi('people.fullName')).fill('Lương Thị Kiểm Thử');
  await dialog.getByRole('combobox', { name: vi('people.organization') }).fill('ha noi');
  await page.getByRole('listbox').getByRole('option').first().click();
  await dialog.getByLabel(vi('people.password')).fill('too short');
  await dialog.getByRole('button', { name: vi('common.create') }).click();

  // The server refuses the short password: its message shows and nothing typed is lost.
  await dialog.getByRole('alert').waitFor();
  const passwordInput = dialog.getByLabel(vi('people.password'));
  // The field's own message from problem+json errors[] is attached to it (aria-describedby).
  const passwordDescription = await passwordInput.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
  expect(passwordDescription).toMatch(/12/);
  await expect(dialog.getByLabel(vi('people.email'))).toHaveValue(email);
  await expect(dialog.getByLabel(vi('people.fullName'))).toHaveValue('Lương Thị Kiểm Thử');

  await passwordInput.fill('a long enough password');
  await dialog.getByRole('button', { name: vi('common.create') }).click();
  const drawer = page.getByRole('dialog', { name: 'Lương Thị Kiểm Thử' });
  await drawer.waitFor();

  await drawer.getByRole('combobox', { name: vi('people.role') }).selectOption('leader');
  await drawer.getByRole('combobox', { name: vi('people.scope') }).fill('ha noi');
  await page.getByRole('listbox').getByRole('option').first().click();
  await drawer.getByRole('button', { name: vi('people.grant'), exact: true }).click();
  // The new role is listed with its own revoke button, named after the role (organization at the end).
  const revokeName = vi('people.revokeLabel', { role: vi('role.leader'), organization: '' });
  await drawer.getByRole('button', { name: new RegExp(`^${revokeName}`) }).waitFor();
});
