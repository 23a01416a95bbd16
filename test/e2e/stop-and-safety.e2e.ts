/**
 * Browser tests: a customer's STOP, arriving while the agent writes, shows on the composer and
 * blocks the reply, keeping the draft; customer text with HTML or a `javascript:` URL renders as
 * inert text.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, createCustomer, customerSays, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('after STOP from the phone', () => {
  it('the composer says the customer opted out, refuses the reply and keeps what the agent had typed', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Nina');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Do you have the blue one?');

    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Do you have the blue one?').waitFor();
    // The agent is writing when the STOP arrives.
    await page.getByLabel('Reply', { exact: true }).fill('We have 20% off the blue one this week!');

    // The customer texts STOP from the simulator's reply box.
    const sim = await context.newPage();
    await sim.goto(`/simulator/${encodeURIComponent(phone)}`);
    await sim.getByLabel('Text message').fill('STOP');
    await sim.getByRole('button', { name: 'Send' }).click();
    await sim.getByText('STOP', { exact: true }).waitFor();

    // The opt-out shows in the thread and on the composer, live: no reply can go out.
    await page
      .getByRole('log')
      .getByText(/Marketing consent: Unsubscribed/)
      .waitFor({ timeout: 15_000 });
    await page.getByRole('status').filter({ hasText: 'replied STOP' }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Reply', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    // The draft is kept so nothing the agent wrote is lost.
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe('We have 20% off the blue one this week!');
    await context.close();
  });
});

describe('customer text with HTML and a javascript: URL', () => {
  it('renders as inert text: no element is created and no link points at javascript:', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Mallory');
    const { context, page } = await signedIn(browser, AGENT);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await customerSays(page, phone, '<img src=x onerror=alert(1)> look javascript:alert(2) and https://example.com/ok');

    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    const log = page.getByRole('log');
    await log.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await log.getByRole('link', { name: 'https://example.com/ok' }).getAttribute('href')).toBe('https://example.com/ok');
    // The inbox preview is text too.
    await page.locator(`a[data-phone="${phone}"]`).getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
