import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { translate, type Locale, type MessageKey, type MessageParams } from '../src/shared/i18n/index.ts';

export { expect, test };

/** Set by playwright.config.ts for the server it starts (or E2E_DEMO_PASSWORD for one already running). */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'e2e-Demo-Password-2025!';

export const ACCOUNTS = {
  admin: 'admin@demo.steerboard.vn',
  steering: 'steering@demo.steerboard.vn',
  focalMinistry: 'focal.bkhcn@demo.steerboard.vn',
  focalHanoi: 'focal.hanoi@demo.steerboard.vn',
  leader: 'leader@demo.steerboard.vn',
  handler: 'handler@demo.steerboard.vn',
  inspector: 'inspector@demo.steerboard.vn',
} as const;

/** Labels as the screens show them: the tests read the same catalogue, so wording changes do not break them. */
export const vi = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
export const label = (locale: Locale, key: MessageKey, params?: MessageParams) => translate(locale, key, params);

/**
 * A page in a browser context of its own, for a journey with several people (a citizen and a
 * handler…): each keeps their session. The context takes the project's options (base URL,
 * viewport, language) and is traced like the test's own page; Playwright closes it after the test.
 */
export async function pageFor(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/**
 * Signs in through the form, as a person would, and waits for the shell. The sign-in page sends
 * the person on to `redirect`: the organizations page by default, where the older journeys start
 * (people who follow tasks otherwise land on the dashboard); null for the landing page itself.
 */
export async function signIn(
  page: Page,
  email: string = ACCOUNTS.admin,
  password: string = DEMO_PASSWORD,
  redirect: string | null = '/organizations',
): Promise<void> {
  await page.goto(redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in');
  await page.getByLabel(vi('signIn.email')).fill(email);
  await page.getByLabel(vi('signIn.password')).fill(password);
  await page.getByRole('button', { name: vi('signIn.submit') }).click();
  // The banner rather than the navigation: on a phone the navigation starts hidden.
  await page.getByRole('banner').waitFor();
  if (redirect === '/organizations') await page.getByRole('heading', { level: 1, name: vi('orgs.title') }).waitFor();
}

/** axe's serious and critical findings on the page as it is now, one readable line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A write through the API with the page's session and its CSRF token, as the web app sends it. */
export async function apiSend<T>(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/auth/session');
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    data: data as Record<string, unknown>,
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}
