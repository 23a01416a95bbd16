/**
 * The Worker: one Hono app, one router per resource, one onError, one notFound. Exports the
 * Durable Object classes and the queue handler. Find where a URL is handled here.
 */
import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { onError, HttpError } from './errors';
import { events } from './routes/v1/events';
import { messages } from './routes/v1/messages';
import { profiles } from './routes/v1/profiles';
import { sandboxWebhook } from './routes/webhooks-sandbox';
import { consoleGate } from './auth/gate';
import { ensureSeeded } from './auth/users';
import { auth } from './routes/api/auth';
import { users } from './routes/api/users';
import { rbmWebhooks } from './routes/webhooks-rbm';
import { twilioWebhooks } from './routes/webhooks-twilio';
import { ensureDemoData } from './seed';
import { brand, simulator } from './routes/simulator';
import { apiKeys } from './routes/api/api-keys';
import { cannedResponses } from './routes/api/canned-responses';
import { conversations } from './routes/api/conversations';
import { labels } from './routes/api/labels';
import { settings } from './routes/api/settings';
import { ws } from './routes/api/ws';

export { Profile } from './profile.do';
export { Inbox } from './inbox.do';

const app = new Hono<AppEnv>();
app.onError(onError);
app.notFound((c) => new HttpError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`).toResponse());

// Console API: session + CSRF for everything but health and sign-in (worker/auth/gate.ts).
app.use('/api/*', consoleGate());
// `npm start` calls this once: it creates the first admin (and sandbox demo accounts).
let seeded = false;
app.get('/api/health', async (c) => {
  if (!seeded) {
    await ensureSeeded(c.env);
    seeded = true;
  }
  // Demo customers and conversations on a fresh sandbox deployment (worker/seed.ts).
  await ensureDemoData(c.env);
  return c.json({ ok: true });
});
app.route('/api/auth', auth);
app.route('/api/users', users);
// The phone simulator's server side (sandbox network) and the brand shown on phones.
app.route('/api/simulator', simulator);
app.route('/api/brand', brand);
app.route('/api/conversations', conversations);
app.route('/api/canned-responses', cannedResponses);
app.route('/api/labels', labels);
app.route('/api/settings', settings);
app.route('/api/api-keys', apiKeys);
app.route('/api/ws', ws);

// Public API (architecture.md "Public contract"): Bearer API key, JSON in and out.
app.route('/v1/profiles', profiles);
app.route('/v1/messages', messages);
app.route('/v1/events', events);

// Provider webhooks: each verifies its own signature.
app.route('/webhooks/sandbox', sandboxWebhook);
app.route('/webhooks/rbm', rbmWebhooks);
app.route('/webhooks/twilio', twilioWebhooks);

export default {
  fetch: app.fetch,
  async queue(_batch, _env) {},
} satisfies ExportedHandler<Env>;
export { app };
