/** Messages in and out, their statuses, and the `/v1/messages` contract. */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { PhoneSchema } from './phone';

export const ChannelSchema = v.picklist(['rcs', 'sms']);
export type Channel = v.InferOutput<typeof ChannelSchema>;

/** Every status a message can take (architecture.md, send pipeline step 7). */
export const MESSAGE_STATUSES = [
  'queued',
  'scheduled',
  'held',
  'sent',
  'delivered',
  'read',
  'failed',
  'revoked',
  'fell_back',
  'skipped',
  'received',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Body of `POST /v1/messages` (contract). */
export const SendMessageSchema = v.strictObject({
  to: PhoneSchema,
  purpose: v.picklist(['marketing', 'transactional'], 'must be "marketing" or "transactional"'),
  content: ContentSchema,
  fallback_text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1600, 'must be at most 1600 characters'))),
  idempotency_key: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  send_at: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))),
});
export type SendMessageInput = v.InferInput<typeof SendMessageSchema>;

/** Body of `POST /v1/events` (contract). */
export const TrackEventSchema = v.strictObject({
  phone: PhoneSchema,
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100)),
  properties: v.optional(v.record(v.string(), v.unknown())),
  value: v.optional(v.pipe(v.number(), v.finite())),
  time: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))),
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});
export type TrackEvent = v.InferOutput<typeof TrackEventSchema>;

export const MessageStatusSchema = v.picklist(MESSAGE_STATUSES);

export const StatusChangeSchema = v.object({
  status: MessageStatusSchema,
  at: v.string(),
  reason: v.nullable(v.string()),
});
export type StatusChange = v.InferOutput<typeof StatusChangeSchema>;

/**
 * A message as `GET /v1/profiles/{phone}/messages` and the console return it (and as the
 * console's live channel carries it, validated on receipt).
 */
export const MessageViewSchema = v.object({
  id: v.string(),
  direction: v.picklist(['out', 'in']),
  channel: ChannelSchema,
  status: MessageStatusSchema,
  purpose: v.optional(v.picklist(['marketing', 'transactional', 'support', 'system'])),
  /** Outbound rich content as composed (and, for RCS, as the customer saw it). */
  content: v.optional(ContentSchema),
  /** SMS body (outbound SMS, fallback) or inbound text. */
  text: v.optional(v.string()),
  /** Inbound taps: the postback of the suggestion tapped, and what it was traced to. */
  postback: v.optional(v.string()),
  in_reply_to: v.optional(v.nullable(v.string())),
  /** Kind of inbound item: a typed message, a tap on a suggestion, a shared location, a file. */
  kind: v.optional(v.picklist(['message', 'tap', 'location', 'file', 'note'])),
  fallback: v.optional(v.nullable(v.object({ from: v.string(), reason: v.string() }))),
  media: v.optional(v.array(v.object({ url: v.string(), content_type: v.optional(v.string()) }))),
  author: v.optional(v.nullable(v.string())),
  campaign_id: v.optional(v.nullable(v.string())),
  history: v.array(StatusChangeSchema),
  created_at: v.string(),
  updated_at: v.string(),
});
export type MessageView = v.InferOutput<typeof MessageViewSchema>;
