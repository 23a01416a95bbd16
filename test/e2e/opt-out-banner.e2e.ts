/**
 * Browser tests: a customer who opted out is shown as such on the composer before the agent
 * types anything: why (their STOP a few minutes ago, or an unsubscription recorded otherwise),
 * reply controls disabled, and what is still possible (a private note), in the agent's language.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, createCustomer, customerSays, launch, signedIn, uniquePhone, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;

describe('an opted-out customer', () => {
  it('who wrote STOP minutes ago: the composer says so before typing, Send and the box are disabled, a note is still possible', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Rosalie');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'STOP');
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('STOP', { exact: true }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'replied STOP' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Rosalie Test replied STOP \d+ min ago/);
    expect(await banner.textContent()).toContain('You can still add a private note');
    expect(await page.getByRole('textbox', { name: 'Reply', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Private note' }).click();
    expect(await page.getByRole('textbox', { name: 'Private note' }).isEnabled()).toBe(true);
    await context.close();
  });

  it('unsubscribed through the API: the reason and the date, in French for a French agent', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Amandine');
    const { context, page } = await signedIn(browser, ADMIN());
    await customerSays(page, phone, 'Hello?');
    // The message is older than the opt-out: no care window, replies are refused.
    const r = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
      consent: { marketing: 'unsubscribed', transactional: 'unsubscribed', source: 'e2e shop preference centre' },
    });
    expect(r.status).toBe(200);
    await page.evaluate("localStorage.setItem('lang', 'fr')");
    await page.reload();
    await page.getByRole('heading', { name: 'Boîte de réception' }).waitFor();
    await page.goto(conversation(phone));
    const banner = page.getByRole('status').filter({ hasText: 'désinscrit' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Amandine Test a été désinscrit le');
    expect(await banner.textContent()).not.toMatch(/opted out|replied|You can/);
    await context.close();
  });
});
