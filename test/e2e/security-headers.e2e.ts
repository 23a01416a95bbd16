/**
 * Browser tests: the console works under its Content Security Policy (sign-in, inbox, a live
 * thread, the simulator and the admin pages) with no violation reported, and it refuses to be
 * framed, even by a page of its own origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, baseURL, createCustomer, customerSays, launch, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A context whose pages record every CSP violation, from the DOM event and from the console. */
async function watchedContext(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const violations: string[] = [];
  await context.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  // Page-side code as text: the tests compile without the DOM library.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  const page = await context.newPage();
  const watch = (p: Page) =>
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  watch(page);
  context.on('page', watch);
  return { context, page, violations };
}

describe('the console under its Content Security Policy', () => {
  it('signs in and renders the inbox, a live thread, the simulator and the admin pages with no violation', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Inès');
    const { context, page, violations } = await watchedContext();

    const doc = await page.goto('/inbox');
    const csp = doc?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(doc?.headers()['x-content-type-options']).toBe('nosniff');

    await page.getByLabel('Email').fill(ADMIN().email);
    await page.getByLabel('Password').fill(ADMIN().password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // A message arriving while the thread is open comes over the WebSocket (connect-src).
    await customerSays(page, phone, 'Bonjour, ma commande ?');
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Bonjour, ma commande ?').waitFor();
    await customerSays(page, phone, 'Elle arrive quand ?');
    await page.getByRole('log').getByText('Elle arrive quand ?').waitFor({ timeout: 15_000 });

    await page.goto(`/simulator/${encodeURIComponent(phone)}`);
    await page.getByText('Elle arrive quand ?').first().waitFor();
    for (const [path, heading] of [
      ['/users', 'Users'],
      ['/settings', 'Brand settings'],
      ['/api-keys', 'API keys'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('is never shown inside a frame, even by a page of its own origin', async () => {
    const { context, page, violations } = await watchedContext();
    await page.goto('/inbox');
    await page.evaluate(`new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = ${JSON.stringify(`${baseURL()}/inbox`)};
      frame.addEventListener('load', () => resolve());
      document.body.appendChild(frame);
      setTimeout(resolve, 5000);
    })`);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed).toBeDefined();
    // A blocked frame holds the browser's error page, never the console.
    expect(framed!.url()).not.toBe(`${baseURL()}/inbox`);
    expect(
      await framed!
        .locator('#app')
        .count()
        .catch(() => 0),
    ).toBe(0);
    expect(violations.join('\n')).toMatch(/frame-ancestors/);
    await context.close();
  });
});
