/**
 * Shopify payloads → what the customer's Profile records (docs/carriers.md, "Shopify"). The
 * customer is the order's (or checkout's) `phone`, else its customer's, else the shipping,
 * then billing address phone, each read in the country of the address it came with; null when
 * none is a usable number (the webhook is then acknowledged and skipped).
 */
import type { StoreEvent } from '../../../schemas/events';
import { countryCode, toE164 } from '../../../schemas/phone';
import type { ShopifyAddress, ShopifyCheckout, ShopifyCustomer, ShopifyOrder } from '../../../schemas/shopify';

export type StoreRead = Omit<StoreEvent, 'provider' | 'id' | 'topic'>;

type Candidate = { phone: string | null | undefined; country: string | null | undefined };

function firstPhone(candidates: Candidate[]): string | null {
  for (const c of candidates) {
    if (!c.phone) continue;
    const e164 = toE164(c.phone, countryCode(c.country));
    if (e164) return e164;
  }
  return null;
}

type Buyer = Pick<ShopifyOrder, 'phone' | 'customer' | 'shipping_address' | 'billing_address'>;

const countryOf = (...addresses: (ShopifyAddress | null | undefined)[]) => addresses.find((a) => a?.country_code)?.country_code;

export function buyerPhone(o: Buyer): string | null {
  const home = countryOf(o.shipping_address, o.billing_address, o.customer?.default_address);
  return firstPhone([
    { phone: o.phone, country: home },
    { phone: o.customer?.phone, country: countryOf(o.customer?.default_address, o.shipping_address, o.billing_address) },
    { phone: o.shipping_address?.phone, country: o.shipping_address?.country_code },
    { phone: o.billing_address?.phone, country: o.billing_address?.country_code },
  ]);
}

const amount = (s: string | null | undefined): number | null => (s ? Math.round(Number(s) * 100) / 100 : null);
const time = (s: string | null | undefined): string =>
  s && Number.isFinite(Date.parse(s)) ? new Date(s).toISOString() : new Date().toISOString();

function items(lines: ShopifyOrder['line_items']) {
  return lines.map((l) => ({
    product_id: l.product_id == null ? null : String(l.product_id),
    variant_id: l.variant_id == null ? null : String(l.variant_id),
    title: l.title ?? l.name ?? null,
    sku: l.sku ?? null,
    quantity: l.quantity ?? 1,
    price: amount(l.price),
  }));
}

/** `orders/create` → `Placed Order` (value = total_price, id = the order id, its items). */
export function placedEvent(o: ShopifyOrder): StoreRead | null {
  const phone = buyerPhone(o);
  if (!phone) return null;
  return {
    phone,
    event: {
      name: 'Placed Order',
      id: String(o.id),
      value: amount(o.total_price),
      time: time(o.created_at),
      properties: {
        source: 'shopify',
        order_id: String(o.id),
        order_name: o.name ?? null,
        currency: o.currency ?? null,
        order_status_url: o.order_status_url ?? null,
        items: items(o.line_items),
      },
    },
  };
}

/** `orders/fulfilled` → `Fulfilled Order` with the tracking number and URL of its latest shipment. */
export function fulfilledEvent(o: ShopifyOrder): StoreRead | null {
  const phone = buyerPhone(o);
  if (!phone) return null;
  const tracked = [...o.fulfillments].reverse().find((f) => f.tracking_number || f.tracking_numbers?.length) ?? o.fulfillments.at(-1);
  return {
    phone,
    event: {
      name: 'Fulfilled Order',
      id: `${o.id}:fulfilled`,
      value: amount(o.total_price),
      time: time(o.updated_at ?? o.created_at),
      properties: {
        source: 'shopify',
        order_id: String(o.id),
        order_name: o.name ?? null,
        tracking_company: tracked?.tracking_company ?? null,
        tracking_number: tracked?.tracking_number ?? tracked?.tracking_numbers?.[0] ?? null,
        tracking_url: tracked?.tracking_url ?? tracked?.tracking_urls?.[0] ?? null,
        order_status_url: o.order_status_url ?? null,
      },
    },
  };
}

/** `checkouts/create|update` → `Started Checkout` with its recovery URL (one event per version of the checkout). */
export function checkoutEvent(c: ShopifyCheckout): StoreRead | null {
  // A completed checkout is an order now: orders/create tells it.
  if (c.completed_at) return null;
  const phone = buyerPhone(c);
  if (!phone) return null;
  return {
    phone,
    event: {
      name: 'Started Checkout',
      id: `checkout:${c.token}:${c.updated_at ?? c.created_at ?? ''}`,
      value: amount(c.total_price),
      time: time(c.updated_at ?? c.created_at),
      properties: {
        source: 'shopify',
        checkout_token: c.token,
        currency: c.currency ?? null,
        recovery_url: c.abandoned_checkout_url ?? null,
        items: items(c.line_items),
      },
    },
  };
}

/** `customers/create|update` → the profile's fields and Shopify's SMS marketing consent. */
export function customerEvent(c: ShopifyCustomer): StoreRead | null {
  const phone = firstPhone([
    { phone: c.phone, country: c.default_address?.country_code },
    { phone: c.default_address?.phone, country: c.default_address?.country_code },
  ]);
  if (!phone) return null;
  const consent = c.sms_marketing_consent;
  return {
    phone,
    customer: {
      first_name: c.first_name ?? null,
      last_name: c.last_name ?? null,
      email: c.email ?? null,
      locale: c.locale ?? null,
      sms_consent: consent
        ? { state: consent.state, opt_in_level: consent.opt_in_level ?? null, consent_updated_at: consent.consent_updated_at ?? null }
        : null,
    },
  };
}
