/**
 * `POST /v1/events` (docs/api.md, "Events"): a customer event from the shop
 * ("Placed Order", "Back In Stock", "Viewed Product"...), stored on the Profile object where
 * it can trigger flows and feed revenue attribution. Answers 202: processing is the
 * profile's business; a repeated `id` is accepted and recorded once.
 */
import { Hono } from 'hono';
import { TrackEventSchema } from '../../../schemas/messages';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { jsonBody } from '../validate';

export const events = new Hono<ApiEnv>().use(apiKeyAuth()).post('/', jsonBody(TrackEventSchema), async (c) => {
  const event = c.req.valid('json');
  const { duplicate } = await c.env.PROFILE.getByName(event.phone).track(event);
  return c.json({ accepted: true, duplicate }, 202);
});
