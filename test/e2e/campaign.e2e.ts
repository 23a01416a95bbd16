/**
 * Browser tests: a marketer builds the back-in-stock campaign from its scenario, previews it as
 * one customer on RCS and as an SMS, picks a saved segment as its audience, checks who of it the
 * campaign reaches, sends it, and watches the progress reach 100 %; and a finished campaign's
 * page shows its results: the funnel, and the revenue of the order it brought.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MARKETER, consoleApi, customerSays, eventually, launch, signedIn, v1 } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A zone where it is now between 10:00 and 18:00, so US quiet hours (08:00-21:00) never hold the send. */
function daytimeZone(): string {
  const zones = [
    'Pacific/Honolulu',
    'America/Los_Angeles',
    'America/New_York',
    'America/Sao_Paulo',
    'Europe/London',
    'Asia/Dubai',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Pacific/Auckland',
  ];
  const hour = (zone: string) =>
    Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  return zones.find((z) => hour(z) >= 10 && hour(z) <= 18) ?? 'UTC';
}

/** A US number (+1 212 …) no other test uses; even last digit: RCS on the sandbox. */
const usPhone = (last: number) =>
  `+1212${400 + Math.floor(Math.random() * 400)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}${last}`;

describe('a campaign from the back-in-stock scenario', () => {
  it('is previewed as one customer (RCS and SMS), sent to a segment picked in the list and followed to 100 %', async () => {
    const zone = daytimeZone();
    const tag = Date.now().toString(36);
    const name = `Noa${tag}`;
    const surname = `Lin${tag}`;
    const phones = [usPhone(2), usPhone(3)];
    for (const [i, phone] of phones.entries()) {
      const r = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
        first_name: i === 0 ? name : 'Sam',
        // The segment below picks these two by this surname, which no other test uses.
        last_name: surname,
        timezone: zone,
        consent: { marketing: 'subscribed', source: 'e2e checkout checkbox' },
      });
      expect(r.status).toBe(200);
    }
    // They write first (through the simulator, an agent's tool), so the preview's customer search finds them.
    const admin = await signedIn(browser, ADMIN());
    for (const phone of phones) await customerSays(admin.page, phone, 'Hello');
    await admin.context.close();
    const segmentName = `Waiting for the ${name} restock`;
    const definition = { all: [{ field: 'last_name', op: 'equals', value: surname }] };
    const created = await v1('POST', '/v1/segments', { name: segmentName, definition });
    expect(created.status).toBe(201);
    const { context, page } = await signedIn(browser, MARKETER);
    // The directory rows follow the Profile objects within seconds.
    await eventually('both customers in the segment', async () => {
      const r = await consoleApi(page, 'POST', '/api/segments/preview', { definition });
      return (r.json as { count?: number }).count === 2;
    });

    await page.goto('/campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByLabel('Start from').selectOption('backInStock');
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Back in stock');

    // Preview as the first customer: the title's template is filled with their name.
    await page.getByRole('button', { name: /a sample customer/ }).click();
    await page.getByLabel('Search a customer by name or number').fill(name);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByLabel('On an RCS phone').getByText(`Back in stock, ${name}`).waitFor();
    await expect.poll(() => page.getByTestId('sms-bubble').textContent()).toContain(`Back in stock, ${name}:`);
    await expect.poll(() => page.getByTestId('sms-segments').textContent()).toMatch(/SMS segment/);

    await page.getByRole('radio', { name: 'A saved segment' }).check();
    const picker = page.getByLabel('Segment', { exact: true });
    await picker.locator('option', { hasText: segmentName }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: `${segmentName} (2 people)` });
    await page.getByRole('button', { name: 'Check the audience' }).click();
    await expect.poll(() => page.getByTestId('audience-breakdown').textContent()).toContain('2 in the audience: 2 will get it');

    await page.getByRole('button', { name: 'Send campaign' }).click();
    await page.waitForURL(/\/campaigns\/cmp_/);
    await expect.poll(() => page.getByTestId('campaign-progress').textContent(), { timeout: 30_000 }).toBe('100 %');
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toContain('Sent');
    await expect(page.getByTestId('count-sent').textContent()).resolves.toBe('2');

    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const sent = await consoleApi(page, 'GET', `/api/campaigns/${id}`);
    expect((sent.json as { segment_id: string | null }).segment_id).toBe((created.json as { id: string }).id);
    await eventually('both recipients listed as sent', async () => {
      const r = await consoleApi(page, 'GET', `/api/campaigns/${id}/recipients`);
      const rows = (r.json as { recipients: { outcome: string }[] }).recipients;
      return rows.length === 2 && rows.every((x) => x.outcome === 'sent');
    });
    await context.close();
  }, 120_000);

  it("shows a finished campaign's funnel and the revenue of the order it brought", async () => {
    const phone = usPhone(4);
    const put = await v1('PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
      first_name: 'Lea',
      timezone: daytimeZone(),
      consent: { marketing: 'subscribed', source: 'e2e checkout checkbox' },
    });
    expect(put.status).toBe(200);
    const { context, page } = await signedIn(browser, MARKETER);
    const created = await consoleApi(page, 'POST', '/api/campaigns', {
      name: 'Report check',
      profiles: [phone],
      content: { type: 'text', text: 'The linen shirt is back.' },
    });
    expect(created.status).toBe(202);
    const id = (created.json as { id: string }).id;
    // The sandbox confirms delivery a second or two after the send: that touch earns the order.
    await eventually(
      'the message delivered',
      async () => {
        const r = await consoleApi(page, 'GET', `/api/results/${id}`);
        return (r.json as { metrics?: { delivered: number } }).metrics?.delivered === 1;
      },
      60_000,
    );
    const order = await v1('POST', '/v1/events', {
      phone,
      name: 'Placed Order',
      id: `ord_${id}`,
      value: 42.5,
      properties: { currency: 'EUR' },
    });
    expect(order.status).toBeLessThan(300);
    await eventually('the order attributed to the campaign', async () => {
      const r = await consoleApi(page, 'GET', `/api/results/${id}`);
      return (r.json as { metrics?: { conversions: number } }).metrics?.conversions === 1;
    });

    await page.goto(`/campaigns/${id}`);
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toContain('Sent');
    const report = page.getByTestId('source-report');
    await report.waitFor();
    const funnel = report.getByTestId('funnel');
    await funnel.locator('canvas').first().waitFor();
    const funnelTable = funnel.getByRole('table', { name: 'Funnel' });
    await expect(
      funnelTable
        .getByRole('row', { name: /Messages sent/ })
        .locator('td')
        .last()
        .textContent(),
    ).resolves.toBe('1');
    await expect(
      funnelTable
        .getByRole('row', { name: /Orders/ })
        .locator('td')
        .last()
        .textContent(),
    ).resolves.toBe('1');
    await expect(report.getByTestId('kpis').locator('.kpi-revenue .kpi-value').textContent()).resolves.toMatch(/42\.50/);
    await context.close();
  }, 120_000);
});
