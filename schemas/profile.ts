/** Profiles and consent (docs/api.md, "Profiles"; docs/compliance.md, "Purposes and consent states"). */
import * as v from 'valibot';
import { jsonObject } from './json';

export const PURPOSES = ['marketing', 'transactional'] as const;
export const PurposeSchema = v.picklist(PURPOSES);
export type Purpose = v.InferOutput<typeof PurposeSchema>;

/** What a send is for: the two consent purposes, plus agent replies in the care window. */
export const SendPurposeSchema = v.picklist(['marketing', 'transactional', 'support']);
export type SendPurpose = v.InferOutput<typeof SendPurposeSchema>;

export const ConsentStatusSchema = v.picklist(['subscribed', 'unsubscribed', 'never']);
export type ConsentStatus = v.InferOutput<typeof ConsentStatusSchema>;

/**
 * Who changed consent: the API, the customer's own words (`keyword`: STOP, START, the YES that
 * confirms a signup), an agent, an import, the carrier, or the brand's Shopify store.
 */
export const ConsentSourceSchema = v.picklist(['api', 'keyword', 'agent', 'import', 'carrier', 'shopify']);
export type ConsentSource = v.InferOutput<typeof ConsentSourceSchema>;

const IanaZone = v.pipe(
  v.string(),
  v.check((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris'),
);

const SetConsent = v.picklist(['subscribed', 'unsubscribed'], 'must be "subscribed" or "unsubscribed"');

/** Body of `PUT /v1/profiles/{phone}`. */
export const ProfileUpsertSchema = v.strictObject({
  first_name: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  last_name: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  email: v.optional(v.nullable(v.pipe(v.string(), v.email('must be an email address')))),
  locale: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale such as fr or fr-FR')))),
  timezone: v.optional(v.nullable(IanaZone)),
  properties: v.optional(jsonObject(v.pipe(v.string(), v.maxLength(64)))),
  consent: v.optional(
    v.strictObject({
      marketing: v.optional(SetConsent),
      transactional: v.optional(SetConsent),
      source: v.pipe(v.string('must say where consent came from'), v.minLength(1), v.maxLength(200)),
    }),
  ),
});
export type ProfileUpsert = v.InferOutput<typeof ProfileUpsertSchema>;

/**
 * A profile property value (any JSON). Deliberately not a recursive type and not `unknown`:
 * Durable Object RPC stubs type `unknown` as `never` and give up on recursive types, and
 * `ProfileView` travels over RPC. Narrow before use.
 */
export type JsonValue = string | number | boolean | null | object;

const JsonValueSchema = v.union([
  v.string(),
  v.number(),
  v.boolean(),
  v.null(),
  v.custom<object>((x) => typeof x === 'object' && x !== null, 'must be JSON'),
]);

export const ConsentStateSchema = v.object({
  status: ConsentStatusSchema,
  updated_at: v.nullable(v.string()),
  source: v.nullable(v.string()),
  /**
   * Unsubscribed by the customer's own opt-out (keyword, carrier, or their words recorded by an
   * agent): only the customer can undo it (START, or confirming a signup they started).
   */
  opted_out_by_customer: v.optional(v.boolean()),
});
export type ConsentState = v.InferOutput<typeof ConsentStateSchema>;

export const ConsentLogEntrySchema = v.object({
  id: v.number(),
  purpose: PurposeSchema,
  status: ConsentStatusSchema,
  at: v.string(),
  source: ConsentSourceSchema,
  /** The words that caused the change (a keyword message, an API source label, an agent's reason). */
  text: v.nullable(v.string()),
  /** Agent id or API key id. */
  actor: v.nullable(v.string()),
  /**
   * Where the consent was collected, as its collector named it: the signup source a confirmed
   * double opt-in started from (`signup_page`, `keyword:JOIN`, the API's `source`), Shopify's
   * `opt_in_level`.
   */
  origin: v.optional(v.nullable(v.string())),
  /** When it was collected there: the signup itself, or Shopify's `consent_updated_at`. */
  origin_at: v.optional(v.nullable(v.string())),
});
export type ConsentLogEntry = v.InferOutput<typeof ConsentLogEntrySchema>;

/** `GET /v1/profiles/{phone}` (contract); also carried by the console's live channel. */
export const ProfileViewSchema = v.object({
  phone: v.string(),
  first_name: v.nullable(v.string()),
  last_name: v.nullable(v.string()),
  email: v.nullable(v.string()),
  locale: v.nullable(v.string()),
  timezone: v.nullable(v.string()),
  properties: v.record(v.string(), JsonValueSchema),
  consent: v.object({ marketing: ConsentStateSchema, transactional: ConsentStateSchema }),
  rcs: v.object({ capable: v.nullable(v.boolean()), checked_at: v.nullable(v.string()), features: v.optional(v.array(v.string())) }),
  created_at: v.string(),
  updated_at: v.string(),
  last_inbound_at: v.nullable(v.string()),
});
export type ProfileView = v.InferOutput<typeof ProfileViewSchema>;
