/**
 * Browser tests: a customer's data as an agent reads it (Yes/No, amounts in the brand's
 * currency, one RCS answer between the list and the panel), the unread count in the tab title,
 * the palette's shortcut as this keyboard labels it, and no English left in French mode.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, consoleApi, customerSays, eventually, launch, signedIn, uniquePhone, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;

describe('customer data', () => {
  it('shows booleans as Yes/No and amounts in the brand’s currency, and the same RCS answer as the list', async () => {
    const phone = uniquePhone('rcs');
    const r = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
      first_name: 'Octave',
      last_name: 'Test',
      properties: { vip: false, total_spent: 142, preferred_category: 'shoes' },
    });
    expect(r.status).toBe(200);
    const admin = await signedIn(browser, ADMIN());
    const before = (await consoleApi(admin.page, 'GET', '/api/settings')).json as { currency: string };
    expect((await consoleApi(admin.page, 'PUT', '/api/settings', { currency: 'USD' })).status).toBe(200);
    try {
      const { context, page } = await signedIn(browser, AGENT);
      await customerSays(page, phone, 'Where is my order?');
      await page.goto(conversation(phone));
      const panel = page.getByRole('complementary', { name: 'Customer' });
      await panel.getByText('Total spent').waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('$142.00');
      expect(text).toMatch(/VIP\s*No/);
      expect(text).not.toMatch(/false|Vip/);
      // The list badges the conversation RCS: the panel does not say "Unknown".
      const badge = await page.locator(`.pane-list a[data-phone="${phone}"] .badge`).textContent();
      if (badge === 'RCS') expect(text).not.toContain('Unknown');
      await context.close();
    } finally {
      await consoleApi(admin.page, 'PUT', '/api/settings', { currency: before.currency });
      await admin.context.close();
    }
  });
});

describe('the tab title and shortcut labels', () => {
  it('counts unread messages in the title and labels the palette Ctrl K off a Mac', async () => {
    const phone = uniquePhone('sms');
    await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, { first_name: 'Prune', last_name: 'Test' });
    const { context, page } = await signedIn(browser, AGENT);
    await customerSays(page, phone, 'Unread one');
    await page.goto('/inbox');
    await eventually('the title to count unread messages', async () => /^\(\d+\) /.test(await page.title()));
    expect(await page.getByText('Use j / k to move, Ctrl K to jump.').count()).toBe(1);
    expect(await page.getByText('⌘K').count()).toBe(0);
    await context.close();
  });
});

describe('French mode', () => {
  it('leaves no English in the thread, the header, the panel and the simulator', async () => {
    const phone = uniquePhone('rcs');
    await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
      first_name: 'Quentin',
      last_name: 'Test',
      properties: { vip: true, average_basket: 80 },
      consent: { marketing: 'subscribed', source: 'e2e' },
    });
    const { context, page } = await signedIn(browser, AGENT);
    await page.evaluate("localStorage.setItem('lang', 'fr')");
    await customerSays(page, phone, 'Bonjour');
    await consoleApi(page, 'POST', `/api/conversations/${encodeURIComponent(phone)}/messages`, {
      content: { type: 'text', text: 'Bonjour Quentin' },
    });
    await page.goto(conversation(phone));
    await page.getByRole('log').getByText('Bonjour Quentin').waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    for (const english of [
      '(me)',
      ' AM',
      ' PM',
      'Transactional',
      'System',
      'via api',
      'via keyword',
      'Vip',
      'Average basket',
      'segment(s)',
    ]) {
      expect(main, english).not.toContain(english);
    }
    const assignee = (await page.getByLabel('Attribuée à').textContent()) ?? '';
    expect(assignee).toContain('(moi)');
    const railLabel = await page.locator('nav.rail').getAttribute('aria-label');
    expect(railLabel).not.toBe('Main');
    await page.goto(`/simulator/${encodeURIComponent(phone)}`);
    await page.getByText('Bonjour Quentin').waitFor();
    expect(await page.getByPlaceholder('RCS message').count()).toBe(0);
    await context.close();
  });
});
