/**
 * Verifies and parses Twilio webhooks (providers.md, "Twilio"): `X-Twilio-Signature` =
 * base64(HMAC-SHA1(AuthToken, URL + every POST param sorted by name as name+value)), checked
 * against the URL with and without the default port as Twilio's validator does. Inbound
 * messages, button taps and status callbacks become InboundEvents.
 */
import type { InboundEvent } from '../../../schemas/events';
import { HttpError } from '../../errors';
import { hmac, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, tryBase64ToBytes } from '../../lib/encoding';

/** The signed string: the URL, then every parameter sorted by name as name+value. */
function signedData(url: string, params: URLSearchParams): string {
  let data = url;
  // Repeated names: each value, in value order, as twilio-node does for arrays.
  for (const k of [...new Set(params.keys())].sort()) for (const value of params.getAll(k).sort()) data += k + value;
  return data;
}

/** base64(HMAC-SHA1(authToken, url + sorted name+value pairs)). */
export async function twilioSignature(authToken: string, url: string, params: URLSearchParams): Promise<string> {
  return bytesToBase64(await hmac('SHA-1', authToken, signedData(url, params)));
}

/**
 * The URL as written, without its port, and with the default port added (twilio-node's
 * validator tries the latter two). Built on the string so path and query stay byte-exact.
 */
export function urlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/?#]+)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme = '', authority = '', rest = ''] = m;
  const host = authority.replace(/:\d+$/, '');
  const port = scheme.toLowerCase() === 'https' ? '443' : '80';
  return [...new Set([url, `${scheme}://${host}${rest}`, `${scheme}://${host}:${port}${rest}`])];
}

export async function twilioSignatureValid(
  authToken: string,
  url: string,
  params: URLSearchParams,
  header: string | null,
): Promise<boolean> {
  if (!header || !authToken) return false;
  const given = tryBase64ToBytes(header);
  if (!given) return false;
  let ok = false;
  // Every variant is computed and compared so timing does not reveal which one matched.
  for (const variant of urlVariants(url)) {
    if (timingSafeEqual(await hmac('SHA-1', authToken, signedData(variant, params)), given)) ok = true;
  }
  return ok;
}

/** Twilio's `rcs:+1555…` / `+1555…` / `whatsapp:` addresses → E.164 and channel. */
function address(a: string | null): { phone: string; rcs: boolean } | null {
  if (!a) return null;
  if (a.startsWith('rcs:')) return { phone: a.slice(4), rcs: true };
  return { phone: a, rcs: false };
}

const STATUS: Record<string, 'sent' | 'delivered' | 'read' | 'failed'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
  partially_delivered: 'delivered',
};

/**
 * A verified form body → events. Status callbacks (MessageStatus other than received) speak
 * of our message to `To`; everything else is the customer (`From`) writing or tapping.
 * Intermediate statuses (queued, accepted, scheduled, sending) carry nothing to record.
 */
export function parseTwilioParams(params: URLSearchParams, now = new Date()): InboundEvent[] {
  const sid = params.get('MessageSid') ?? params.get('SmsSid');
  if (!sid) throw new HttpError(400, 'invalid_request', 'MessageSid: is required');
  const at = now.toISOString();
  const messageStatus = params.get('MessageStatus') ?? (params.get('SmsStatus') === 'received' ? null : params.get('SmsStatus'));

  if (messageStatus && messageStatus !== 'received' && messageStatus !== 'receiving') {
    const to = address(params.get('To'));
    const from = address(params.get('From'));
    if (!to) throw new HttpError(400, 'invalid_request', 'To: is required in a status callback');
    const status = STATUS[messageStatus];
    if (!status) return [];
    const error = params.get('ErrorCode');
    return [
      {
        provider: 'twilio',
        type: 'status',
        // Twilio repeats a callback on failure: (sid, status) is one fact.
        id: `${sid}:${messageStatus}`,
        phone: to.phone,
        at,
        // The channel actually used: an RCS delivery comes back from `rcs:<sender>`.
        channel: from?.rcs || to.rcs ? 'rcs' : 'sms',
        provider_message_id: sid,
        status,
        ...(error ? { error_code: error } : {}),
        ...(messageStatus === 'canceled' || messageStatus === 'undelivered' ? { reason: messageStatus } : {}),
      },
    ];
  }

  const from = address(params.get('From'));
  if (!from) throw new HttpError(400, 'invalid_request', 'From: is required');
  const base = { provider: 'twilio' as const, id: sid, phone: from.phone, at, channel: from.rcs ? ('rcs' as const) : ('sms' as const) };
  const payload = params.get('ButtonPayload');
  if (payload) {
    const buttonType = (params.get('ButtonType') ?? '').toUpperCase();
    return [
      {
        ...base,
        type: 'tap',
        postback: payload,
        text: params.get('ButtonText') ?? params.get('Body') ?? '',
        kind: buttonType === '' || buttonType === 'QUICK_REPLY' || buttonType === 'REPLY' ? 'reply' : 'action',
      },
    ];
  }
  const media: { url: string; content_type?: string }[] = [];
  const n = Math.min(Number(params.get('NumMedia') ?? '0') || 0, 10);
  for (let i = 0; i < n; i++) {
    const url = params.get(`MediaUrl${i}`);
    const type = params.get(`MediaContentType${i}`);
    if (url) media.push({ url, ...(type ? { content_type: type } : {}) });
  }
  const lat = Number(params.get('Latitude'));
  const lng = Number(params.get('Longitude'));
  const location =
    params.has('Latitude') && params.has('Longitude') && Number.isFinite(lat) && Number.isFinite(lng)
      ? { latitude: lat, longitude: lng }
      : undefined;
  return [
    {
      ...base,
      type: 'message',
      ...(params.get('Body') ? { text: params.get('Body') ?? '' } : {}),
      ...(media.length ? { media } : {}),
      ...(location ? { location } : {}),
    },
  ];
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
