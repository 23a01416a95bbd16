/**
 * Browser test: a marketer starts a segment from the built-in VIP example, narrows it with a
 * second condition, sees the live count and the matching customer in the sample, and saves it
 * under a name of their own (listed with its count).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleApi, eventually, launch, MARKETER, shot, signedIn, uniquePhone, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('segments', () => {
  it('a marketer builds a segment from a built-in, sees the count and sample, and saves it', async () => {
    const phone = uniquePhone('rcs');
    const firstName = `Vip${Math.random().toString(36).slice(2, 8)}`;
    const put = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
      first_name: firstName,
      last_name: 'Lumière',
      properties: { vip: true },
      consent: { marketing: 'subscribed', source: 'e2e checkout checkbox' },
    });
    expect(put.status).toBe(200);
    const { context, page } = await signedIn(browser, MARKETER);
    const definition = {
      all: [
        { field: 'properties.vip', op: 'equals', value: true },
        { field: 'first_name', op: 'equals', value: firstName },
      ],
    };
    // The directory row follows the Profile object within seconds.
    await eventually('the profile in the directory', async () => {
      const r = await consoleApi(page, 'POST', '/api/segments/preview', { definition });
      return (r.json as { count?: number }).count === 1;
    });

    await page.goto('/segments');
    await page.getByRole('heading', { name: 'Segments' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'VIP' })
      .filter({ hasText: 'Example' })
      .getByRole('button', { name: 'Use as a starting point' })
      .click();
    const name = page.getByLabel('Name', { exact: true });
    expect(await name.inputValue()).toBe('VIP (copy)');
    // The built-in's condition, as the builder shows it.
    expect(await page.getByLabel('Property name').inputValue()).toBe('vip');

    await page.getByRole('button', { name: '+ Add a condition' }).click();
    const rows = page.locator('.seg-row');
    await rows.nth(1).getByLabel('Value').fill(firstName);
    await page.getByTestId('segment-count').filter({ hasText: '1 customer matches' }).waitFor();
    await page.getByTestId('segment-sample').getByText(`${firstName} Lumière`).waitFor();
    await page.getByTestId('segment-sample').getByText(phone).waitFor();
    await page.getByText('1 can receive marketing now').waitFor();

    const saved = `My VIPs ${firstName}`;
    await name.fill(saved);
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: saved });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('1');
    await shot(page, 'segment-builder');

    const list = await consoleApi(page, 'GET', '/api/segments');
    const mine = (list.json as { segments: { name: string; definition: unknown; count: number }[] }).segments.find((s) => s.name === saved);
    expect(mine).toMatchObject({ definition, count: 1 });
    await context.close();
  });

  it("names the built-in examples in the console's language", async () => {
    const { context, page } = await signedIn(browser, MARKETER);
    await page.evaluate("localStorage.setItem('lang', 'fr')");
    await page.goto('/segments');
    const examples = page.getByRole('row').filter({ hasText: 'Exemple' });
    await examples.filter({ hasText: 'Nouveaux clients' }).waitFor();
    await examples.filter({ hasText: 'Gros paniers' }).waitFor();
    await examples.filter({ hasText: 'Compatibles RCS' }).waitFor();
    expect(await examples.filter({ hasText: 'New customers' }).count()).toBe(0);
    await context.close();
  });
});
