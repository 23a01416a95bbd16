/**
 * Browser tests: a marketer switches a flow on and edits its card and delay on the Flows page,
 * and opens a flow's results report in its row;
 * a customer signs up on the hosted /subscribe page (plain HTML form, no script) and is asked
 * to reply YES.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, consoleApi, launch, MARKETER, shot, signedIn, uniquePhone, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Flows page', () => {
  it('lets a marketer switch the abandoned checkout on and edit its card and delay', async () => {
    const { context, page } = await signedIn(browser, MARKETER);
    await page.goto('/flows');
    const row = page.getByRole('row').filter({ hasText: 'Abandoned checkout' });
    await row.waitFor();
    expect(await page.getByRole('row').count()).toBe(5);
    const toggle = row.getByRole('checkbox');
    const wasOn = await toggle.isChecked();
    try {
      if (!wasOn) await toggle.check();
      await row.getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog');
      const title = `Still thinking, {{ first_name | default: "friend" }}? ${Math.random().toString(36).slice(2, 6)}`;
      await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
      await dialog.getByLabel('Delay (minutes)').fill('90');
      await shot(page, 'flow-editor');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await row.getByText('90 min after').waitFor();
      const flows = (await consoleApi(page, 'GET', '/api/flows')).json as {
        key: string;
        enabled: boolean;
        content: { card?: { title?: string } };
      }[];
      const flow = flows.find((f) => f.key === 'abandoned_checkout');
      expect(flow?.enabled).toBe(true);
      expect(flow?.content.card?.title).toBe(title);
      await shot(page, 'flows');
    } finally {
      await consoleApi(page, 'PUT', '/api/flows/abandoned_checkout', { enabled: wasOn, delay_minutes: 60 });
      await context.close();
    }
  });
  it("opens a flow's results report (funnel by channel) in its row, with a link to its own page", async () => {
    const { context, page } = await signedIn(browser, MARKETER);
    await page.goto('/flows');
    const row = page.getByRole('row').filter({ hasText: 'Order confirmation' });
    const open = row.getByRole('button', { name: 'Report' });
    await expect(open.getAttribute('aria-expanded')).resolves.toBe('false');
    await open.click();
    await expect(open.getAttribute('aria-expanded')).resolves.toBe('true');
    const report = page.locator('#flow-report-order_confirmation');
    await report.getByTestId('funnel').locator('canvas').first().waitFor();
    await expect(
      report
        .getByRole('table', { name: 'Funnel' })
        .getByRole('row', { name: /Messages sent/ })
        .count(),
    ).resolves.toBe(1);
    await expect(report.getByRole('link', { name: 'Open the report on its own page' }).getAttribute('href')).resolves.toBe(
      '/results/flow_order_confirmation',
    );
    await context.close();
  });
});

describe('the signup page', () => {
  it('takes a number without JavaScript and asks for a YES by text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const phone = uniquePhone('sms');
    await page.goto(new URL('/subscribe?lang=en', baseURL()).toString());
    await page.getByLabel('Your mobile number').fill(phone);
    await page.getByRole('button', { name: 'Sign me up' }).click();
    await page.getByRole('status').getByText('reply YES').waitFor();
    await shot(page, 'signup-page');
    const res = await v1('GET', `/v1/profiles/${encodeURIComponent(phone)}/messages`);
    const out = (res.json as { messages: { direction: string; text?: string }[] }).messages.filter((m) => m.direction === 'out');
    expect(out).toHaveLength(1);
    expect(out[0]?.text).toContain('YES');
    await context.close();
  });
});
