/**
 * Browser tests: a canned response an admin adds on its page is offered to an agent by the
 * composer's "/" menu and inserted with Enter; an empty menu says how to get one; a "/word"
 * that is no canned response is never sent without asking.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, consoleApi, createCustomer, customerSays, eventually, launch, shot, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;
const outbound = async (page: Parameters<typeof consoleApi>[0], phone: string) =>
  (
    (await consoleApi(page, 'GET', `/api/conversations/${encodeURIComponent(phone)}/messages`)).json as {
      messages: { direction: string; text?: string; content?: { text?: string } }[];
    }
  ).messages.filter((m) => m.direction === 'out');

describe('canned responses', () => {
  it('added by an admin on their page are inserted by an agent with "/" and sent', async () => {
    const shortcut = `ship${Math.random().toString(36).slice(2, 7)}`;
    const text = `Your parcel leaves our workshop within 24 hours (${shortcut}).`;
    const admin = await signedIn(browser, ADMIN());
    await admin.page.goto('/canned-responses');
    await admin.page.getByLabel('Shortcut').fill(shortcut);
    await admin.page.getByLabel('Title').fill('Shipping time');
    await admin.page.getByLabel('Text').fill(text);
    await admin.page.getByRole('button', { name: 'Add', exact: true }).click();
    await admin.page
      .getByRole('row')
      .filter({ hasText: `/${shortcut}` })
      .waitFor();
    await shot(admin.page, 'canned-responses');
    await admin.context.close();

    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Anouk');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'When will my order ship?');
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('When will my order ship?').waitFor();
    const box = page.getByLabel('Reply', { exact: true });
    await box.fill(`/${shortcut.slice(0, 6)}`);
    await page
      .getByRole('listbox', { name: 'Canned responses' })
      .getByRole('option', { name: new RegExp(shortcut) })
      .waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe(text);
    await box.press('Enter');
    await eventually('the canned text to be sent', async () =>
      (await outbound(page, phone)).some((m) => (m.text ?? m.content?.text) === text),
    );
    await context.close();
  });

  it('never sends an unknown "/word" on Enter: the menu says none matches, then Enter asks', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Basile');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Hi there');
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('Hi there').waitFor();
    const box = page.getByLabel('Reply', { exact: true });
    await box.fill('/unknownthing');
    await page.getByText('No canned response matches “/unknownthing”.').waitFor();
    await page.getByText('An admin can add them on the Canned responses page.').waitFor();
    await box.press('Enter');
    await page.getByRole('alert').getByText('“/unknownthing” is not a canned response. Send the text as written?').waitFor();
    await box.press('Enter');
    await shot(page, 'canned-ask');
    await new Promise((r) => setTimeout(r, 500));
    expect(await box.inputValue()).toBe('/unknownthing');
    expect(await outbound(page, phone)).toEqual([]);

    // Asked, and answered: it goes out as written.
    await page.getByRole('button', { name: 'Send as written' }).click();
    await eventually('the text to be sent as written', async () =>
      (await outbound(page, phone)).some((m) => (m.text ?? m.content?.text) === '/unknownthing'),
    );
    await context.close();
  });

  it('shows an admin a link to the page when nothing matches', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Chloé');
    const { context, page } = await signedIn(browser, ADMIN());
    await customerSays(page, phone, 'Bonjour');
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('Bonjour').waitFor();
    await page.getByLabel('Reply', { exact: true }).fill('/zzznothing');
    await page.getByRole('link', { name: 'Add one' }).click();
    await page.getByRole('heading', { name: 'Canned responses' }).waitFor();
    await context.close();
  });
});
