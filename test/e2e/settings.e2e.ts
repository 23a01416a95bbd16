/**
 * Browser tests: the settings page shows every setting, grouped, and sets a compliance
 * setting that the server then answers (and the page shows again after a reload). A mistake is
 * named next to its field. Settings are deployment-wide: each test puts back what it changed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, consoleApi, launch, shot, signedIn } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the settings page', () => {
  it('sets the US window end and the frequency cap, which round-trip through the server', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const before = (await consoleApi(page, 'GET', '/api/settings')).json as Record<string, unknown>;
    try {
      await page.goto('/settings');
      await page.getByRole('group', { name: 'Brand' }).waitFor();
      const compliance = page.getByRole('group', { name: 'Compliance' });
      for (const label of ['Frequency cap', 'End of the French window', 'End of the US window', 'RCS Stop suggestion'])
        expect(await compliance.getByLabel(label).count(), label).toBe(1);
      expect(await page.getByLabel('Brand colour').getAttribute('type')).toBe('color');
      expect(await page.getByLabel('Help text').evaluate((e) => e.tagName)).toBe('TEXTAREA');
      await shot(page, 'settings-en');

      await compliance.getByLabel('End of the US window').fill('20:00');
      await compliance.getByLabel('Frequency cap').fill('48');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      expect((await consoleApi(page, 'GET', '/api/settings')).json).toMatchObject({ quiet_hours_us_end: '20:00', frequency_cap_hours: 48 });

      await page.reload();
      expect(await page.getByLabel('End of the US window').inputValue()).toBe('20:00');
      expect(await page.getByLabel('Frequency cap').inputValue()).toBe('48');
    } finally {
      expect((await consoleApi(page, 'PUT', '/api/settings', before)).status).toBe(200);
      await context.close();
    }
  });

  it('names a wrong value next to its field and sends nothing', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const before = (await consoleApi(page, 'GET', '/api/settings')).json;
    await page.goto('/settings');
    await page.getByLabel('Frequency cap').fill('500');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('must be at most 168 hours').waitFor();
    expect(await page.getByLabel('Frequency cap').getAttribute('aria-invalid')).toBe('true');
    expect((await consoleApi(page, 'GET', '/api/settings')).json).toEqual(before);
    await context.close();
  });

  it('reads well in French', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    await page.evaluate("localStorage.setItem('lang', 'fr')");
    await page.goto('/settings');
    await page.getByRole('group', { name: 'Conformité' }).getByLabel('Fin de la plage américaine').waitFor();
    await shot(page, 'settings-fr');
    await context.close();
  });
});
