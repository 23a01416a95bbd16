/** Messages in and out, their statuses, and the `/v1/messages` contract. */
import * as v from 'valibot';
import { ContentSchema, type Content } from './content';
import { jsonObject } from './json';
import type { InboundMedia } from './events';
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
  properties: v.optional(jsonObject()),
  value: v.optional(v.pipe(v.number(), v.finite())),
  time: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))),
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});
export type TrackEvent = v.InferOutput<typeof TrackEventSchema>;

export interface StatusChange {
  status: MessageStatus;
  at: string;
  reason: string | null;
}

/** A message as `GET /v1/profiles/{phone}/messages` and the console return it. */
export interface MessageView {
  id: string;
  direction: 'out' | 'in';
  channel: Channel;
  status: MessageStatus;
  purpose?: 'marketing' | 'transactional' | 'support' | 'system';
  /** Outbound rich content as composed (and, for RCS, as the customer saw it). */
  content?: Content;
  /** SMS body (outbound SMS, fallback) or inbound text. */
  text?: string;
  /** Inbound taps: the postback of the suggestion tapped, and what it was traced to. */
  postback?: string;
  in_reply_to?: string | null;
  /** Kind of inbound item: a typed message, a tap on a suggestion, a shared location, a file. */
  kind?: 'message' | 'tap' | 'location' | 'file' | 'note';
  fallback?: { from: string; reason: string } | null;
  /** Files the customer sent: `url` is the Worker's copy (`/api/media/...`), never the carrier's. */
  media?: InboundMedia[];
  author?: string | null;
  campaign_id?: string | null;
  /**
   * Inbound text that may ask to stop without being a keyword opt-out ("ne m'envoyez plus
   * rien", "don't text me"): agents can record it as the customer's opt-out.
   */
  flagged?: boolean;
  history: StatusChange[];
  created_at: string;
  updated_at: string;
}
