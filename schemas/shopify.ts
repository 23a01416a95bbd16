/**
 * The parts of Shopify's webhook payloads this console reads (Admin REST API resources as
 * webhooks deliver them: orders, checkouts, customers). Loose objects: Shopify adds fields
 * every version, and a field we do not read must never fail a delivery. Ids are numbers in
 * JSON; amounts are decimal strings ("403.00").
 */
import * as v from 'valibot';

const str = v.optional(v.nullable(v.string()));
const id = v.union([v.number(), v.string()]);
const money = v.optional(v.nullable(v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal amount such as "403.00"'))));

export const ShopifyAddressSchema = v.looseObject({ phone: str, country_code: str, first_name: str, last_name: str });

export const ShopifySmsConsentSchema = v.looseObject({
  /** subscribed, not_subscribed, unsubscribed, pending, redacted. */
  state: v.string(),
  /** single_opt_in, confirmed_opt_in, unknown. */
  opt_in_level: str,
  consent_updated_at: str,
  consent_collected_from: str,
});

export const ShopifyCustomerSchema = v.looseObject({
  id: v.optional(id),
  phone: str,
  email: str,
  first_name: str,
  last_name: str,
  locale: str,
  sms_marketing_consent: v.optional(v.nullable(ShopifySmsConsentSchema)),
  default_address: v.optional(v.nullable(ShopifyAddressSchema)),
});

export const ShopifyLineItemSchema = v.looseObject({
  product_id: v.optional(v.nullable(id)),
  variant_id: v.optional(v.nullable(id)),
  title: str,
  name: str,
  sku: str,
  quantity: v.optional(v.number()),
  price: money,
});

export const ShopifyFulfillmentSchema = v.looseObject({
  tracking_company: str,
  tracking_number: str,
  tracking_numbers: v.optional(v.array(v.string())),
  tracking_url: str,
  tracking_urls: v.optional(v.array(v.string())),
});

const common = {
  phone: str,
  email: str,
  currency: str,
  total_price: money,
  created_at: str,
  updated_at: str,
  customer: v.optional(v.nullable(ShopifyCustomerSchema)),
  shipping_address: v.optional(v.nullable(ShopifyAddressSchema)),
  billing_address: v.optional(v.nullable(ShopifyAddressSchema)),
  line_items: v.optional(v.array(ShopifyLineItemSchema), []),
};

export const ShopifyOrderSchema = v.looseObject({
  ...common,
  id,
  name: str,
  order_status_url: str,
  fulfillments: v.optional(v.array(ShopifyFulfillmentSchema), []),
});
export type ShopifyOrder = v.InferOutput<typeof ShopifyOrderSchema>;

export const ShopifyCheckoutSchema = v.looseObject({
  ...common,
  id: v.optional(id),
  token: v.string(),
  abandoned_checkout_url: str,
  completed_at: str,
});
export type ShopifyCheckout = v.InferOutput<typeof ShopifyCheckoutSchema>;

export const ShopifyCustomerPayloadSchema = v.looseObject({ ...ShopifyCustomerSchema.entries, id });
export type ShopifyCustomer = v.InferOutput<typeof ShopifyCustomerPayloadSchema>;
export type ShopifyAddress = v.InferOutput<typeof ShopifyAddressSchema>;
