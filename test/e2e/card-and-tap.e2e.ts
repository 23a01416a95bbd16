/**
 * Browser tests: the agent's reply reaches the customer's phone as the customer sees it, and
 * the customer's tap comes back into the agent's thread live (no reload).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, createCustomer, customerSays, eventually, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a card reply', () => {
  it('is shown on the simulated phone, and the customer’s tap appears in the agent’s thread without reload', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Camille');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Hello, where is my order?');

    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Hello, where is my order?').waitFor();

    // Build the card in the card builder and send it.
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title').fill('Order #4521 is on its way');
    await builder.getByLabel('Description').fill('Arriving Thursday between 9:00 and 13:00.');
    await builder.getByLabel('Button text 1').fill('Track my parcel');
    // The SMS fallback preview is generated from the card, with its segment count.
    await expect(builder.getByLabel('SMS fallback text').inputValue()).resolves.toContain('Order #4521 is on its way');
    await builder.getByRole('button', { name: 'Attach card' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('log').getByText('Order #4521 is on its way').waitFor();

    // The simulated phone shows the card with its button, as RCS.
    const sim = await context.newPage();
    await sim.goto(`/simulator/${encodeURIComponent(phone)}`);
    const screen = sim.getByLabel('Camille Test', { exact: true });
    await screen.getByText('Order #4521 is on its way').waitFor();
    await screen.getByRole('button', { name: 'Track my parcel' }).click();

    // The agent's page, untouched since, shows the tap.
    await page.getByText('Tapped: Track my parcel').waitFor({ timeout: 15_000 });
    await eventually(
      'the thread to keep a single copy of the card',
      async () => (await page.getByRole('log').getByText('Order #4521 is on its way').count()) === 1,
    );
    await context.close();
  });
});
