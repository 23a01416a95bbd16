/**
 * `POST /webhooks/<provider>`, the same route for every carrier (docs/architecture.md, "Receiving a
 * callback"): bounded body → the provider's verify-and-parse (401 forged, 400 malformed,
 * nothing routed either way) → media copied and events routed to the Profile objects → the
 * provider's acknowledgement. A store (Shopify) sends orders, checkouts and customers instead of
 * messages: same steps, its events go to `Profile.storeEvent`. Events the provider dropped (a number that does not parse) are
 * logged and acknowledged so the carrier stops retrying. A failure while routing answers 500
 * so the carrier redelivers; the Profile drops the duplicates.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../errors';
import { ingestEvents, ingestStoreEvents } from '../inbound';
import type { WebhookProvider } from '../providers/types';
import { limitBody } from './validate';

export function webhookRoute(provider: WebhookProvider) {
  return new Hono<AppEnv>().post('/', limitBody(provider.maxBytes), async (c) => {
    if (!provider.enabled(c.env)) throw new HttpError(404, 'not_found', `The ${provider.name} webhook is off in this deployment.`);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > provider.maxBytes) throw new HttpError(413, 'payload_too_large', `${provider.name} webhook body is too large`);
    const result = await provider.verifyAndParse(c.env, { raw, headers: c.req.raw.headers, url: c.req.url });
    if (result.kind === 'respond') return result.response;
    for (const d of result.dropped) console.warn(`webhook ${provider.name}: dropped ${d.id ?? 'event'}: ${d.reason}`);
    const outcome =
      result.kind === 'store' ? await ingestStoreEvents(c.env, result.events) : await ingestEvents(c.env, provider, result.events);
    return provider.acknowledge({ events: result.events.length, duplicate: outcome.duplicate });
  });
}
