/**
 * `POST /webhooks/shopify`: the brand's Shopify store (docs/carriers.md, "Shopify").
 * `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(SHOPIFY_WEBHOOK_SECRET, raw body)), checked in
 * constant time before the body is even parsed (401 otherwise, nothing recorded);
 * `X-Shopify-Webhook-Id` is the dedupe key (Shopify redelivers until it gets a 2xx). Each
 * topic becomes a `StoreEvent` for the customer's Profile; a customer without a usable phone
 * is acknowledged and skipped, so Shopify stops retrying.
 */
import * as v from 'valibot';
import type { StoreEvent } from '../../../schemas/events';
import { hmac, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, tryBase64ToBytes } from '../../lib/encoding';
import { HttpError, validationError } from '../../errors';
import type { DroppedEvent, WebhookProvider } from '../types';
import { checkoutEvent, customerEvent, fulfilledEvent, placedEvent } from './topics';
import { ShopifyCheckoutSchema, ShopifyCustomerPayloadSchema, ShopifyOrderSchema } from '../../../schemas/shopify';

export const SHOPIFY_HMAC_HEADER = 'X-Shopify-Hmac-Sha256';

/** base64(HMAC-SHA256(secret, body)): the value of `X-Shopify-Hmac-Sha256`. */
export async function signShopifyPayload(secret: string, body: string | Uint8Array): Promise<string> {
  return bytesToBase64(await hmac('SHA-256', secret, body));
}

export async function verifyShopifyHmac(secret: string | undefined, body: Uint8Array, header: string | null): Promise<boolean> {
  if (!secret || !header) return false;
  const signature = tryBase64ToBytes(header.trim());
  if (signature?.length !== 32) return false;
  return timingSafeEqual(await hmac('SHA-256', secret, body), signature);
}

const TOPICS = {
  'orders/create': (json: unknown) => placedEvent(parse(ShopifyOrderSchema, json)),
  'orders/fulfilled': (json: unknown) => fulfilledEvent(parse(ShopifyOrderSchema, json)),
  'checkouts/create': (json: unknown) => checkoutEvent(parse(ShopifyCheckoutSchema, json)),
  'checkouts/update': (json: unknown) => checkoutEvent(parse(ShopifyCheckoutSchema, json)),
  'customers/create': (json: unknown) => customerEvent(parse(ShopifyCustomerPayloadSchema, json)),
  'customers/update': (json: unknown) => customerEvent(parse(ShopifyCustomerPayloadSchema, json)),
} as const;
export const SHOPIFY_TOPICS = Object.keys(TOPICS) as (keyof typeof TOPICS)[];

function parse<S extends v.GenericSchema>(schema: S, json: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, json);
  if (!result.success) throw validationError(result.issues);
  return result.output;
}

const isTopic = (t: string): t is keyof typeof TOPICS => Object.hasOwn(TOPICS, t);

export const shopifyWebhook: WebhookProvider = {
  name: 'shopify',
  // Orders with hundreds of line items stay well under this.
  maxBytes: 1024 * 1024,
  enabled: (env) => Boolean(env.SHOPIFY_WEBHOOK_SECRET),
  async verifyAndParse(env, req) {
    if (!(await verifyShopifyHmac(env.SHOPIFY_WEBHOOK_SECRET, req.raw, req.headers.get(SHOPIFY_HMAC_HEADER)))) {
      throw new HttpError(401, 'invalid_signature', `${SHOPIFY_HMAC_HEADER} does not match the body`);
    }
    const id = req.headers.get('X-Shopify-Webhook-Id')?.trim();
    const topic = req.headers.get('X-Shopify-Topic')?.trim() ?? '';
    if (!id)
      throw new HttpError(400, 'invalid_request', 'X-Shopify-Webhook-Id: missing', [{ path: 'X-Shopify-Webhook-Id', message: 'missing' }]);
    const dropped: DroppedEvent[] = [];
    // A topic this console does not use (registered by mistake): acknowledged, so Shopify stops.
    if (!isTopic(topic)) return { kind: 'store', events: [], dropped: [{ id, reason: `topic ${topic || '(none)'} is not used` }] };
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(req.raw));
    } catch {
      throw new HttpError(400, 'invalid_json', 'The body is not JSON');
    }
    const read = TOPICS[topic](json);
    if (!read) return { kind: 'store', events: [], dropped: [{ id, reason: `${topic}: no usable phone` }] };
    const event: StoreEvent = { provider: 'shopify', id, topic, ...read };
    return { kind: 'store', events: [event], dropped };
  },
  acknowledge: () => new Response(null, { status: 200 }),
};
