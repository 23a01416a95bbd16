/**
 * The Worker: one Hono app, one router per resource, one onError, one notFound. Exports the
 * Durable Object classes and the queue handler. Find where a URL is handled here.
 */
import { Hono } from 'hono';
import { onError, HttpError } from './errors';

export { Profile } from './profile.do';
export { Inbox } from './inbox.do';

export type AppEnv = { Bindings: Env };

const app = new Hono<AppEnv>();
app.onError(onError);
app.notFound((c) => new HttpError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`).toResponse());

app.get('/api/health', (c) => c.json({ ok: true }));

export default {
  fetch: app.fetch,
  async queue(_batch, _env) {},
} satisfies ExportedHandler<Env>;
export { app };
