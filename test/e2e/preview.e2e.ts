/**
 * Browser test: the card builder previews a personalised card as a chosen customer gets it,
 * on the RCS phone and as an SMS with its parts, and a template error shows on its field and
 * holds the card back.
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

describe('the message preview in the card builder', () => {
  it('renders {{ first_name }} for a picked customer on RCS and SMS, and blocks a wrong template', async () => {
    const camille = uniquePhone('rcs');
    const ines = uniquePhone('sms');
    const inesName = `Inès${Date.now().toString(36)}`;
    await createCustomer(camille, 'Camille');
    await createCustomer(ines, inesName);
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, camille, 'Bonjour !');
    await customerSays(page, ines, 'Salut');

    await page.goto(`/inbox/${encodeURIComponent(camille)}`);
    await page.getByRole('log').getByText('Bonjour !').waitFor();
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title').fill('Bonjour {{ first_name | default: "vous" }}');

    // First as the conversation's own customer.
    const rcs = builder.getByLabel('On an RCS phone');
    await rcs.getByText('Bonjour Camille').waitFor();

    // Then as another customer, found by name.
    await builder.getByRole('button', { name: /Camille/ }).click();
    await builder.getByLabel('Search a customer by name or number').fill(inesName);
    await builder.getByRole('button', { name: new RegExp(inesName) }).click();
    await rcs.getByText(`Bonjour ${inesName}`).waitFor();
    const bubble = builder.getByTestId('sms-bubble');
    await expect.poll(() => bubble.textContent()).toBe(`Bonjour ${inesName}`);
    const segments = builder.getByTestId('sms-segments');
    await expect.poll(() => segments.textContent()).toContain(`1 SMS segment(s) · GSM-7 · ${`Bonjour ${inesName}`.length} chars`);
    await expect(builder.getByRole('button', { name: 'Attach card' }).isEnabled()).resolves.toBe(true);

    // A filter that does not exist: the error is on the field, and the card cannot be attached.
    await builder.getByLabel('Title').fill('{{ first_name | nope }}');
    const error = builder.locator('.field-error[data-path="content.card.title"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('undefined filter: nope');
    await expect(builder.getByRole('button', { name: 'Attach card' }).isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
