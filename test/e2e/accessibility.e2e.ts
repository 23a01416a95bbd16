/**
 * Browser tests: axe-core finds no serious or critical violation on the sign-in page, the inbox
 * with a thread, the card builder, the simulator and the settings; dialogs keep the focus; the
 * composer's tabs follow the ARIA tabs pattern (arrow keys).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { ADMIN, baseURL, createCustomer, customerSays, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;
const expectClean = async (page: Page, where: string) =>
  expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });

async function openThread(page: Page, name: string): Promise<string> {
  const phone = uniquePhone('rcs');
  await createCustomer(phone, name);
  await customerSays(page, phone, `Bonjour, c’est ${name}`);
  await page.goto(conversation(phone));
  await page.getByRole('log').getByText(`Bonjour, c’est ${name}`).waitFor();
  return phone;
}

describe('axe-core', () => {
  it('finds no serious or critical violation on the sign-in page', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').waitFor();
    await expectClean(page, 'sign-in');
    await context.close();
  });

  it('finds none on the inbox with a thread, the card builder, the simulator and the settings', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const phone = await openThread(page, 'Héloïse');
    await expectClean(page, 'inbox with a thread');
    await page.getByRole('button', { name: 'Card' }).click();
    await page.getByRole('dialog').waitFor();
    await expectClean(page, 'card builder');
    await page.keyboard.press('Escape');
    await page.goto(`/simulator/${encodeURIComponent(phone)}`);
    await page.getByText(`Bonjour, c’est Héloïse`).waitFor();
    await expectClean(page, 'simulator');
    await page.goto('/settings');
    await page.getByLabel('Brand name').waitFor();
    await expectClean(page, 'settings');
    await context.close();
  });
});

describe('keyboard', () => {
  it('keeps Tab inside a dialog (the card builder, the shortcut help)', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    await openThread(page, 'Maëlle');
    await page.getByRole('button', { name: 'Card' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 700, y: 300 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await help.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
    }
    await context.close();
  });

  it('moves between the composer tabs with the arrow keys', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    await openThread(page, 'Noé');
    const reply = page.getByRole('tab', { name: 'Reply' });
    const note = page.getByRole('tab', { name: 'Private note' });
    await reply.focus();
    await page.keyboard.press('ArrowRight');
    expect(await note.getAttribute('aria-selected')).toBe('true');
    expect(await note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await reply.getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('ArrowLeft');
    expect(await reply.getAttribute('aria-selected')).toBe('true');
    await context.close();
  });
});
