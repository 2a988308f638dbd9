import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { foldForSearch } from '../src/shared/domain/text.ts';
import type { Organization, OrganizationDetail } from '../src/shared/schemas/organizations.ts';
import { apiGet, launchBrowser, newContext, signIn, vi } from './support.ts';

interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function signedInPage(): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page);
  return page;
}

test('browsing the tree: the national root is open, a province opens onto its communes', async () => {
  const page = await signedInPage();
  const hanoi = await apiGet<OrganizationDetail>(page, '/organizations/01');
  const hanoiChildren = await apiGet<Page_<Organization>>(page, `/organizations?parent=${hanoi.id}&limit=5`);
  assert.ok(hanoiChildren.items.length > 0, 'the demo province 01 has sub-units');

  const tree = page.getByRole('navigation', { name: vi('orgs.tree') });
  const [root, ...between] = hanoi.ancestors;
  assert.ok(root, 'province 01 lies under the national root');
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
  assert.match(await detail.innerText(), new RegExp(vi('orgKind.province') + '|' + vi('orgKind.city')));
  assert.match(page.url(), new RegExp(`org=${hanoi.id}`));
  await page.context().close();
});

test('a commune is found by its name typed without diacritics', async () => {
  const page = await signedInPage();
  const communes = await apiGet<Page_<Organization>>(page, '/organizations?kind=commune&limit=1');
  const commune = communes.items[0];
  assert.ok(commune, 'the demo data holds communes');
  const typed = foldForSearch(commune.nameVi);
  assert.notEqual(typed, commune.nameVi.toLowerCase(), 'the name has diacritics to ignore');

  await page.getByLabel(vi('orgs.searchLabel')).fill(typed);
  const result = page.getByRole('button', { name: new RegExp(escapeRegExp(commune.nameVi)) }).first();
  await result.waitFor();
  assert.match(await result.innerText(), new RegExp(escapeRegExp(commune.code)));
  await result.click();
  await page.getByRole('region', { name: commune.nameVi }).waitFor();
  await page.context().close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
