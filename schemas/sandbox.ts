/**
 * The sandbox network's callback format (`POST /webhooks/sandbox`): what a simulated phone
 * reports, signed with `X-Sandbox-Signature: base64(HMAC-SHA256(SANDBOX_SECRET, raw body))`.
 * Shaped like a carrier's: the callback `id` is the dedupe key, `phone` is the customer.
 */
import * as v from 'valibot';
import { HttpsUrlSchema } from './content';
import { PhoneSchema } from './phone';

const Base = {
  /** Unique per callback; a redelivery reuses it and is recorded once. */
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(200)),
  phone: PhoneSchema,
  channel: v.picklist(['rcs', 'sms'], 'must be "rcs" or "sms"'),
  at: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))),
};

export const SandboxCallbackSchema = v.variant(
  'type',
  [
    /** The customer typed a message (STOP included: keywords are the Profile's business), maybe with files. */
    v.pipe(
      v.object({
        ...Base,
        type: v.literal('message'),
        text: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(4096))),
        /** Files, by URL, under the same rule as ours (https); the Worker copies them on receipt. */
        media: v.optional(
          v.pipe(
            v.array(v.object({ url: HttpsUrlSchema, content_type: v.optional(v.pipe(v.string(), v.maxLength(100))) })),
            v.maxLength(10, 'at most 10 files'),
          ),
        ),
      }),
      v.check((m) => m.text !== undefined || (m.media?.length ?? 0) > 0, 'a message needs text or media'),
    ),
    /** The customer tapped a suggestion (chip or button) of one of our messages. */
    v.object({
      ...Base,
      type: v.literal('tap'),
      postback: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(2048)),
      text: v.pipe(v.string(), v.maxLength(200)),
      /** Which of our messages carried the suggestion (informational: the postback is traced). */
      message_id: v.optional(v.pipe(v.string(), v.maxLength(200))),
      kind: v.optional(v.picklist(['reply', 'action']), 'reply'),
    }),
    /** A delivery receipt for one of our messages, by the id the sandbox provider returned. */
    v.object({
      ...Base,
      type: v.literal('status'),
      message_id: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(200)),
      status: v.picklist(['sent', 'delivered', 'read', 'failed', 'ttl_revoked', 'ttl_revoke_failed'], 'must be a known status'),
      error_code: v.optional(v.pipe(v.string(), v.maxLength(100))),
      reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
    }),
    v.object({ ...Base, type: v.literal('typing') }),
  ],
  'type must be "message", "tap", "status" or "typing"',
);
export type SandboxCallback = v.InferOutput<typeof SandboxCallbackSchema>;
export type SandboxCallbackInput = v.InferInput<typeof SandboxCallbackSchema>;
