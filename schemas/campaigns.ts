/**
 * Campaign requests (`POST /v1/campaigns`, `/api/campaigns`) and the fan-out queue's messages.
 * What the API answers is in campaign-view.ts (the console bundles that one alone: this file
 * parses phone numbers). docs/api.md, "Campaigns", documents the fields.
 */
import * as v from 'valibot';
import { CapModeSchema } from './campaign-view';
import { PhoneSchema } from './phone';
import { TemplatedContent } from './templated';

/** Longest explicit list of recipients; larger audiences are segments (paged, never loaded). */
export const MAX_CAMPAIGN_PROFILES = 10_000;

const FallbackText = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10_000, 'must be at most 10000 characters'))));

/** The other half of an A/B split: its own message and the share of recipients (percent) that get it. */
export const VariantSchema = v.strictObject({
  content: TemplatedContent,
  fallback_text: FallbackText,
  share: v.pipe(
    v.number('must be a percentage'),
    v.integer('must be a whole percentage'),
    v.minValue(1, 'must be at least 1 (percent)'),
    v.maxValue(99, 'must be at most 99 (percent)'),
  ),
});
export type VariantInput = v.InferOutput<typeof VariantSchema>;

export const CampaignCreateSchema = v.pipe(
  v.strictObject({
    name: v.pipe(
      v.string('must be a string'),
      v.trim(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(200, 'must be at most 200 characters'),
    ),
    segment_id: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'must be at most 64 characters'))),
    profiles: v.optional(
      v.pipe(
        v.array(PhoneSchema, 'must be a list of phone numbers'),
        v.minLength(1, 'must name at least one phone number'),
        v.maxLength(MAX_CAMPAIGN_PROFILES, `must name at most ${MAX_CAMPAIGN_PROFILES} numbers (use a segment for more)`),
      ),
    ),
    /** Variant A (the only one without `variants`), Liquid allowed in its text fields. */
    content: TemplatedContent,
    fallback_text: FallbackText,
    send_at: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))),
    /** Variant B: `[{content, fallback_text?, share}]`, `share` percent of recipients get it. */
    variants: v.optional(v.pipe(v.array(VariantSchema), v.length(1, 'must hold exactly one variant (B); content is variant A'))),
    /** What the frequency cap does to a recipient it stops: skip them, or send when it allows. */
    cap_mode: v.optional(CapModeSchema, 'skip'),
  }),
  v.forward(
    v.check((c) => (c.segment_id === undefined) !== (c.profiles === undefined), 'name either segment_id or profiles, not both'),
    ['segment_id'],
  ),
);
export type CampaignCreate = v.InferOutput<typeof CampaignCreateSchema>;

export const CampaignListQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'must be a number from 1 to 100'), v.transform(Number), v.minValue(1), v.maxValue(100)),
  ),
});

export const RecipientQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'must be a number from 1 to 1000'), v.transform(Number), v.minValue(1), v.maxValue(1000)),
  ),
  outcome: v.optional(v.picklist(['held', 'sent', 'failed', 'skipped', 'refused', 'cancelled'], 'must be an outcome')),
});

const Recipient = v.object({ phone: v.string(), variant: v.picklist(['a', 'b']) });

/**
 * The fan-out queue (`CAMPAIGN_QUEUE`): `page` reads the next page of the audience after
 * `after` and enqueues its `send` batches and the page after it; `send` hands each recipient
 * to its Profile object.
 */
export const CampaignTaskSchema = v.variant('kind', [
  v.object({ kind: v.literal('page'), campaign_id: v.string(), after: v.nullable(v.string()) }),
  v.object({ kind: v.literal('send'), campaign_id: v.string(), recipients: v.array(Recipient) }),
]);
export type CampaignTask = v.InferOutput<typeof CampaignTaskSchema>;

/** `POST /api/campaigns/audience`: who of a segment or list a campaign would reach, before sending. */
export const AudienceRequestSchema = v.pipe(
  v.strictObject({
    segment_id: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'must be at most 64 characters'))),
    profiles: v.optional(
      v.pipe(
        v.array(PhoneSchema, 'must be a list of phone numbers'),
        v.maxLength(MAX_CAMPAIGN_PROFILES, `must name at most ${MAX_CAMPAIGN_PROFILES} numbers`),
      ),
    ),
  }),
  v.forward(
    v.check((c) => (c.segment_id === undefined) !== (c.profiles === undefined), 'name either segment_id or profiles, not both'),
    ['segment_id'],
  ),
);
