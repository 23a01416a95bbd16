/**
 * Browser tests for the customer's words and the SMS bill: a sentence that asks to stop gets a
 * one-click "Record opt-out" for agents (not marketers); the consent form never offers to
 * re-subscribe a customer who opted out themselves and shows the server's refusal when a stale
 * panel tries; the composer names the characters that force UCS-2 and makes the text GSM-safe.
 * Set E2E_SCREENSHOTS=dir to keep a screenshot of each state.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, MARKETER, consoleApi, createCustomer, customerSays, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string, closeUp?: Locator): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: join(dir, `${name}.png`) });
  if (closeUp) await closeUp.screenshot({ path: join(dir, `${name}-close.png`) });
}

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;

describe('a customer sentence that asks to stop', () => {
  it('offers "Record opt-out" to the agent (not the marketer), which opts the customer out with one confirmation', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Léa');
    const { context, page } = await signedIn(browser, AGENT);
    const words = 'Arrêtez de m’envoyer des SMS, merci';
    await customerSays(page, phone, words);

    // The marketer sees the warning but has no button.
    const marketer = await signedIn(browser, MARKETER);
    await marketer.page.goto(conversation(phone));
    await marketer.page.getByText('This may be a request to stop messages.').waitFor();
    expect(await marketer.page.getByRole('button', { name: 'Record opt-out' }).count()).toBe(0);
    await marketer.context.close();

    await page.goto(conversation(phone));
    const log = page.getByRole('log');
    await log.getByText(words).waitFor();
    const record = log.getByRole('button', { name: 'Record opt-out' });
    await record.waitFor();
    await shot(page, 'record-opt-out');
    await record.click();

    await log.getByText(/Marketing consent: Unsubscribed · via agent/).waitFor({ timeout: 15_000 });
    await log.getByText('The customer is opted out.').waitFor();
    // The same single confirmation a STOP gets, on the customer's phone.
    await log.getByText(/you are unsubscribed and will receive no more messages/).waitFor({ timeout: 15_000 });
    expect(await log.getByText(/you are unsubscribed/).count()).toBe(1);
    await shot(page, 'record-opt-out-done');
    await context.close();
  });
});

describe('the consent form after the customer’s own opt-out', () => {
  it('shows the server’s refusal from a stale panel, and no longer offers "Subscribed" once up to date', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Hugo');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Bonjour');
    // An agent's own opt-out: agents may undo it, so the form offers "Subscribed".
    const agentOptOut = await consoleApi(page, 'POST', `/api/conversations/${encodeURIComponent(phone)}/consent`, {
      purpose: 'marketing',
      status: 'unsubscribed',
      reason: 'Asked on the phone',
    });
    expect(agentOptOut.status).toBe(200);

    // No live updates for this page: the panel goes stale when the customer texts STOP.
    await page.routeWebSocket('**/api/ws', () => {});
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('Bonjour').waitFor();
    await page.getByText('Record a consent change').click();
    const status = page.getByLabel('New status');
    expect(await status.locator('option').allTextContents()).toEqual(['Subscribed', 'Unsubscribed']);

    await customerSays(page, phone, 'STOP');
    await status.selectOption('subscribed');
    await page.getByLabel('Reason').fill('Wants the newsletter again');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    const alert = page.locator('.consent-form').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /only they can opt back in, by texting START or by confirming a signup they started/,
    );
    await shot(page, 'consent-refused');

    await page.reload();
    await page.getByRole('log').getByText('STOP', { exact: true }).waitFor();
    await page.getByText('Record a consent change').click();
    expect(await page.getByLabel('New status').locator('option').allTextContents()).toEqual(['Unsubscribed']);
    await page.getByText(/The customer opted out themselves: only they can opt back in/).waitFor();
    await shot(page, 'consent-locked');
    await context.close();
  });
});

describe('the composer’s SMS count', () => {
  it('names the characters that force UCS-2 and makes the text GSM-safe in one click', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Inès');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Is my order ready?');
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('Is my order ready?').waitFor();

    const box = page.getByLabel('Reply', { exact: true });
    const draft = '“Good news” – your order’s ready… Pick it up at the store on rue de Rivoli, we are open until 7pm.';
    await box.fill(draft);
    const info = page.locator('.composer .segment-info');
    await expect(info.locator('.segments').textContent()).resolves.toBe('2 SMS segment(s) · UCS-2 · 98 chars');
    expect(await info.locator('.ucs2-char').allTextContents()).toEqual(['“', '”', '–', '’', '…']);
    await shot(page, 'gsm-safe-before', page.locator('.composer'));

    await info.getByRole('button', { name: 'Make GSM-safe (1 segment(s))' }).click();
    expect(await box.inputValue()).toBe(
      '"Good news" - your order\'s ready... Pick it up at the store on rue de Rivoli, we are open until 7pm.',
    );
    await expect(info.locator('.segments').textContent()).resolves.toBe('1 SMS segment(s) · GSM-7 · 100 chars');
    expect(await info.locator('.ucs2-char').count()).toBe(0);
    await shot(page, 'gsm-safe-after', page.locator('.composer'));

    // A French letter is the brand's word: named, but never replaced.
    await box.fill('Votre garçon de course arrive');
    expect(await info.locator('.ucs2-char').allTextContents()).toEqual(['ç']);
    expect(await info.getByRole('button').count()).toBe(0);
    await shot(page, 'gsm-safe-letter', page.locator('.composer'));

    // The card builder's SMS fallback: the lint names the characters, GSM-safe fixes them.
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title').fill('“Spring” sale – 30% off');
    await builder.getByLabel('Description').fill('Linen dresses, shirts and totes… until Sunday, in store and online while stocks last.');
    const smsAdvice = builder
      .getByRole('list', { name: 'Advice' })
      .getByText('“ ” – … force the SMS into UCS-2: 2 parts instead of 1. Use the GSM-safe replacement.');
    await smsAdvice.waitFor();
    await shot(page, 'gsm-safe-card');
    await builder.getByRole('button', { name: 'Make GSM-safe (1 segment(s))' }).click();
    expect(await builder.getByLabel('SMS fallback text').inputValue()).toBe(
      '"Spring" sale - 30% off\nLinen dresses, shirts and totes... until Sunday, in store and online while stocks last.',
    );
    // The advice comes from the server's preview (debounced), so it goes once the next answer is in.
    await expect.poll(() => smsAdvice.count()).toBe(0);
    await context.close();
  });
});
