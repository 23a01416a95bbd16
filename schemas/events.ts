/**
 * The one normalized inbound event type. Every provider webhook (sandbox, rbm, twilio) is
 * verified, validated and turned into a list of these before it reaches a Profile object.
 */
import * as v from 'valibot';

/**
 * A file the customer sent. As a carrier reports it: `url` (and maybe `content_type`). Once
 * ingested (worker/media.ts): `url` is our own `/api/media/...` address, `source_url` the
 * carrier's (kept for audit, never loaded by the console), `key` the R2 object and `stored`
 * whether the copy succeeded (if not, the console offers to load it through the Worker).
 */
export const InboundMediaSchema = v.object({
  url: v.string(),
  content_type: v.optional(v.string()),
  source_url: v.optional(v.string()),
  key: v.optional(v.string()),
  stored: v.optional(v.boolean()),
});
export type InboundMedia = v.InferOutput<typeof InboundMediaSchema>;

const Base = {
  provider: v.picklist(['sandbox', 'rbm', 'twilio']),
  /** The customer's E.164 number (carrier addresses are normalized before an event exists). */
  phone: v.pipe(v.string(), v.regex(/^\+[1-9]\d{6,14}$/)),
  /** Provider's id of this callback; (provider, id) is the dedupe key. */
  id: v.string(),
  at: v.string(),
  channel: v.picklist(['rcs', 'sms']),
  /**
   * Who really acted when it was not the customer: the console user behind a simulated phone
   * (recorded as the actor of any consent change). Carriers never set it.
   */
  actor: v.optional(v.string()),
};

export const InboundEventSchema = v.variant('type', [
  /** The customer typed (or sent media/location). */
  v.object({
    ...Base,
    type: v.literal('message'),
    text: v.optional(v.string()),
    media: v.optional(v.array(InboundMediaSchema)),
    location: v.optional(v.object({ latitude: v.number(), longitude: v.number() })),
  }),
  /** The customer tapped a suggestion (reply chip or action button). */
  v.object({
    ...Base,
    type: v.literal('tap'),
    postback: v.string(),
    text: v.string(),
    kind: v.picklist(['reply', 'action']),
  }),
  /** A delivery receipt for one of our messages, keyed by the provider's message id. */
  v.object({
    ...Base,
    type: v.literal('status'),
    provider_message_id: v.string(),
    status: v.picklist(['sent', 'delivered', 'read', 'failed', 'ttl_revoked', 'ttl_revoke_failed']),
    error_code: v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
  v.object({ ...Base, type: v.literal('typing') }),
  /** RBM's UNSUBSCRIBE / SUBSCRIBE user events (paired with a keyword message). */
  v.object({ ...Base, type: v.literal('unsubscribe') }),
  v.object({ ...Base, type: v.literal('subscribe') }),
]);
export type InboundEvent = v.InferOutput<typeof InboundEventSchema>;

/**
 * What the brand's store said about a customer (a Shopify webhook, verified and read by
 * worker/providers/shopify): an event to track (an order, a checkout) and/or the customer's own
 * fields and SMS marketing consent. (provider, id) is the dedupe key: Shopify's webhook id.
 */
export const StoreEventSchema = v.object({
  provider: v.literal('shopify'),
  id: v.string(),
  topic: v.string(),
  phone: v.pipe(v.string(), v.regex(/^\+[1-9]\d{6,14}$/)),
  event: v.optional(
    v.object({
      name: v.string(),
      id: v.string(),
      value: v.nullable(v.number()),
      time: v.string(),
      properties: v.record(v.string(), v.unknown()),
    }),
  ),
  customer: v.optional(
    v.object({
      first_name: v.nullable(v.string()),
      last_name: v.nullable(v.string()),
      email: v.nullable(v.string()),
      locale: v.nullable(v.string()),
      /** Shopify's `sms_marketing_consent`, as it sent it. */
      sms_consent: v.nullable(
        v.object({
          state: v.string(),
          opt_in_level: v.nullable(v.string()),
          consent_updated_at: v.nullable(v.string()),
        }),
      ),
    }),
  ),
});
export type StoreEvent = v.InferOutput<typeof StoreEventSchema>;
