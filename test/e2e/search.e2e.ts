/**
 * Browser tests: the list's search box and the ⌘K palette find "Léa" by "lea", a customer by
 * their email, part of their number or their French national number, and by the words of a
 * message they wrote.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { AGENT, consoleApi, customerSays, eventually, launch, signedIn, uniquePhone, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const tag = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x');

async function customer(first: string, last: string, email: string): Promise<string> {
  const phone = uniquePhone('sms');
  const r = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, { first_name: first, last_name: last, email, locale: 'fr' });
  if (r.status !== 200) throw new Error(`PUT profile answered ${r.status}`);
  return phone;
}

/** Types `q` in the list's search box; the list then shows that one customer, and nobody else. */
async function searchFinds(page: Page, q: string, name: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search names, emails, numbers, messages' });
  await box.fill(q);
  await eventually(`"${q}" to list ${name} alone`, async () => {
    const names = await page.locator('.pane-list .conv-name').allInnerTexts();
    return names.length === 1 && names[0] === name;
  });
}

describe('search', () => {
  it('finds names without accents, emails, part of a number and a national number', async () => {
    const last = `Dufresne${tag()}`;
    const phone = await customer('Léa', last, `lea.${last.toLowerCase()}@example.com`);
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Bonjour');
    await page.goto('/inbox');
    await searchFinds(page, `lea ${last.toLowerCase()}`, `Léa ${last}`);
    await searchFinds(page, `lea.${last.toLowerCase()}@example`, `Léa ${last}`);
    await searchFinds(page, phone.slice(4, 10), `Léa ${last}`);
    const national = `0${phone.slice(3)}`.replace(/(\d\d)(?=\d)/g, '$1 ');
    await searchFinds(page, national, `Léa ${last}`);
    await context.close();
  });

  it('finds the words of a message, from the list and from the palette', async () => {
    const last = `Marchand${tag()}`;
    const phone = await customer('Chloé', last, `c.${last.toLowerCase()}@example.com`);
    const word = `camel${tag()}`;
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, `Is the ${word} coat back in stock?`);
    // Message words reach the index with the customer's directory write (a few seconds later).
    await eventually('the message to be indexed', async () => {
      const r = await consoleApi(page, 'GET', `/api/conversations?q=${word}`);
      return (r.json as { conversations: unknown[] }).conversations.length === 1;
    });
    await page.goto('/inbox');
    await searchFinds(page, word, `Chloé ${last}`);
    await page.getByRole('searchbox').fill('');
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('textbox').fill(`chloe ${last.toLowerCase()}`);
    await page
      .getByRole('dialog')
      .getByRole('option', { name: new RegExp(`Chloé ${last}`) })
      .waitFor();
    await page.getByRole('dialog').getByRole('textbox').fill(word);
    await page
      .getByRole('dialog')
      .getByRole('option', { name: new RegExp(`Chloé ${last}`) })
      .waitFor({ timeout: 15_000 });
    await context.close();
  });
});
