/**
 * The `/v1/messages` and `/v1/events` request contract. What a message looks like once
 * stored (`MessageView`, its statuses) is in message-view.ts, re-exported here: the console
 * imports that file alone, since this one needs the full phone number metadata (phone.ts).
 */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { jsonObject } from './json';
import { PhoneSchema } from './phone';

export * from './message-view';

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
