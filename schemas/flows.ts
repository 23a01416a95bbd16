/**
 * Flows (`/api/flows`, docs/api.md "Flows"): built-in automations answering the store's
 * events. Each is on or off, with its own content (the same content model and Liquid fields
 * as any send, plus `{{ event.* }}`: the triggering event's `name`, `value`, `time` and
 * `properties`); the abandoned checkout also has its delay.
 */
import * as v from 'valibot';
import { TemplatedContent } from './templated';
import { ChannelCountsSchema } from './results';

export const FLOW_KEYS = ['order_confirmation', 'shipping_update', 'back_in_stock', 'abandoned_checkout'] as const;
export const FlowKeySchema = v.picklist(FLOW_KEYS, `must be one of ${FLOW_KEYS.join(', ')}`);
export type FlowKey = v.InferOutput<typeof FlowKeySchema>;

/** The abandoned checkout's delay: at least 15 minutes, at most 3 days. */
export const FLOW_DELAY_MIN = 15;
export const FLOW_DELAY_MAX = 3 * 24 * 60;

/** The source id a flow's messages carry in `campaign_id` (results are read by it). */
export const flowSourceId = (key: FlowKey): string => `flow_${key}`;

/** The postback of the "Talk to someone" button: the conversation opens in the inbox, unassigned. */
export const TALK_POSTBACK = 'flow.talk_to_someone';

export const FlowPatchSchema = v.strictObject({
  enabled: v.optional(v.boolean('must be true or false')),
  /** As written, Liquid included: each field is checked once rendered (400 naming it). */
  content: v.optional(TemplatedContent),
  delay_minutes: v.optional(
    v.pipe(
      v.number('must be a number of minutes'),
      v.integer('must be a whole number of minutes'),
      v.minValue(FLOW_DELAY_MIN, `must be at least ${FLOW_DELAY_MIN}`),
      v.maxValue(FLOW_DELAY_MAX, `must be at most ${FLOW_DELAY_MAX} (3 days)`),
    ),
  ),
});
export type FlowPatch = v.InferOutput<typeof FlowPatchSchema>;

/** What the console lists: a flow's settings, what triggers it, and its figures. */
export const FlowViewSchema = v.object({
  key: FlowKeySchema,
  trigger: v.string(),
  purpose: v.picklist(['marketing', 'transactional']),
  enabled: v.boolean(),
  /** As written, Liquid included. */
  content: v.record(v.string(), v.unknown()),
  /** Minutes after the event (abandoned checkout only; null for the others). */
  delay_minutes: v.nullable(v.number()),
  /** The results' figures for `flow_<key>` (sent, delivered, clicked or tapped, revenue...). */
  metrics: ChannelCountsSchema,
});
export type FlowView = v.InferOutput<typeof FlowViewSchema>;
