import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { translate, type Locale, type MessageKey, type MessageParams } from '../src/shared/i18n/index.ts';

export const BASE_URL = requireEnv('BASE_URL');
export const DEMO_PASSWORD = requireEnv('DEMO_PASSWORD');

export const ACCOUNTS = {
  admin: 'admin@demo.steerboard.vn',
  steering: 'steering@demo.steerboard.vn',
  focalMinistry: 'focal.bkhcn@demo.steerboard.vn',
  focalHanoi: 'focal.hanoi@demo.steerboard.vn',
  leader: 'leader@demo.steerboard.vn',
  handler: 'handler@demo.steerboard.vn',
  inspector: 'inspector@demo.steerboard.vn',
} as const;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys through "npm run test:e2e"`);
  return value;
}

/** Labels as the screens show them: the tests read the same catalogue, so wording changes do not break them. */
export const vi = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
export const label = (locale: Locale, key: MessageKey, params?: MessageParams) => translate(locale, key, params);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'vi-VN',
  });
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
