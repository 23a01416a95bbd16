/**
 * Messages in and out as the API and the console read them, and their statuses. No phone
 * number parsing here (see messages.ts): the console validates live events with these.
 */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { InboundMediaSchema } from './events';

export const ChannelSchema = v.picklist(['rcs', 'sms']);
export type Channel = v.InferOutput<typeof ChannelSchema>;

/** Every status a message can take (docs/architecture.md, "Statuses and their history"). */
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
  /** Files the customer sent: `url` is the Worker's copy (`/api/media/...`), never the carrier's. */
  media: v.optional(v.array(InboundMediaSchema)),
  author: v.optional(v.nullable(v.string())),
  campaign_id: v.optional(v.nullable(v.string())),
  /**
   * Inbound text that may ask to stop without being a keyword opt-out ("ne m'envoyez plus
   * rien", "don't text me"): agents can record it as the customer's opt-out.
   */
  flagged: v.optional(v.boolean()),
  history: v.array(StatusChangeSchema),
  created_at: v.string(),
  updated_at: v.string(),
});
export type MessageView = v.InferOutput<typeof MessageViewSchema>;
