import type { Page } from '@playwright/test';
import { today } from '../src/shared/domain/calendar-date.ts';
import { latestDuePeriod } from '../src/shared/domain/reporting-periods.ts';
import {
  ACCOUNTS,
  apiGet,
  apiSend,
  expect,
  pageFor,
  seriousAccessibilityViolations,
  signIn,
  test,
  vi,
} from './support.ts';

/** Unique per test and run: a journey run again on the same data defines a new indicator. */
const runMark = () => Date.now().toString().slice(-7);

/** An indicator of Hà Nội's own, defined by steering through the API, so that the journey owns its values. */
async function defineHanoiIndicator(steering: Page, run: string): Promise<{ id: string; name: string }> {
  const [programme] = (await apiGet<{ items: { id: string }[] }>(steering, '/programmes')).items;
  const hanoi = await apiGet<{ id: string }>(steering, '/organizations/01');
  const name = `Tỷ lệ hồ sơ một cửa số hóa của Hà Nội lần ${run}`;
  const created = await apiSend<{ id: string }>(steering, 'POST', '/indicators', {
    programmeId: programme?.id,
    code: `HN_DIGITISED_${run}`,
    nameVi: name,
    nameEn: `Hanoi's digitised one-stop dossiers ${run}`,
    nameFr: `Dossiers numérisés du guichet unique de Hanoï ${run}`,
    unit: 'percent',
    direction: 'higher',
    level: 'operational',
    frequency: 'quarter',
    responsibleOrganizationId: hanoi.id,
    baseline: { value: 40, date: '2024-12-31' },
    targets: [{ year: 2030, value: 100 }],
  });
  return { id: created.id, name };
}

/** The card of one value in the list of values, found by its indicator's name. */
const valueCard = (page: Page, name: string) =>
  page.locator('.mantine-Paper-root').filter({ has: page.getByRole('link', { name }) });

test('a focal point reports a value; steering returns it, the focal point corrects it, another person approves it', async ({
  browser,
}) => {
  const run = runMark();
  const period = latestDuePeriod('quarter', today()).key;
  const steering = await pageFor(browser);
  await signIn(steering, ACCOUNTS.steering, undefined, '/indicators');
  const indicator = await defineHanoiIndicator(steering, run);
  const focal = await pageFor(browser);

  await test.step('the focal point of Hà Nội finds the indicator without its status, and reports a low value', async () => {
    await signIn(focal, ACCOUNTS.focalHanoi, undefined, '/indicators');
    await focal.getByRole('heading', { level: 1, name: vi('indicators.title') }).waitFor();
    await focal.getByRole('searchbox', { name: vi('indicators.search') }).fill(`mot cua so hoa ${run}`);
    // The search applies once typing pauses: the click waits for the list it filters.
    await focal.getByText(vi('indicators.shown', { count: 1 })).waitFor();
    await focal.getByRole('link', { name: indicator.name }).click();
    await focal.getByRole('heading', { level: 1, name: indicator.name }).waitFor();
    const standings = focal.getByRole('table', { name: vi('indicator.standings') });
    await expect(standings.getByText(vi('indicator.status.no_data'))).toBeVisible();
    expect(await seriousAccessibilityViolations(focal)).toEqual([]);

    await focal.getByLabel(vi('indicator.entry.period')).fill(period);
    await focal.getByLabel(vi('indicator.entry.value')).fill('41');
    await focal.getByLabel(vi('indicator.entry.source')).fill('Hệ thống thông tin giải quyết TTHC Hà Nội');
    await focal.getByRole('button', { name: vi('indicator.entry.submit') }).click();
    // Off track without a note: refused, the note asked for, and nothing typed is lost.
    await expect(focal.getByText(vi('indicator.error.noteRequired'))).toBeVisible();
    await expect(focal.getByLabel(vi('indicator.entry.source'))).toHaveValue(
      'Hệ thống thông tin giải quyết TTHC Hà Nội',
    );
    await focal.getByLabel(vi('indicator.entry.note')).fill('Phần mềm một cửa mới triển khai ở 30 phường, xã.');
    await focal.getByRole('button', { name: vi('indicator.entry.submit') }).click();
    await expect(focal.getByText(vi('indicator.entry.sent', { period }))).toBeVisible();
  });

  await test.step('steering returns it with a reason', async () => {
    await steering.goto('/indicator-values');
    const card = valueCard(steering, indicator.name);
    await expect(card.getByText(vi('indicator.status.off_track'))).toBeVisible();
    expect(await seriousAccessibilityViolations(steering)).toEqual([]);
    await card.getByRole('button', { name: vi('values.return') }).click();
    await card.getByLabel(vi('values.reason')).fill('Tỷ lệ chưa khớp với báo cáo của Văn phòng UBND thành phố.');
    await card.getByRole('button', { name: vi('values.return') }).click();
    await expect(steering.getByText(vi('values.returned'))).toBeVisible();
    await expect(card).toHaveCount(0);
  });

  await test.step('the focal point reads the reason and corrects the value', async () => {
    await focal.goto('/indicator-values?state=returned');
    const card = valueCard(focal, indicator.name);
    await expect(
      card.getByText('Tỷ lệ chưa khớp với báo cáo của Văn phòng UBND thành phố.', { exact: false }),
    ).toBeVisible();
    // The one who entered it may correct it, never approve it.
    await expect(card.getByRole('button', { name: vi('values.approve') })).toHaveCount(0);
    await card.getByRole('button', { name: vi('values.correct') }).click();
    await card.getByLabel(vi('indicator.entry.value')).fill('58,5');
    await card.getByLabel(vi('indicator.entry.note')).fill('');
    await card.getByRole('button', { name: vi('values.saveCorrection') }).click();
    await expect(focal.getByText(vi('values.corrected'))).toBeVisible();
  });

  await test.step('steering approves the correction, and the indicator is on track', async () => {
    await steering.goto('/indicator-values');
    const card = valueCard(steering, indicator.name);
    await expect(card.getByText('58,5%')).toBeVisible();
    await card.getByRole('button', { name: vi('values.approve') }).click();
    await expect(steering.getByText(vi('values.approved'))).toBeVisible();
    await steering.goto(`/indicators/${indicator.id}`);
    const standings = steering.getByRole('table', { name: vi('indicator.standings') });
    await expect(standings.getByText(vi('indicator.status.on_track'))).toBeVisible();
    await expect(standings.getByText('58,5%')).toBeVisible();
    await steering.getByText(vi('indicator.chart.asTable')).click();
    const history = steering.getByRole('table', { name: vi('indicator.chart') });
    await expect(history.getByText(period)).toBeVisible();
    expect(await seriousAccessibilityViolations(steering)).toEqual([]);
  });
});

test('the indicator list shows the Resolution 57 indicators with statuses in words, not colour alone', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.leader, undefined, '/indicators?as_of=2025-10-31');
  const table = page.getByRole('table', { name: vi('indicators.title') });
  const online = table.getByRole('row').filter({ hasText: 'Tỷ lệ hồ sơ thủ tục hành chính được thực hiện trực tuyến' });
  await expect(online.getByText('73,5%')).toBeVisible();
  await expect(online.getByText(vi('indicator.status.on_track'))).toBeVisible();
  await expect(table.getByText(vi('indicator.status.off_track')).first()).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('steering reads the scorecards and the heat map of the provinces, then opens a province', async ({ page }) => {
  await signIn(page, ACCOUNTS.steering, undefined, '/scorecards?kind=provinces&period=2025-Q3');
  const ranking = page.getByRole('table', { name: vi('scorecards.title') });
  // The formula with the weights in force is on the scorecard itself.
  const { weights } = await apiGet<{ weights: Record<string, number> }>(page, '/evaluation-settings');
  await expect(page.getByText(vi('scorecards.formula', weights))).toBeVisible();
  await expect(ranking.getByRole('row')).toHaveCount(35);
  await expect(ranking.getByRole('rowheader', { name: /Thành phố Hà Nội/ })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page
    .getByRole('link', { name: vi('nav.heatMap') })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: vi('heatMap.title') }).waitFor();
  const map = page.getByRole('navigation', { name: vi('heatMap.title') });
  await expect(map.getByRole('link')).toHaveCount(34);
  // Each tile says its state in words for those who cannot tell the colours apart.
  const hanoi = map.getByRole('link', { name: /^Hà Nội ?: / });
  await expect(hanoi).toHaveAccessibleName(/^Hà Nội ?: (Sẵn sàng|Cảnh báo|Chậm|Chưa chấm điểm)/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await test.step('coloured by the online share, then opened', async () => {
    await page.getByRole('combobox', { name: vi('heatMap.colourBy') }).click();
    await page.getByRole('option', { name: 'Tỷ lệ hồ sơ thủ tục hành chính được thực hiện trực tuyến' }).click();
    await expect(hanoi).toHaveAccessibleName(
      /^Hà Nội ?: (Đúng lộ trình|Có nguy cơ chậm|Chậm so với lộ trình|Chưa có số liệu)/,
    );
    await hanoi.click();
    await expect(page.getByRole('combobox', { name: vi('reading.scope') })).toHaveValue(/Thành phố Hà Nội/);
  });
});

test('an administrator changes the weights, sees the formula follow, and a refused band loses nothing', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin, undefined, '/scorecards?kind=ministries&period=2025-Q3');
  const before = await apiGet<{ weights: Record<string, number> }>(page, '/evaluation-settings');
  const edit = async (changes: Record<string, string>) => {
    await page.getByRole('button', { name: vi('scorecards.editSettings') }).click();
    for (const [label, value] of Object.entries(changes)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: vi('scorecards.saveSettings') }).click();
  };
  await test.step('a band out of order is refused, with the form as typed', async () => {
    await edit({ [vi('scorecards.light.ready')]: '50', [vi('scorecards.light.warning')]: '70' });
    await expect(page.getByText(vi('scorecard.error.bands.not_ordered')).first()).toBeVisible();
    await expect(page.getByLabel(vi('scorecards.light.ready'), { exact: true })).toHaveValue('50');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: vi('values.cancel') }).click();
  });
  await test.step('a new weight shows in the formula, then the old one again', async () => {
    const indicators = before.weights.indicators ?? 30;
    await edit({ [vi('scorecards.part.indicators')]: String(indicators + 5) });
    await expect(
      page.getByText(vi('scorecards.formula', { ...before.weights, indicators: indicators + 5 })),
    ).toBeVisible();
    await edit({ [vi('scorecards.part.indicators')]: String(indicators) });
    await expect(page.getByText(vi('scorecards.formula', before.weights))).toBeVisible();
  });
});
