/**
 * `POST /v1/subscriptions` (docs/api.md, "Subscriptions"): starts a signup for a number. With
 * double opt-in (the default) the customer gets one confirmation request and is `pending`
 * until they answer YES; `double_opt_in: false` subscribes at once, for consent the caller
 * collected itself and names in `source`. Answers 202 either way; 409 for a customer who
 * texted STOP (only their own words bring them back).
 */
import { Hono } from 'hono';
import { SubscriptionRequestSchema, type SubscriptionResponse } from '../../../schemas/subscriptions';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { consentRefused } from '../../errors';
import { jsonBody } from '../validate';

export const subscriptions = new Hono<ApiEnv>().use(apiKeyAuth()).post('/', jsonBody(SubscriptionRequestSchema), async (c) => {
  const body = c.req.valid('json');
  const outcome = await c.env.PROFILE.getByName(body.phone).subscribe(body.phone, {
    purpose: body.purpose,
    source: body.source,
    via: 'api',
    double: body.double_opt_in,
    ...(body.locale ? { locale: body.locale } : {}),
    actor: c.var.actor,
  });
  if ('error' in outcome) throw consentRefused(outcome);
  return c.json({ status: outcome.status } satisfies SubscriptionResponse, 202);
});
