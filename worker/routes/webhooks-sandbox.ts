/**
 * `POST /webhooks/sandbox`: callbacks of the built-in sandbox network (the phone simulator's
 * replies, taps and typing, the simulated carrier's delivery receipts). Inbound pipeline of
 * architecture.md: verify the signature in constant time (401, nothing recorded) → validate
 * → normalize → route to the Profile object, which drops duplicates → 200.
 */
import { Hono } from 'hono';
import { HttpError } from '../errors';
import { routeEvents } from '../inbound';
import { parseSandboxCallback, SANDBOX_SIGNATURE_HEADER, sandboxEnabled, verifySandboxSignature } from '../providers/sandbox/webhook';
import { limitBody } from './validate';

/** A callback is one small event; anything bigger is not from the sandbox. */
const MAX_CALLBACK_BYTES = 64 * 1024;

export const sandboxWebhook = new Hono<{ Bindings: Env }>().post('/', limitBody(MAX_CALLBACK_BYTES), async (c) => {
  // Real carriers only: there are no simulated phones, so no sandbox callback can be genuine.
  if (!sandboxEnabled(c.env))
    throw new HttpError(404, 'not_found', 'The sandbox network is off (RCS_PROVIDER and SMS_PROVIDER are real carriers).');
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (!(await verifySandboxSignature(c.env.SANDBOX_SECRET, raw, c.req.header(SANDBOX_SIGNATURE_HEADER)))) {
    throw new HttpError(401, 'invalid_signature', `Missing or invalid ${SANDBOX_SIGNATURE_HEADER} header.`);
  }
  const events = parseSandboxCallback(raw);
  const results = await routeEvents(c.env, events);
  return c.json({ ok: true, duplicate: results.every((r) => r.duplicate) }, 200);
});
