/**
 * POST /webhooks/twilio: inbound messages, button taps and status callbacks. The signature is
 * checked over PUBLIC_URL + path + query (what Twilio was told to call, not what the edge
 * saw) and every posted parameter. Answers an empty TwiML document.
 */
import { Hono } from 'hono';
import { config } from '../config';
import { HttpError } from '../errors';
import type { AppEnv } from '../app-env';
import { routeEvents } from '../inbound';
import { EMPTY_TWIML, parseTwilioParams, twilioSignatureValid } from '../providers/twilio/webhook';

const MAX_BODY = 1_000_000;

export const twilioWebhooks = new Hono<AppEnv>();

twilioWebhooks.post('/', async (c) => {
  if (Number(c.req.header('content-length') ?? '0') > MAX_BODY)
    throw new HttpError(413, 'payload_too_large', 'Twilio webhook body is too large');
  // Decoded by hand: workerd warns on .text() for form bodies, and the bytes are what was signed.
  const raw = new TextDecoder().decode(await c.req.arrayBuffer());
  if (raw.length > MAX_BODY) throw new HttpError(413, 'payload_too_large', 'Twilio webhook body is too large');
  const token = c.env.TWILIO_AUTH_TOKEN || '';
  if (!token) throw new HttpError(401, 'unauthorized', 'TWILIO_AUTH_TOKEN is not configured: Twilio webhooks cannot be verified');
  const signature = c.req.header('x-twilio-signature') ?? null;
  if (!signature) throw new HttpError(401, 'unauthorized', 'missing X-Twilio-Signature');
  const params = new URLSearchParams(raw);
  const url = new URL(c.req.url);
  const signedUrl = `${config(c.env).publicUrl}${url.pathname}${url.search}`;
  if (!(await twilioSignatureValid(token, signedUrl, params, signature)))
    throw new HttpError(401, 'unauthorized', 'X-Twilio-Signature does not match');
  await routeEvents(c.env, parseTwilioParams(params));
  return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
});
