/**
 * Browser tests of the results: a marketer lands on the dashboard, which shows the month's
 * figures, and a campaign's report renders its funnel, RCS and SMS side by side. Runs its own
 * Worker with the demo data on (a month of seeded touches and orders, worker/results/demo.ts):
 * the shared server of the other specs starts empty.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview, SourceReport } from '../../schemas/results';
// @ts-expect-error: plain ESM helper shared with the screenshot and bench scripts (no types)
import { startDevServer } from '../../scripts/dev-server.mjs';
import { launch, MARKETER } from './helpers';

let browser: Browser;
let server: { url: string; stop(): void };

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startDevServer({ vars: { DEMO_DATA: '1' } })]);
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function marketerHome() {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(MARKETER.email);
  await page.getByLabel('Password').fill(MARKETER.password);
  // The figures the dashboard itself received: the demo's Profile objects may still add a touch
  // (an RCS fallback deadline, say) between its request and one made by the test.
  const overviewResponse = page.waitForResponse((r) => r.url().includes('/api/results/overview?days=30') && r.ok());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  const overview = (await (await overviewResponse).json()) as Overview;
  return { context, page, overview };
}

describe('the results dashboard', () => {
  it("is a marketer's home, with the last 30 days' figures, charts and their tables", async () => {
    const { context, page, overview } = await marketerHome();
    expect(overview.totals.sent).toBeGreaterThan(1000);
    expect(overview.totals.revenue).toBeGreaterThan(0);

    const kpis = page.getByTestId('kpis');
    await kpis.getByText(overview.totals.sent.toLocaleString('en-US'), { exact: true }).waitFor();
    await kpis.getByText(/€[\d,]+/).waitFor();
    await page.locator('[data-testid=messages-over-time] canvas').first().waitFor();
    await page.locator('[data-testid=revenue-over-time] canvas').first().waitFor();
    // The text alternative: one row per day, RCS and SMS.
    const table = page.getByRole('table', { name: 'Messages by channel over time' });
    expect(await table.locator('tbody tr').count()).toBe(30);
    const channels = page.getByTestId('by-channel');
    const sentRow = channels.getByRole('row', { name: /Messages sent/ });
    await expect(sentRow.textContent()).resolves.toContain(overview.totals.by_channel.rcs.sent.toLocaleString('en-US'));
    await expect(sentRow.textContent()).resolves.toContain(overview.totals.by_channel.sms.sent.toLocaleString('en-US'));
    await context.close();
  });

  it("opens a campaign's report with its funnel, RCS vs SMS, and a second click window to compare", async () => {
    const { context, page } = await marketerHome();
    await page.getByTestId('sources').getByRole('link', { name: 'demo_spring_launch' }).click();
    await page.getByRole('heading', { name: 'Report: demo_spring_launch' }).waitFor();
    const report = (await (await page.request.get('/api/results/demo_spring_launch')).json()) as SourceReport;
    const funnel = page.getByTestId('funnel');
    await funnel.locator('canvas').first().waitFor();
    const funnelTable = funnel.getByRole('table', { name: 'Funnel' });
    const sent = funnelTable.getByRole('row', { name: /Messages sent/ });
    await expect(sent.locator('td').allTextContents()).resolves.toEqual([
      report.metrics.by_channel.rcs.sent.toLocaleString('en-US'),
      report.metrics.by_channel.sms.sent.toLocaleString('en-US'),
      report.metrics.sent.toLocaleString('en-US'),
    ]);
    const orders = funnelTable.getByRole('row', { name: /Orders/ });
    await expect(orders.locator('td').last().textContent()).resolves.toBe(report.metrics.conversions.toLocaleString('en-US'));
    expect(report.metrics.conversions).toBeGreaterThan(0);
    await funnel.getByRole('button', { name: 'Show as a table' }).click();
    await expect(funnelTable.isVisible()).resolves.toBe(true);

    await page.getByLabel('Compare with a click window of').selectOption('1d');
    await expect(page.getByTestId('compare').textContent()).resolves.toMatch(/^With 1 d: [\d,]+ orders/);
    await context.close();
  });
});
