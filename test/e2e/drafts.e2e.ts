/**
 * Browser tests: what an agent typed stays with its conversation when they switch to another
 * one and come back, and after a reload; a half-written note comes back as a note.
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

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;

describe('drafts', () => {
  it('are kept per conversation across switching and a reload', async () => {
    const a = uniquePhone('sms');
    const b = uniquePhone('sms');
    await createCustomer(a, 'Gaspard');
    await createCustomer(b, 'Héloïse');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, a, 'Question from Gaspard');
    await customerSays(page, b, 'Question from Héloïse');
    await page.goto(conversation(a));
    await page.getByRole('log').getByText('Question from Gaspard').waitFor();
    await page.getByRole('textbox', { name: 'Reply', exact: true }).fill('Dear Gaspard, your parcel');

    await page.locator(`.pane-list a[data-phone="${b}"]`).click();
    await page.getByRole('log').getByText('Question from Héloïse').waitFor();
    await page.getByRole('tab', { name: 'Private note' }).click();
    await page.getByRole('textbox', { name: 'Private note' }).fill('Héloïse called about a refund');
    expect(await page.getByRole('textbox', { name: 'Private note' }).inputValue()).toBe('Héloïse called about a refund');

    await page.locator(`.pane-list a[data-phone="${a}"]`).click();
    await page.getByRole('log').getByText('Question from Gaspard').waitFor();
    expect(await page.getByRole('textbox', { name: 'Reply', exact: true }).inputValue()).toBe('Dear Gaspard, your parcel');

    await page.goto(conversation(b));
    await page.getByRole('log').getByText('Question from Héloïse').waitFor();
    expect(await page.getByRole('tab', { name: 'Private note' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Private note' }).inputValue()).toBe('Héloïse called about a refund');
    await context.close();
  });
});
