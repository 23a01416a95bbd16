/**
 * Twilio's webhook (docs/carriers.md, "Webhooks"): inbound messages, button taps and status
 * callbacks, form-encoded and signed with `X-Twilio-Signature` over the URL configured in
 * Twilio (PUBLIC_URL + path + query) and every posted parameter (./signature.ts). Customer
 * numbers go through the API's parser (`whatsapp:`/`rcs:` stripped, a national number read in
 * `FromCountry`/`ToCountry`); an event whose number does not parse is acknowledged and dropped.
 */
import * as v from 'valibot';
import { HttpsUrlSchema } from '../../../schemas/content';
import type { InboundEvent, InboundMedia } from '../../../schemas/events';
import { carrierPhone, countryCode } from '../../../schemas/phone';
import { config } from '../../config';
import { HttpError } from '../../errors';
import type { DroppedEvent, WebhookProvider, WebhookRequest, WebhookResult } from '../types';
import { configuredUrl, signatureAlgorithm, validateTwilioRequest } from './signature';

export { twilioSignature } from './signature';

const STATUS: Record<string, 'sent' | 'delivered' | 'read' | 'failed'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
  partially_delivered: 'delivered',
};

const isRcs = (address: string | null) => (address ?? '').toLowerCase().startsWith('rcs:');

export interface ParsedTwilio {
  events: InboundEvent[];
  dropped: DroppedEvent[];
}

/**
 * A verified form body → events. Status callbacks (MessageStatus other than received) speak
 * of our message to `To`; everything else is the customer (`From`) writing or tapping.
 * Intermediate statuses (queued, accepted, scheduled, sending) carry nothing to record.
 */
export function parseTwilioParams(params: URLSearchParams, now = new Date()): ParsedTwilio {
  const sid = params.get('MessageSid') ?? params.get('SmsSid');
  if (!sid) throw new HttpError(400, 'invalid_request', 'MessageSid: is required');
  const at = now.toISOString();
  const messageStatus = params.get('MessageStatus') ?? (params.get('SmsStatus') === 'received' ? null : params.get('SmsStatus'));
  const drop = (reason: string): ParsedTwilio => ({ events: [], dropped: [{ id: sid, reason }] });

  if (messageStatus && messageStatus !== 'received' && messageStatus !== 'receiving') {
    const status = STATUS[messageStatus];
    if (!status) return { events: [], dropped: [] };
    const phone = carrierPhone(params.get('To'), countryCode(params.get('ToCountry')));
    if (!phone) return drop(`To ${JSON.stringify(params.get('To'))} is not a phone number`);
    const error = params.get('ErrorCode');
    const event: InboundEvent = {
      provider: 'twilio',
      type: 'status',
      // Twilio repeats a callback on failure: (sid, status) is one fact.
      id: `${sid}:${messageStatus}`,
      phone,
      at,
      // The channel actually used: an RCS delivery comes back from `rcs:<sender>`.
      channel: isRcs(params.get('From')) || isRcs(params.get('To')) ? 'rcs' : 'sms',
      provider_message_id: sid,
      status,
      ...(error ? { error_code: error } : {}),
      ...(messageStatus === 'canceled' || messageStatus === 'undelivered' ? { reason: messageStatus } : {}),
    };
    return { events: [event], dropped: [] };
  }

  const from = params.get('From');
  const phone = carrierPhone(from, countryCode(params.get('FromCountry')));
  if (!phone) return drop(`From ${JSON.stringify(from)} is not a phone number`);
  // WhatsApp has no channel of its own here: its replies are recorded like texts.
  const base = { provider: 'twilio' as const, id: sid, phone, at, channel: isRcs(from) ? ('rcs' as const) : ('sms' as const) };
  const payload = params.get('ButtonPayload');
  if (payload) {
    const buttonType = (params.get('ButtonType') ?? '').toUpperCase();
    const tap: InboundEvent = {
      ...base,
      type: 'tap',
      postback: payload,
      text: params.get('ButtonText') ?? params.get('Body') ?? '',
      kind: buttonType === '' || buttonType === 'QUICK_REPLY' || buttonType === 'REPLY' ? 'reply' : 'action',
    };
    return { events: [tap], dropped: [] };
  }
  const dropped: DroppedEvent[] = [];
  const media: InboundMedia[] = [];
  const n = Math.min(Number(params.get('NumMedia') ?? '0') || 0, 10);
  for (let i = 0; i < n; i++) {
    const url = params.get(`MediaUrl${i}`);
    const type = params.get(`MediaContentType${i}`);
    if (!url) continue;
    // The same rule as the media we send: https only (a plain-http file would be fetched in clear).
    if (!v.is(HttpsUrlSchema, url)) dropped.push({ id: `${sid}/MediaUrl${i}`, reason: 'media URL is not https' });
    else media.push({ url, ...(type ? { content_type: type } : {}) });
  }
  const lat = Number(params.get('Latitude'));
  const lng = Number(params.get('Longitude'));
  const location =
    params.has('Latitude') && params.has('Longitude') && Number.isFinite(lat) && Number.isFinite(lng)
      ? { latitude: lat, longitude: lng }
      : undefined;
  const body = params.get('Body');
  if (!body && !media.length && !location) return { events: [], dropped: [...dropped, { id: sid, reason: 'nothing left to record' }] };
  const message: InboundEvent = {
    ...base,
    type: 'message',
    ...(body ? { text: body } : {}),
    ...(media.length ? { media } : {}),
    ...(location ? { location } : {}),
  };
  return { events: [message], dropped };
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

/** Verify and parse one POST to /webhooks/twilio. */
export async function verifyAndParseTwilio(env: Env, req: WebhookRequest, now = new Date()): Promise<WebhookResult> {
  const token = env.TWILIO_AUTH_TOKEN || '';
  if (!token) throw unauthorized('TWILIO_AUTH_TOKEN is not configured: Twilio webhooks cannot be verified');
  const signature = req.headers.get('x-twilio-signature');
  if (!signature) throw unauthorized('missing X-Twilio-Signature');
  // Decoded by hand: the bytes are what was signed, and workerd warns on .text() for form bodies.
  const params = new URLSearchParams(new TextDecoder().decode(req.raw));
  const seen = new URL(req.url);
  const publicUrl = config(env).publicUrl;
  const algorithm = signatureAlgorithm(req.headers.get('x-twilio-webhooks-signature-settings'));
  let valid = false;
  for (const url of new Set([`${publicUrl}${seen.pathname}${seen.search}`, configuredUrl(publicUrl, seen)])) {
    if (await validateTwilioRequest(token, signature, url, params, algorithm)) valid = true;
  }
  if (!valid) throw unauthorized('X-Twilio-Signature does not match');
  const parsed = parseTwilioParams(params, now);
  return { kind: 'events', events: parsed.events, dropped: parsed.dropped };
}

export const twilioWebhook: WebhookProvider = {
  name: 'twilio',
  maxBytes: 1_000_000,
  enabled: () => true,
  verifyAndParse: (env, req) => verifyAndParseTwilio(env, req),
  // An empty TwiML document: no automatic reply, the Profile answers through the API if needed.
  acknowledge: () => new Response(EMPTY_TWIML, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } }),
  mediaAuthorization(env, url) {
    // Twilio media may require the account's Basic auth, and only Twilio's own API host gets it.
    const api = new URL(config(env).twilioApiBase);
    if (url.origin !== api.origin || !env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) return null;
    return `Basic ${btoa(`${env.TWILIO_ACCOUNT_SID}:${env.TWILIO_AUTH_TOKEN}`)}`;
  },
};
