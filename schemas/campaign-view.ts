/**
 * Campaigns as the API and the console read them (`GET /v1/campaigns…`, `/api/campaigns…`):
 * a campaign with its counts, a recipient's outcome, and the audience breakdown shown before
 * sending. No phone number parsing here (campaigns.ts has the request shapes): the console
 * bundles this file alone.
 */
import * as v from 'valibot';
import { ContentSchema } from './content';

export const CAMPAIGN_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled'] as const;
export const CampaignStatusSchema = v.picklist(CAMPAIGN_STATUSES);
export type CampaignStatus = v.InferOutput<typeof CampaignStatusSchema>;

/**
 * What happened to one recipient: `held` (quiet hours, the frequency cap in "defer" mode, a
 * carrier retry) until released; then `sent` (delivery and reads are results, read through
 * worker/results) or `failed`; or `skipped` (frequency cap, opted out before release), `refused`
 * (no consent, or the template failed for this profile), `cancelled` (held when the campaign
 * was cancelled).
 */
export const RECIPIENT_OUTCOMES = ['held', 'sent', 'failed', 'skipped', 'refused', 'cancelled'] as const;
export const RecipientOutcomeSchema = v.picklist(RECIPIENT_OUTCOMES);
export type RecipientOutcome = v.InferOutput<typeof RecipientOutcomeSchema>;

/** The counters of a campaign (and of each channel and variant). */
export const COUNT_KEYS = [
  'recipients',
  'sent',
  'delivered',
  'read',
  'clicked',
  'replied',
  'unsubscribed',
  'failed',
  'skipped',
  'held',
  'refused',
  'cancelled',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const CampaignCountsSchema = v.object({
  /** Recipients with an outcome so far (the audience once the campaign is sent). */
  recipients: count,
  /** Handed to a carrier (then delivered, read, or failed). */
  sent: count,
  delivered: count,
  read: count,
  /** Tapped a button or chip, or opened a link. */
  clicked: count,
  /** Wrote back (a text) after the message, before the next campaign reached them. */
  replied: count,
  unsubscribed: count,
  failed: count,
  skipped: count,
  /** Waiting now (quiet hours, frequency cap in "defer" mode, a carrier's 429). */
  held: count,
  refused: count,
  /** Held when the campaign was cancelled: they got nothing. */
  cancelled: count,
});
export type CampaignCounts = v.InferOutput<typeof CampaignCountsSchema>;

export const emptyCounts = (): CampaignCounts => ({
  recipients: 0,
  sent: 0,
  delivered: 0,
  read: 0,
  clicked: 0,
  replied: 0,
  unsubscribed: 0,
  failed: 0,
  skipped: 0,
  held: 0,
  refused: 0,
  cancelled: 0,
});

export const CapModeSchema = v.picklist(['skip', 'defer'], 'must be "skip" or "defer"');
export type CapMode = v.InferOutput<typeof CapModeSchema>;

/** A campaign in the list: everything but its message. */
export const CampaignSummarySchema = v.object({
  id: v.string(),
  name: v.string(),
  status: CampaignStatusSchema,
  counts: CampaignCountsSchema,
  by_channel: v.object({ rcs: CampaignCountsSchema, sms: CampaignCountsSchema }),
  /** With an A/B split: each variant's counts. */
  by_variant: v.nullable(v.object({ a: CampaignCountsSchema, b: CampaignCountsSchema })),
  /** 0 until attribution lands (docs/api.md, "Campaigns"). */
  conversions: v.number(),
  revenue: v.number(),
  segment_id: v.nullable(v.string()),
  /** Recipients expected: the segment's count or the list's length, exact once paged. */
  audience: count,
  cap_mode: CapModeSchema,
  /** Share of recipients (percent) that get variant B; null without a split. */
  variant_b_share: v.nullable(v.number()),
  /** Messages per second per channel when it started (0: not paced). */
  pace: v.object({ rcs: v.number(), sms: v.number() }),
  send_at: v.nullable(v.string()),
  created_at: v.string(),
  created_by: v.string(),
  started_at: v.nullable(v.string()),
  finished_at: v.nullable(v.string()),
  cancelled_at: v.nullable(v.string()),
  /** When every recipient should have an outcome (quiet-hour holds aside); null when unknown. */
  expected_finish_at: v.nullable(v.string()),
  /** A carrier answered 429: the fan-out waits until then. */
  paused_until: v.nullable(v.string()),
});
export type CampaignSummary = v.InferOutput<typeof CampaignSummarySchema>;

export const VariantViewSchema = v.object({ content: ContentSchema, fallback_text: v.nullable(v.string()), share: v.number() });

/** `GET /v1/campaigns/{id}`: the summary with the message as written (Liquid included). */
export const CampaignSchema = v.object({
  ...CampaignSummarySchema.entries,
  // As written, templates included: its shape is checked field by field when rendered.
  content: v.record(v.string(), v.unknown()),
  fallback_text: v.nullable(v.string()),
  variants: v.nullable(
    v.array(v.object({ content: v.record(v.string(), v.unknown()), fallback_text: v.nullable(v.string()), share: v.number() })),
  ),
});
export type Campaign = v.InferOutput<typeof CampaignSchema>;

export const CampaignListSchema = v.object({ campaigns: v.array(CampaignSummarySchema), next_cursor: v.nullable(v.string()) });
export type CampaignList = v.InferOutput<typeof CampaignListSchema>;

/** `POST /v1/campaigns` and `…/cancel` answer this much. */
export const CampaignAcceptedSchema = v.object({ id: v.string(), status: CampaignStatusSchema });

/** One row of `GET /v1/campaigns/{id}/recipients` (fields absent when they do not apply). */
export const RecipientViewSchema = v.object({
  phone: v.string(),
  outcome: RecipientOutcomeSchema,
  reason: v.optional(v.string()),
  channel: v.optional(v.picklist(['rcs', 'sms'])),
  message_id: v.optional(v.string()),
  variant: v.picklist(['a', 'b']),
  held_until: v.optional(v.string()),
  clicked_at: v.optional(v.string()),
  replied_at: v.optional(v.string()),
  unsubscribed_at: v.optional(v.string()),
  /** Attributed revenue: absent until attribution lands. */
  revenue: v.optional(v.number()),
  updated_at: v.string(),
});
export type RecipientView = v.InferOutput<typeof RecipientViewSchema>;

export const RecipientPageSchema = v.object({ recipients: v.array(RecipientViewSchema), next_cursor: v.nullable(v.string()) });
export type RecipientPage = v.InferOutput<typeof RecipientPageSchema>;

/** Who an audience reaches, before sending: only consented profiles get a campaign. */
export const AudienceBreakdownSchema = v.object({
  total: count,
  eligible_marketing: count,
  excluded: v.object({ unsubscribed: count, never_subscribed: count }),
});
export type AudienceBreakdown = v.InferOutput<typeof AudienceBreakdownSchema>;
