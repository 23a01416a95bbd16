// Shared browser-test helpers: launch Debian's Chromium, sign in through the real form, call
// the APIs (console with the session + CSRF, /v1 with the API key), unique phone numbers.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseURL = () => inject('baseURL');
export const vars = () => inject('vars');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export const ADMIN = () => ({ email: vars().ADMIN_EMAIL!, password: vars().ADMIN_PASSWORD! });
export const AGENT = { email: 'agent@example.com', password: 'agent-password' };
export const MARKETER = { email: 'marketer@example.com', password: 'marketer-password' };

/** A fresh context signed in through the sign-in form; returns the page on the inbox. */
export async function signedIn(
  browser: Browser,
  who: { email: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/inbox');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  return { context, page };
}

/** A console API call as the signed-in user of `page` (cookie + CSRF token, like the app). */
export async function consoleApi(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const me = await page.request.get('/api/auth/me');
  const { csrf } = (await me.json()) as { csrf: string };
  const r = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrf, origin: baseURL(), 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status(), json: text ? (JSON.parse(text) as unknown) : null };
}

/** The server-to-server API with the test API key. */
export async function v1(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const r = await fetch(baseURL() + path, {
    method,
    headers: { authorization: `Bearer ${vars().API_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * A French mobile number no other test uses. The sandbox's default rule makes numbers ending
 * in an even digit RCS-capable and odd ones SMS-only.
 */
export function uniquePhone(kind: 'rcs' | 'sms' = 'rcs'): string {
  const body = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const last = Math.floor(Math.random() * 5) * 2 + (kind === 'rcs' ? 0 : 1);
  return `+3367${body}${last}`;
}

/** Polls `check` until it returns true (or throws with `what` after `ms`). */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A customer with marketing consent, known to the Profile object (server-to-server API). */
export async function createCustomer(phone: string, firstName: string): Promise<void> {
  const r = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
    first_name: firstName,
    last_name: 'Test',
    locale: 'en',
    timezone: 'Europe/Paris',
    consent: { marketing: 'subscribed', source: 'e2e checkout checkbox' },
  });
  if (r.status !== 200) throw new Error(`PUT profile answered ${r.status}: ${JSON.stringify(r.json)}`);
}

/** The simulated customer acts from their phone (reply, tap), through the simulator API. */
export async function customerSays(page: Page, phone: string, text: string): Promise<void> {
  const r = await consoleApi(page, 'POST', `/api/simulator/phones/${encodeURIComponent(phone)}/actions`, { type: 'reply', text });
  if (r.status !== 200) throw new Error(`simulator reply answered ${r.status}: ${JSON.stringify(r.json)}`);
}

/** With E2E_SCREENSHOTS=dir, keeps a PNG of the page (to look at a page a test drove). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
