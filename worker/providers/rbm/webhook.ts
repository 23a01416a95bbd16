/**
 * Verifies and parses Google RBM webhooks (docs/carriers.md, "Webhooks"): the clientToken/secret
 * handshake, then Pub/Sub push envelopes signed with `X-Goog-Signature` =
 * base64(HMAC-SHA512(clientToken, decoded data)). Every decoded shape becomes InboundEvents;
 * unknown fields and unknown event types are ignored, never rejected (Google would retry them
 * for 7 days). The customer's number goes through the API's parser; a national one is read in
 * RBM_AGENT_COUNTRY when set, and a number that does not parse drops the event (still 200).
 */
import * as v from 'valibot';
import { HttpsUrlSchema } from '../../../schemas/content';
import type { InboundEvent } from '../../../schemas/events';
import { type CountryCode, carrierPhone, countryCode } from '../../../schemas/phone';
import { HttpError, validationError } from '../../errors';
import type { DroppedEvent, WebhookProvider, WebhookResult } from '../types';
import { hmac, secretsEqual, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, tryBase64ToBytes } from '../../lib/encoding';

const HandshakeSchema = v.object({ clientToken: v.string(), secret: v.string() });

const EnvelopeSchema = v.object({
  message: v.object({
    data: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    messageId: v.optional(v.string()),
    publishTime: v.optional(v.string()),
  }),
});

const Str = v.optional(v.string());
/** The decoded payload: one loose object covering user messages, user events, server events. */
const DecodedSchema = v.object({
  senderPhoneNumber: Str,
  phoneNumber: Str,
  messageId: Str,
  eventId: Str,
  sendTime: Str,
  agentId: Str,
  eventType: Str,
  text: Str,
  suggestionResponse: v.optional(v.object({ postbackData: v.string(), text: v.optional(v.string(), ''), type: Str })),
  location: v.optional(v.object({ latitude: v.number(), longitude: v.number() })),
  userFile: v.optional(
    v.object({
      payload: v.object({
        mimeType: Str,
        fileUri: v.string(),
        fileName: Str,
        fileSizeBytes: v.optional(v.union([v.number(), v.string()])),
      }),
    }),
  ),
});
type Decoded = v.InferOutput<typeof DecodedSchema>;

/** base64(HMAC-SHA512(key, data)) as Google computes `X-Goog-Signature`. */
export async function rbmSignature(clientToken: string, data: Uint8Array): Promise<string> {
  return bytesToBase64(await hmac('SHA-512', clientToken, data));
}

async function signatureValid(clientToken: string, data: Uint8Array<ArrayBuffer>, header: string | null): Promise<boolean> {
  if (!header) return false;
  const given = tryBase64ToBytes(header);
  if (!given) return false;
  return timingSafeEqual(await hmac('SHA-512', clientToken, data), given);
}

const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

/**
 * Verify and parse one POST to /webhooks/rbm. Throws HttpError 401 (unsigned, forged, wrong
 * handshake token) or 400 (not an envelope); nothing is routed in either case.
 */
export async function parseRbmWebhook(
  rawBody: string,
  signature: string | null,
  clientToken: string,
  opts: { now?: Date; country?: CountryCode } = {},
): Promise<WebhookResult> {
  const now = opts.now ?? new Date();
  if (!clientToken) throw unauthorized('RBM_CLIENT_TOKEN is not configured: RBM webhooks cannot be verified');
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new HttpError(400, 'invalid_request', 'body: must be JSON');
  }

  // Google's verification handshake when the webhook is configured in the console.
  const hs = v.safeParse(HandshakeSchema, json);
  if (hs.success && !(typeof json === 'object' && json !== null && 'message' in json)) {
    if (!(await secretsEqual(hs.output.clientToken, clientToken))) throw unauthorized('clientToken does not match RBM_CLIENT_TOKEN');
    return {
      kind: 'respond',
      response: new Response(hs.output.secret, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    };
  }

  // The signature is checked before the envelope is trusted for anything else.
  const dataField =
    typeof json === 'object' && json !== null && 'message' in json ? (json as { message?: { data?: unknown } }).message?.data : undefined;
  const data = typeof dataField === 'string' ? tryBase64ToBytes(dataField) : null;
  if (!signature) throw unauthorized('missing X-Goog-Signature');
  if (!data || !(await signatureValid(clientToken, data, signature))) throw unauthorized('X-Goog-Signature does not match');

  const env = v.safeParse(EnvelopeSchema, json);
  if (!env.success) throw validationError(env.issues);
  let decodedJson: unknown;
  try {
    decodedJson = JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw new HttpError(400, 'invalid_request', 'message.data: must be base64 of a JSON object');
  }
  // valibot's object schemas let an array through: it would be acknowledged as an empty event.
  if (typeof decodedJson !== 'object' || decodedJson === null || Array.isArray(decodedJson)) {
    throw new HttpError(400, 'invalid_request', 'message.data: must be base64 of a JSON object');
  }
  const decoded = v.safeParse(DecodedSchema, decodedJson);
  if (!decoded.success) throw validationError(decoded.issues, 'message.data');
  const parsed = toEvents(decoded.output, env.output.message.publishTime ?? now.toISOString(), opts.country);
  return { kind: 'events', ...parsed };
}

const USER_EVENT_STATUS = { DELIVERED: 'delivered', READ: 'read' } as const;
const SERVER_EVENT_STATUS = { TTL_EXPIRATION_REVOKED: 'ttl_revoked', TTL_EXPIRATION_REVOKE_FAILED: 'ttl_revoke_failed' } as const;

/** One decoded payload → zero or one normalized event (or the reason it was dropped). */
export function toEvents(d: Decoded, fallbackTime: string, country?: CountryCode): { events: InboundEvent[]; dropped: DroppedEvent[] } {
  const id = d.messageId ?? d.eventId ?? null;
  // Server events name the user `phoneNumber`; user messages and events `senderPhoneNumber`.
  const raw = d.senderPhoneNumber ?? d.phoneNumber;
  const phone = carrierPhone(raw, country);
  if (!phone) return { events: [], dropped: [{ id, reason: `sender ${JSON.stringify(raw ?? null)} is not a phone number` }] };
  if (d.userFile && !v.is(HttpsUrlSchema, d.userFile.payload.fileUri)) {
    return { events: [], dropped: [{ id, reason: 'userFile.fileUri is not an https URL' }] };
  }
  return { events: eventsOf(d, { provider: 'rbm', phone, at: d.sendTime ?? fallbackTime, channel: 'rcs' }), dropped: [] };
}

function eventsOf(d: Decoded, base: { provider: 'rbm'; phone: string; at: string; channel: 'rcs' }): InboundEvent[] {
  if (d.eventType) {
    const id = d.eventId ?? (d.messageId ? `${d.eventType}:${d.messageId}` : undefined);
    if (!id) return [];
    if (d.eventType === 'DELIVERED' || d.eventType === 'READ') {
      if (!d.messageId) return [];
      return [{ ...base, id, type: 'status', status: USER_EVENT_STATUS[d.eventType], provider_message_id: d.messageId }];
    }
    if (d.eventType === 'TTL_EXPIRATION_REVOKED' || d.eventType === 'TTL_EXPIRATION_REVOKE_FAILED') {
      if (!d.messageId) return [];
      return [
        {
          ...base,
          id,
          type: 'status',
          status: SERVER_EVENT_STATUS[d.eventType],
          provider_message_id: d.messageId,
          reason:
            d.eventType === 'TTL_EXPIRATION_REVOKED'
              ? 'RBM revoked the message when its TTL expired'
              : 'RBM could not revoke the message at TTL expiry',
        },
      ];
    }
    if (d.eventType === 'IS_TYPING') return [{ ...base, id, type: 'typing' }];
    if (d.eventType === 'UNSUBSCRIBE') return [{ ...base, id, type: 'unsubscribe' }];
    if (d.eventType === 'SUBSCRIBE') return [{ ...base, id, type: 'subscribe' }];
    return []; // an event type this version does not know: acknowledged and ignored
  }

  // A tap on a suggested action may carry `eventId` instead of `messageId`.
  const id = d.messageId ?? d.eventId;
  if (!id) return [];
  if (d.suggestionResponse) {
    const sr = d.suggestionResponse;
    const kind = sr.type === 'ACTION' || (sr.type === undefined && !d.messageId) ? 'action' : 'reply';
    return [{ ...base, id, type: 'tap', postback: sr.postbackData, text: sr.text, kind }];
  }
  if (d.text !== undefined) return [{ ...base, id, type: 'message', text: d.text }];
  if (d.location) return [{ ...base, id, type: 'message', location: { latitude: d.location.latitude, longitude: d.location.longitude } }];
  if (d.userFile) {
    const p = d.userFile.payload;
    return [{ ...base, id, type: 'message', media: [{ url: p.fileUri, ...(p.mimeType ? { content_type: p.mimeType } : {}) }] }];
  }
  return [];
}

export const rbmWebhook: WebhookProvider = {
  name: 'rbm',
  // Pub/Sub pushes at most 10 MB; RBM payloads are a few kB.
  maxBytes: 1_000_000,
  enabled: () => true,
  verifyAndParse: (env, req) =>
    parseRbmWebhook(new TextDecoder().decode(req.raw), req.headers.get('x-goog-signature'), env.RBM_CLIENT_TOKEN || '', {
      country: countryCode(env.RBM_AGENT_COUNTRY),
    }),
  acknowledge: (outcome) => Response.json({ ok: true, events: outcome.events }, { status: 200 }),
  // `fileUri` is a link Google signs for whoever holds it: fetched as is.
};
