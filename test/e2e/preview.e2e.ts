/**
 * Browser tests: the card builder previews a personalised card as a chosen customer gets it,
 * on the RCS phone and as an SMS with its parts, and a template error shows on its field and
 * holds the card back; the carousel builder does the same for each card, and marks the card.
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

describe('attaching from the card builder', () => {
  it('waits for the preview of the words as they are now, not the answer about the words before', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Camille');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Une question');
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Une question').waitFor();
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title', { exact: true }).fill('Bonjour {{ first_name }}');
    const attach = builder.getByRole('button', { name: 'Attach card' });
    await builder.getByLabel('On an RCS phone').getByText('Bonjour Camille').waitFor();
    await expect(attach.isEnabled()).resolves.toBe(true);

    // The next preview is held on the wire: until it answers, the new words cannot be attached.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/preview', async (route) => {
      await held;
      await route.continue();
    });
    await builder.getByLabel('Title', { exact: true }).fill('{{ first_name | nope }}');
    await expect.poll(() => attach.isDisabled()).toBe(true);
    release();
    await builder.locator('.field-error[data-path="content.card.title"]').waitFor();
    await expect(attach.isDisabled()).resolves.toBe(true);
    await context.close();
  });
});

describe('the message preview in the carousel builder', () => {
  it('renders each card for the customer, marks the card and the field of a template error, and holds the carousel back', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Camille');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Des nouveautés ?');
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Des nouveautés ?').waitFor();
    await page.getByRole('button', { name: 'Carousel', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Carousel builder' });
    await builder.getByLabel('Card 1 · Title').fill('Pour {{ first_name }}');
    await builder.getByLabel('Card 1 · Button text 1').fill('Voir');
    await builder.getByRole('tab', { name: 'Card 2' }).click();
    await builder.getByLabel('Card 2 · Title').fill('{{ first_name | nope }}');
    await builder.getByLabel('Card 2 · Button text 1').fill('Voir aussi');

    const error = builder.locator('.field-error[data-path="content.cards.1.title"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('undefined filter: nope');
    const attach = builder.getByRole('button', { name: 'Attach carousel' });
    await expect(attach.isDisabled()).resolves.toBe(true);
    // From another card, the tab says where the error is.
    await builder.getByRole('tab', { name: 'Card 1' }).click();
    await expect(builder.getByRole('tab', { name: 'Card 2' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(builder.getByRole('tab', { name: 'Card 1' }).getAttribute('aria-invalid')).resolves.toBeNull();

    await builder.getByRole('tab', { name: 'Card 2' }).click();
    await builder.getByLabel('Card 2 · Title').fill('Et {{ first_name | upcase }}');
    const rcs = builder.getByLabel('On an RCS phone');
    await rcs.getByText('Pour Camille').waitFor();
    await rcs.getByText('Et CAMILLE').waitFor();
    await expect(builder.getByRole('tab', { name: 'Card 2' }).getAttribute('aria-invalid')).resolves.toBeNull();
    await attach.click();
    await page.getByRole('region', { name: 'Carousel · 2 cards' }).waitFor();
    await context.close();
  });
});
