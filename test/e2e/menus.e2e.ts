/**
 * Browser tests: the thread header's menus (Labels, Snooze) open one at a time, close on Escape
 * (focus back on their button) and on a click outside, and move with the arrow keys; a snoozed
 * conversation's header keeps "Snoozed until …" on one line.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, consoleApi, createCustomer, customerSays, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('header menus', () => {
  it('open one at a time, close on Escape and outside clicks, and follow the arrow keys', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Romane');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Menus please');
    expect((await consoleApi(page, 'PATCH', `/api/conversations/${encodeURIComponent(phone)}`, { labels: ['vip'] })).status).toBe(200);
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Menus please').waitFor();
    const labels = page.getByRole('button', { name: 'Labels' });
    const snooze = page.getByRole('button', { name: 'Snooze' });

    await labels.click();
    await page.getByRole('menu', { name: 'Labels' }).waitFor();
    await snooze.click();
    await page.getByRole('menu', { name: 'Snooze' }).waitFor();
    expect(await page.getByRole('menu').count()).toBe(1);

    // Focus starts on the first item; arrows move, wrapping around.
    const items = page.getByRole('menu', { name: 'Snooze' }).getByRole('menuitem');
    await expect.poll(() => items.first().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await items.nth(1).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await items.last().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await snooze.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await labels.click();
    await page.getByRole('menu', { name: 'Labels' }).waitFor();
    await page.getByRole('log').click();
    expect(await page.getByRole('menu').count()).toBe(0);
    await context.close();
  });

  it('keep a snoozed conversation’s "Snoozed until …" on one line', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Séverine');
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Later please');
    const until = new Date(Date.now() + 2 * 86400e3).toISOString();
    expect((await consoleApi(page, 'PATCH', `/api/conversations/${encodeURIComponent(phone)}`, { snooze: { until } })).status).toBe(200);
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    const line = page.locator('.thread-sub').getByText(/^Snoozed until /);
    await line.waitFor();
    // Wherever the header's title column ends up narrow beside the actions.
    for (const width of [1180, 1240, 1300, 1360, 1440, 1520, 1600, 1700]) {
      await page.setViewportSize({ width, height: 900 });
      const box = await line.boundingBox();
      expect(box?.height, `at ${width} px`).toBeLessThan(24);
    }
    await context.close();
  });
});
