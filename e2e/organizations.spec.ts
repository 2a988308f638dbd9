import { foldForSearch } from '../src/shared/domain/text.ts';
import type { Organization, OrganizationDetail } from '../src/shared/schemas/organizations.ts';
import { apiGet, expect, signIn, test, vi } from './support.ts';

interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

test('browsing the tree: the national root is open, a province opens onto its communes', async ({ page }) => {
  await signIn(page);
  const hanoi = await apiGet<OrganizationDetail>(page, '/organizations/01');
  const hanoiChildren = await apiGet<Page_<Organization>>(page, `/organizations?parent=${hanoi.id}&limit=5`);
  expect(hanoiChildren.items.length, 'the demo province 01 has sub-units').toBeGreaterThan(0);

  const tree = page.getByRole('navigation', { name: vi('orgs.tree') });
  const [root, ...between] = hanoi.ancestors;
  if (!root) throw new Error('province 01 lies under the national root');
  // The root starts expanded: its collapse button is there, and so are its children.
  await tree.getByRole('button', { name: vi('orgs.collapse', { name: root.nameVi }) }).waitFor();
  for (const ancestor of between) {
    await tree.getByRole('button', { name: vi('orgs.expand', { name: ancestor.nameVi }), exact: true }).click();
  }
  await tree.getByRole('button', { name: vi('orgs.expand', { name: hanoi.nameVi }), exact: true }).click();
  const firstChild = hanoiChildren.items[0]!;
  await tree.getByRole('button', { name: firstChild.nameVi, exact: true }).first().waitFor();

  await tree.getByRole('button', { name: hanoi.nameVi, exact: true }).click();
  const detail = page.getByRole('region', { name: hanoi.nameVi });
  await detail.waitFor();
  await expect(detail).toContainText(new RegExp(vi('orgKind.province') + '|' + vi('orgKind.city')));
  await expect(page).toHaveURL(new RegExp(`org=${hanoi.id}`));
});

test('a commune is found by its name typed without diacritics', async ({ page }) => {
  await signIn(page);
  const communes = await apiGet<Page_<Organization>>(page, '/organizations?kind=commune&limit=1');
  const commune = communes.items[0];
  if (!commune) throw new Error('the demo data holds communes');
  const typed = foldForSearch(commune.nameVi);
  expect(typed, 'the name has diacritics to ignore').not.toBe(commune.nameVi.toLowerCase());

  await page.getByLabel(vi('orgs.searchLabel')).fill(typed);
  const result = page.getByRole('button', { name: new RegExp(escapeRegExp(commune.nameVi)) }).first();
  await result.waitFor();
  await expect(result).toContainText(commune.code);
  await result.click();
  await page.getByRole('region', { name: commune.nameVi }).waitFor();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
