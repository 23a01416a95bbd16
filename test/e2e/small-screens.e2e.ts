/**
 * Browser tests at phone (390 px), portrait tablet (768 px) and small laptop (1024 px) widths:
 * the panes stack (list → thread → customer, each with a way back), the customer panel is a
 * toggle where it does not fit beside the thread, the simulator's phone shows at 390 px, and
 * the console is installable (a web app manifest).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, baseURL, createCustomer, customerSays, launch, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function signedInAt(width: number, height: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width, height }, locale: 'en-US', hasTouch: width < 800 });
  const page = await context.newPage();
  await page.goto('/inbox');
  await page.getByLabel('Email').fill(AGENT.email);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  return { page, close: () => context.close() };
}

async function stackedAt(width: number, height: number, name: string): Promise<void> {
  const phone = uniquePhone('rcs');
  await createCustomer(phone, name);
  const { page, close } = await signedInAt(width, height);
  await customerSays(page, phone, `Hello, ${name} here`);
  const list = page.getByRole('region', { name: 'Conversations' });
  await list.locator(`a[data-phone="${phone}"]`).click();
  const thread = page.getByRole('log');
  await thread.getByText(`Hello, ${name} here`).waitFor();
  expect(await list.isVisible()).toBe(false);

  await page.getByRole('button', { name: 'Customer details' }).click();
  const panel = page.getByRole('complementary', { name: 'Customer' });
  await panel.waitFor();
  expect(await thread.isVisible()).toBe(false);
  await panel.getByRole('button', { name: 'Hide customer details' }).click();
  await thread.waitFor();
  expect(await panel.isVisible()).toBe(false);

  await page.getByRole('link', { name: 'Back to the list' }).click();
  await list.waitFor();
  expect(await thread.isVisible()).toBe(false);
  await close();
}

describe('small screens', () => {
  it('stack list, thread and customer with a way back on a phone (390 px)', async () => {
    await stackedAt(390, 844, 'Ophélie');
  });

  it('stack them on a portrait tablet (768 px)', async () => {
    await stackedAt(768, 1024, 'Timothée');
  });

  it('show the customer panel on demand beside the thread at 1024 px', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Anaïs');
    const { page, close } = await signedInAt(1024, 768);
    await customerSays(page, phone, 'Hello from a laptop');
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Hello from a laptop').waitFor();
    const panel = page.getByRole('complementary', { name: 'Customer' });
    expect(await panel.isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Conversations' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Customer details' }).click();
    await panel.waitFor();
    expect(await page.getByRole('log').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Hide customer details' }).click();
    await panel.waitFor({ state: 'hidden' });
    await close();
  });

  it('show the simulator’s phone at 390 px, with a way back to the phones', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Bérénice');
    const { page, close } = await signedInAt(390, 844);
    await customerSays(page, phone, 'Sent from the simulator');
    await page.goto('/simulator');
    await page.locator(`a[href="/simulator/${encodeURIComponent(phone)}"]`).click();
    const screen = page.locator('.phone');
    await screen.getByText('Sent from the simulator').waitFor();
    const box = await screen.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.getByRole('link', { name: 'Phones' }).click();
    await page.locator(`a[href="/simulator/${encodeURIComponent(phone)}"]`).waitFor();
    await close();
  });

  it('is installable: a web app manifest with a start URL and icons', async () => {
    const context = await browser.newContext({ baseURL: baseURL() });
    const page = await context.newPage();
    await page.goto('/login');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const res = await page.request.get(href ?? '/missing');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ start_url: '/inbox', display: 'standalone', icons: expect.any(Array) });
    await context.close();
  });
});
