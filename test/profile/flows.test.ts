// Flows (docs/api.md, "Flows"): each built-in flow answers its event once, with the brand's
// content rendered for the event (`{{ event.* }}`) and `campaign_id = flow_<key>`; the
// abandoned checkout waits in a Profile timer and an order cancels it; marketing flows need
// consent; a flow that is off sends nothing; "Talk to someone" opens the conversation unassigned.
import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { signShopifyPayload } from '../../worker/providers/shopify/webhook';
import orderFixture from '../fixtures/shopify/orders-create.json';
import { TEST_BINDINGS } from '../bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_KEYS, type FlowKey, TALK_POSTBACK } from '../../schemas/flows';
import type { TrackEvent } from '../../schemas/messages';
import { saveFlow } from '../../worker/flows/index';
import { inboxStub } from '../../worker/inbox.do';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, subscribe, timers, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const MINUTE = 60_000;
const enable = (key: FlowKey, on = true) => saveFlow(env, key, { enabled: on }, 'test');
const outbound = async (phone: string) => (await messages(phone)).filter((m) => m.direction === 'out');
const track = (e: TrackEvent) => profile(e.phone).track(e);
const campaignOf = (phone: string, id: string) =>
  runInDurableObject(profile(phone), (p: Profile) => p.core.store.message(id)?.campaign_id ?? null);

const placed = (phone: string, id = `order-${phone}`) => ({
  phone,
  name: 'Placed Order',
  id,
  value: 124.9,
  properties: { order_name: '#1042', currency: 'EUR', order_status_url: 'https://shop.example/orders/1042/status' },
});
const checkout = (phone: string, token = 'tok-1', at = '') => ({
  phone,
  name: 'Started Checkout',
  id: `checkout:${token}:${at}`,
  value: 68,
  properties: { checkout_token: token, recovery_url: 'https://shop.example/checkouts/recover?key=abc' },
});

beforeAll(async () => {
  for (const k of FLOW_KEYS) await enable(k);
});
afterAll(async () => {
  for (const k of FLOW_KEYS) await enable(k, false);
});

describe('order confirmation', () => {
  it('sends one transactional card per order, with "Track my parcel" and "Talk to someone"', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    await track(placed(phone));
    await track(placed(phone)); // the same order again
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    const msg = out[0]!;
    expect(msg.purpose).toBe('transactional');
    expect(msg.content).toMatchObject({
      type: 'card',
      card: {
        title: expect.stringContaining('#1042'),
        description: expect.stringContaining('124.9'),
        buttons: [
          { type: 'url', text: 'Track my parcel', url: 'https://shop.example/orders/1042/status' },
          { type: 'reply', text: 'Talk to someone', postback: TALK_POSTBACK },
        ],
      },
    });
    expect(await campaignOf(phone, msg.id)).toBe('flow_order_confirmation');
  });

  it('"Talk to someone" opens the conversation in the inbox, unassigned', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    await track(placed(phone));
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'tap',
      phone,
      id: `tap-${phone}`,
      at: new Date().toISOString(),
      channel: 'rcs',
      postback: TALK_POSTBACK,
      text: 'Talk to someone',
      kind: 'reply',
    });
    expect(await inboxStub(env).get(phone)).toMatchObject({ status: 'open', assignee: null });
  });

  it('is off until switched on', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    await enable('order_confirmation', false);
    try {
      await track(placed(phone));
      expect(await outbound(phone)).toHaveLength(0);
    } finally {
      await enable('order_confirmation');
    }
  });
});

describe('from the Shopify webhook', () => {
  it("an orders/create delivery sends the order confirmation with the order's own status link", async () => {
    const phone = uniquePhone('rcs');
    const order = JSON.parse(JSON.stringify(orderFixture).replaceAll('"06 39 98 12 34"', JSON.stringify(phone))) as typeof orderFixture;
    const body = JSON.stringify({ ...order, id: Number(phone.slice(3)) });
    const res = await exports.default.fetch(
      new Request('http://localhost/webhooks/shopify', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Shopify-Topic': 'orders/create',
          'X-Shopify-Webhook-Id': crypto.randomUUID(),
          'X-Shopify-Hmac-Sha256': await signShopifyPayload(TEST_BINDINGS.SHOPIFY_WEBHOOK_SECRET, body),
        },
        body,
      }),
    );
    expect(res.status).toBe(200);
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]?.content).toMatchObject({
      type: 'card',
      card: { title: expect.stringContaining('#1042'), buttons: [{ type: 'url', url: orderFixture.order_status_url }, { type: 'reply' }] },
    });
  });
});

describe('shipping update', () => {
  it('sends the tracking link once per fulfilment', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const fulfilled = {
      phone,
      name: 'Fulfilled Order',
      id: `f-${phone}`,
      properties: {
        order_name: '#1042',
        tracking_company: 'Colissimo',
        tracking_number: '6A234',
        tracking_url: 'https://track.example/6A234',
      },
    };
    await track(fulfilled);
    await track(fulfilled);
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]?.content).toMatchObject({
      type: 'card',
      card: { description: expect.stringContaining('6A234'), buttons: [{ type: 'url', url: 'https://track.example/6A234' }] },
    });
    expect(await campaignOf(phone, out[0]!.id)).toBe('flow_shipping_update');
  });
});

describe('back in stock', () => {
  it('is marketing: sent to a subscribed profile, not to one who never subscribed', async () => {
    const yes = uniquePhone('sms');
    const no = uniquePhone('sms');
    for (const phone of [yes, no]) await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(yes);
    const event = (phone: string) => ({
      phone,
      name: 'Back In Stock',
      id: `bis-${phone}`,
      properties: { title: 'Bougie Figuier', url: 'https://shop.example/products/figuier' },
    });
    await track(event(yes));
    await track(event(no));
    const out = await outbound(yes);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ purpose: 'marketing' });
    expect(out[0]?.content).toMatchObject({ card: { title: expect.stringContaining('Bougie Figuier') } });
    expect(await outbound(no)).toHaveLength(0);
  });
});

describe('abandoned checkout', () => {
  it('waits its delay in a Profile timer, then sends the recovery link once', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await track(checkout(phone, 'tok-1', 'a'));
    // A later update of the same checkout moves the one reminder; it does not add another.
    await setClock(phone, TUESDAY_10H_PARIS + 5 * MINUTE);
    await track(checkout(phone, 'tok-1', 'b'));
    const waiting = (await timers(phone)).filter((t) => t.kind === 'flow');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.due_at).toBe(TUESDAY_10H_PARIS + 65 * MINUTE);
    expect(await outbound(phone)).toHaveLength(0);

    await advanceTo(phone, TUESDAY_10H_PARIS + 66 * MINUTE);
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ purpose: 'marketing' });
    expect(out[0]?.content).toMatchObject({ card: { buttons: [{ type: 'url', url: 'https://shop.example/checkouts/recover?key=abc' }] } });
    expect(await campaignOf(phone, out[0]!.id)).toBe('flow_abandoned_checkout');
    await advanceTo(phone, TUESDAY_10H_PARIS + 200 * MINUTE);
    expect(await outbound(phone)).toHaveLength(1);
  });

  it('survives a restart of the Profile object: the wait is stored, not held in memory', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await track(checkout(phone, 'tok-restart'));
    // The object is thrown away: a new instance (new memory, same storage) takes over.
    await runInDurableObject(profile(phone), (_p: Profile, state) => {
      try {
        state.abort('restart');
      } catch {
        // abort() also throws in the caller; the instance is gone either way.
      }
    }).catch(() => undefined);
    await advanceTo(phone, TUESDAY_10H_PARIS + 61 * MINUTE);
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(await campaignOf(phone, out[0]!.id)).toBe('flow_abandoned_checkout');
  });

  it('is cancelled when the order arrives first', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await enable('order_confirmation', false);
    try {
      await track(checkout(phone));
      await setClock(phone, TUESDAY_10H_PARIS + 10 * MINUTE);
      await track(placed(phone));
      expect((await timers(phone)).filter((t) => t.kind === 'flow')).toHaveLength(0);
      await advanceTo(phone, TUESDAY_10H_PARIS + 120 * MINUTE);
      expect(await outbound(phone)).toHaveLength(0);
    } finally {
      await enable('order_confirmation');
    }
  });

  it('follows quiet hours: due on a Sunday, it is held until Monday morning', async () => {
    const phone = uniquePhone('sms');
    const sunday = Date.parse('2026-03-08T10:00:00Z');
    await setClock(phone, sunday);
    await subscribe(phone);
    await track(checkout(phone));
    await advanceTo(phone, sunday + 61 * MINUTE);
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]?.status).toBe('held');
  });

  it('sends nothing when switched off while waiting', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await track(checkout(phone));
    await enable('abandoned_checkout', false);
    try {
      await advanceTo(phone, TUESDAY_10H_PARIS + 61 * MINUTE);
      expect(await outbound(phone)).toHaveLength(0);
    } finally {
      await enable('abandoned_checkout');
    }
  });
});
