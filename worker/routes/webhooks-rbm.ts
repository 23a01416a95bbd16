/**
 * POST /webhooks/rbm: Google RBM's Pub/Sub push (and its clientToken/secret handshake).
 * Verify → validate → normalize → route to the Profile objects → 200. A failure while
 * routing answers 500 so Google redelivers; the Profile drops the duplicates.
 */
import { Hono } from 'hono';
import { HttpError } from '../errors';
import type { AppEnv } from '../app-env';
import { routeEvents } from '../inbound';
import { parseRbmWebhook } from '../providers/rbm/webhook';

/** Pub/Sub pushes at most 10 MB; RBM payloads are a few kB. */
const MAX_BODY = 1_000_000;

export const rbmWebhooks = new Hono<AppEnv>();

rbmWebhooks.post('/', async (c) => {
  if (Number(c.req.header('content-length') ?? '0') > MAX_BODY)
    throw new HttpError(413, 'payload_too_large', 'RBM webhook body is too large');
  const raw = await c.req.text();
  if (raw.length > MAX_BODY) throw new HttpError(413, 'payload_too_large', 'RBM webhook body is too large');
  const result = await parseRbmWebhook(raw, c.req.header('x-goog-signature') ?? null, c.env.RBM_CLIENT_TOKEN || '');
  if (result.kind === 'respond') return result.response;
  await routeEvents(c.env, result.events);
  return c.json({ ok: true, events: result.events.length });
});
