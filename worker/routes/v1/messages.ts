/**
 * `POST /v1/messages` (docs/api.md, "Messages"): one message to one profile. The
 * Profile object runs the whole send pipeline (consent, quiet hours, channel choice,
 * idempotency); this answers 202 `{id, status, channel}`, or 422 with the refusal code.
 */
import { Hono } from 'hono';
import { SendMessageSchema } from '../../../schemas/messages';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { HttpError } from '../../errors';
import { jsonBody } from '../validate';

export const messages = new Hono<ApiEnv>().use(apiKeyAuth()).post('/', jsonBody(SendMessageSchema), async (c) => {
  const body = c.req.valid('json');
  const outcome = await c.env.PROFILE.getByName(body.to).send(body.to, {
    purpose: body.purpose,
    content: body.content,
    fallback_text: body.fallback_text,
    idempotency_key: body.idempotency_key,
    send_at: body.send_at,
    author: c.var.actor,
  });
  if (!outcome.ok) throw new HttpError(422, outcome.error, outcome.message);
  return c.json({ id: outcome.id, status: outcome.status, channel: outcome.channel }, 202);
});
