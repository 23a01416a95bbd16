// POST /webhooks/shopify with Shopify-shaped payloads (test/fixtures/shopify): the HMAC is
// checked over the raw body (forged → 401, nothing recorded), a redelivery (same
// X-Shopify-Webhook-Id) is recorded once, each topic lands on the customer's Profile, and a
// customer without a usable phone is acknowledged and skipped.
import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { Profile } from '../../worker/profile.do';
import { describe, expect, it } from 'vitest';
import { signShopifyPayload } from '../../worker/providers/shopify/webhook';
import checkoutFixture from '../fixtures/shopify/checkouts-create.json';
import customerFixture from '../fixtures/shopify/customers-update.json';
import orderFixture from '../fixtures/shopify/orders-create.json';
import fulfilledFixture from '../fixtures/shopify/orders-fulfilled.json';
import { TEST_BINDINGS } from '../bindings';
import { api, enc, uniquePhone } from './helpers';

const FIXTURE_PHONE = '+33639981234';

/** The fixture with the customer's number replaced by a fresh one (national form where Shopify had it). */
function withPhone<T>(fixture: T, phone: string): T {
  const national = `0${phone.slice(3, 4)} ${phone.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  return JSON.parse(
    JSON.stringify(fixture)
      .replaceAll('"06 39 98 12 34"', JSON.stringify(national))
      .replaceAll('"+33 6 39 98 12 34"', JSON.stringify(phone))
      .replaceAll(`"${FIXTURE_PHONE}"`, JSON.stringify(phone)),
  ) as T;
}

async function deliver(topic: string, payload: unknown, opts: { id?: string; hmac?: string } = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  const hmac = opts.hmac ?? (await signShopifyPayload(TEST_BINDINGS.SHOPIFY_WEBHOOK_SECRET, body));
  return exports.default.fetch(
    new Request('http://localhost/webhooks/shopify', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Shopify-Topic': topic,
        'X-Shopify-Hmac-Sha256': hmac,
        'X-Shopify-Shop-Domain': 'maison-lumiere.myshopify.com',
        'X-Shopify-API-Version': '2025-01',
        'X-Shopify-Webhook-Id': opts.id ?? crypto.randomUUID(),
        'X-Shopify-Triggered-At': '2026-03-10T09:14:05.123456Z',
      },
      body,
    }),
  );
}

const events = (phone: string) => runInDurableObject(env.PROFILE.getByName(phone), (p: Profile) => p.recentEvents(phone, 50));
const profileOf = async (phone: string) => (await api('GET', `/v1/profiles/${enc(phone)}`)).json() as Promise<Record<string, unknown>>;

describe('POST /webhooks/shopify', () => {
  it('orders/create → Placed Order with value, order id and items, found by the shipping address phone', async () => {
    const phone = uniquePhone();
    const res = await deliver('orders/create', withPhone(orderFixture, phone));
    expect(res.status).toBe(200);
    const [event] = await events(phone);
    expect(event).toMatchObject({ name: 'Placed Order', id: '5829474189534', value: 124.9 });
    expect(event?.properties).toMatchObject({
      order_id: '5829474189534',
      order_name: '#1042',
      currency: 'EUR',
      items: [
        { product_id: '8712093499614', title: 'Bougie Figuier', quantity: 2, price: 34, sku: 'BOU-FIG-180' },
        { product_id: '8712093532382', title: 'Diffuseur Ambre', quantity: 1, price: 51 },
      ],
    });
    expect(event?.time).toBe('2026-03-10T09:14:03.000Z');
  });

  it('orders/fulfilled → Fulfilled Order with the tracking number and URL', async () => {
    const phone = uniquePhone();
    expect((await deliver('orders/fulfilled', withPhone(fulfilledFixture, phone))).status).toBe(200);
    const [event] = await events(phone);
    expect(event).toMatchObject({ name: 'Fulfilled Order' });
    expect(event?.properties).toMatchObject({
      order_id: '5829474189534',
      tracking_company: 'Colissimo',
      tracking_number: '6A23456789012',
      tracking_url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A23456789012',
    });
  });

  it('checkouts/create and checkouts/update → Started Checkout with the recovery URL', async () => {
    const phone = uniquePhone();
    const checkout = withPhone(checkoutFixture, phone);
    expect((await deliver('checkouts/create', checkout)).status).toBe(200);
    expect(
      (await deliver('checkouts/update', { ...checkout, updated_at: '2026-03-10T10:05:00+01:00', total_price: '102.00' })).status,
    ).toBe(200);
    const list = await events(phone);
    expect(list.map((e) => e.name)).toEqual(['Started Checkout', 'Started Checkout']);
    expect(list[0]).toMatchObject({ value: 102 });
    expect(list[0]?.properties).toMatchObject({
      checkout_token: 'b1946ac92492d2347c6235b4d2611184',
      recovery_url: checkout.abandoned_checkout_url,
    });
  });

  it('customers/update → profile fields and the SMS consent, logged with source shopify and its opt-in level and time', async () => {
    const phone = uniquePhone();
    expect((await deliver('customers/update', withPhone(customerFixture, phone))).status).toBe(200);
    const profile = await profileOf(phone);
    expect(profile).toMatchObject({ first_name: 'Camille', last_name: 'Martin', email: 'camille.martin@example.com' });
    expect(profile.consent).toMatchObject({ marketing: { status: 'subscribed' } });
    const [entry] = await env.PROFILE.getByName(phone).consentLog(phone);
    expect(entry).toMatchObject({
      purpose: 'marketing',
      status: 'subscribed',
      source: 'shopify',
      origin: 'confirmed_opt_in',
      origin_at: '2026-03-12T07:40:01.000Z',
    });
  });

  it("a single opt-in from Shopify does not override the customer's own STOP", async () => {
    const phone = uniquePhone({ rcs: false });
    const stub = env.PROFILE.getByName(phone);
    await stub.ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `stop-${phone}`,
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'STOP',
    });
    const customer = withPhone(customerFixture, phone);
    const later = new Date(Date.now() + 60_000).toISOString();
    const single = {
      ...customer,
      sms_marketing_consent: { state: 'subscribed', opt_in_level: 'single_opt_in', consent_updated_at: later },
    };
    expect((await deliver('customers/update', single)).status).toBe(200);
    expect((await stub.get(phone))?.consent.marketing.status).toBe('unsubscribed');
  });

  it('a forged HMAC gets 401 and records nothing', async () => {
    const phone = uniquePhone();
    const payload = withPhone(orderFixture, phone);
    const forged = await signShopifyPayload('not-the-secret', JSON.stringify(payload));
    const res = await deliver('orders/create', payload, { hmac: forged });
    expect(res.status).toBe(401);
    expect((await deliver('orders/create', payload, { hmac: '' })).status).toBe(401);
    expect(await events(phone)).toEqual([]);
    expect((await api('GET', `/v1/profiles/${enc(phone)}`)).status).toBe(404);
  });

  it('a redelivery (same webhook id) is recorded once', async () => {
    const phone = uniquePhone();
    const payload = withPhone(customerFixture, phone);
    const id = crypto.randomUUID();
    for (let i = 0; i < 3; i++) expect((await deliver('customers/update', payload, { id })).status).toBe(200);
    const log = await env.PROFILE.getByName(phone).consentLog(phone);
    expect(log.filter((e) => e.source === 'shopify')).toHaveLength(1);
    const order = withPhone(orderFixture, phone);
    const orderId = crypto.randomUUID();
    await deliver('orders/create', order, { id: orderId });
    await deliver('orders/create', order, { id: orderId });
    expect((await events(phone)).filter((e) => e.name === 'Placed Order')).toHaveLength(1);
    expect((await profileOf(phone)).properties).toMatchObject({ orders_count: 1, total_spent: 124.9 });
    // The Profile tells the route it had it already (the webhook id is the dedupe key).
    const stub = env.PROFILE.getByName(phone);
    const again = { provider: 'shopify' as const, id: orderId, topic: 'orders/create', phone };
    expect(await stub.storeEvent(again)).toEqual({ duplicate: true });
  });

  it('a customer without a usable phone is acknowledged (200) and skipped', async () => {
    const noPhone = {
      ...orderFixture,
      phone: null,
      shipping_address: { ...orderFixture.shipping_address, phone: 'n/a' },
      billing_address: { ...orderFixture.billing_address, phone: null },
    };
    expect((await deliver('orders/create', noPhone)).status).toBe(200);
  });

  it('a malformed payload is a 400 naming the field; an unused topic is acknowledged', async () => {
    const phone = uniquePhone();
    const res = await deliver('orders/create', { ...withPhone(orderFixture, phone), total_price: 'lots' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('total_price');
    expect(await events(phone)).toEqual([]);
    expect((await deliver('products/update', { id: 1 })).status).toBe(200);
  });
});
