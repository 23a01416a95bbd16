/**
 * Browser tests: a photo a customer sends is shown from the Worker's copy; the agent's browser
 * never contacts the host the carrier named (a tracking pixel there learns nothing). A
 * marketer sees the phone simulator read-only.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, baseURL, createCustomer, launch, MARKETER, signedIn, uniquePhone, vars } from './helpers';

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let browser: Browser;
let thirdParty: Server;
const hits: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  browser = await launch();
  // The third-party host a carrier names in its callback, recording who asks for the file.
  thirdParty = createServer((req, res) => {
    hits.push(req.headers);
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => thirdParty?.close(() => resolve()));
});

/** The customer's phone sends a photo: a signed sandbox callback, as the network reports it. */
async function customerSendsPhoto(phone: string, url: string): Promise<void> {
  const body = JSON.stringify({
    id: crypto.randomUUID(),
    phone,
    channel: 'rcs',
    type: 'message',
    text: 'My parcel arrived like this',
    media: [{ url }],
  });
  const signature = createHmac('sha256', vars().SANDBOX_SECRET!).update(body).digest('base64');
  const res = await fetch(`${baseURL()}/webhooks/sandbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-signature': signature },
    body,
  });
  if (res.status !== 200) throw new Error(`sandbox callback answered ${res.status}: ${await res.text()}`);
}

describe('a photo from the customer', () => {
  it('shows from /api/media, and the agent’s browser never requests the third-party host', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Paula');
    const third = `http://127.0.0.1:${(thirdParty.address() as AddressInfo).port}`;
    await customerSendsPhoto(phone, `${third}/pixel.png?campaign=track-me`);
    expect(hits).toHaveLength(1); // the Worker's copy, when the callback arrived

    const { context, page } = await signedIn(browser, AGENT);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('My parcel arrived like this').waitFor();
    const img = page.getByRole('log').locator('img.media-standalone');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^\/api\/media\/inbound\//);
    await expect.poll(() => img.evaluate((el) => (el as { naturalWidth: number }).naturalWidth)).toBe(1);
    expect(requested.filter((u) => u.startsWith(third))).toEqual([]);
    expect(hits).toHaveLength(1);
    await context.close();
  });
});

describe('the phone simulator for a marketer', () => {
  it('shows the phone without the reply box or the mode switch', async () => {
    const phone = uniquePhone('rcs');
    await createCustomer(phone, 'Mona');
    const { context, page } = await signedIn(browser, MARKETER);
    await page.goto(`/simulator/${encodeURIComponent(phone)}`);
    await page.getByText('Read only: agents and admins act as the customer.').waitFor();
    expect(await page.getByLabel('Text message').count()).toBe(0);
    expect(
      await page
        .getByLabel(/^Mode /)
        .first()
        .isDisabled(),
    ).toBe(true);
    await context.close();
  });
});
