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
import { segments } from './routes/v1/segments';
import { sandboxWebhook } from './routes/webhooks-sandbox';
import { consoleGate } from './auth/gate';
import { refuseExampleSecrets } from './auth/example-secrets';
import { securityHeaders } from './http/security-headers';
import { jsonRequests, UPLOAD_PATHS } from './routes/validate';
import { auth } from './routes/api/auth';
import { health } from './routes/api/health';
import { users } from './routes/api/users';
import { rbmWebhooks } from './routes/webhooks-rbm';
import { twilioWebhooks } from './routes/webhooks-twilio';
import { shopifyWebhooks } from './routes/webhooks-shopify';
import { brand, simulator } from './routes/simulator';
import { apiKeys } from './routes/api/api-keys';
import { cannedResponses } from './routes/api/canned-responses';
import { conversations } from './routes/api/conversations';
import { labels } from './routes/api/labels';
import { media } from './routes/media';
import { publicMedia } from './routes/media-public';
import { settings } from './routes/api/settings';
import { preview } from './routes/api/preview';
import { ws } from './routes/api/ws';
import { consoleSegments } from './routes/api/segments';
import { consoleCampaigns, v1Campaigns } from './routes/campaigns';
import { DEAD_LETTERS, handleCampaignBatch, handleDeadLetters } from './campaigns/fanout';
import { sweepCampaigns } from './campaigns/service';
import { subscriptions } from './routes/v1/subscriptions';
import { flows } from './routes/api/flows';
import { subscribePage } from './routes/subscribe-page';
import { shortLinks } from './results/links';
import { results } from './routes/api/results';

export { Profile } from './profile.do';
export { Inbox } from './inbox.do';

const app = new Hono<AppEnv>();
app.onError(onError);
app.notFound((c) => new HttpError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`).toResponse());

app.use(securityHeaders());
// 503 everywhere but /api/health while a public example secret is set off loopback.
app.use(refuseExampleSecrets());
// Bodies: JSON only and bounded, before any session or key is looked at (routes/validate.ts).
app.use('/api/*', jsonRequests(undefined, UPLOAD_PATHS));
app.use('/v1/*', jsonRequests());
// Console API: session + CSRF for everything but health and sign-in (worker/auth/gate.ts).
app.use('/api/*', consoleGate());
app.route('/api/health', health);
app.route('/api/auth', auth);
app.route('/api/users', users);
// The phone simulator's server side (sandbox network) and the brand shown on phones.
app.route('/api/simulator', simulator);
app.route('/api/brand', brand);
// Customers' files, copied from the carriers (worker/media.ts): never loaded from their hosts.
app.route('/api/media', media);
app.route('/api/conversations', conversations);
app.route('/api/canned-responses', cannedResponses);
app.route('/api/labels', labels);
app.route('/api/settings', settings);
app.route('/api/api-keys', apiKeys);
app.route('/api/ws', ws);
app.route('/api/preview', preview);
app.route('/api/segments', consoleSegments);
app.route('/api/campaigns', consoleCampaigns);
app.route('/api/flows', flows);
app.route('/api/results', results);

// The media library's files, public for the carriers to fetch (no session): /media/<hash>.<ext>.
app.route('/media', publicMedia);
// Short links of marketing SMS (public: the customer's phone opens them): 302 and a click.
app.route('/l', shortLinks);

// Public API (docs/api.md): Bearer API key, JSON in and out.
app.route('/v1/profiles', profiles);
app.route('/v1/messages', messages);
app.route('/v1/events', events);
app.route('/v1/segments', segments);
app.route('/v1/campaigns', v1Campaigns);
app.route('/v1/subscriptions', subscriptions);

// The hosted signup page (plain HTML, no session; the one page the brand's site may frame).
app.route('/subscribe', subscribePage);

// Provider webhooks: each verifies its own signature.
app.route('/webhooks/sandbox', sandboxWebhook);
app.route('/webhooks/rbm', rbmWebhooks);
app.route('/webhooks/twilio', twilioWebhooks);
app.route('/webhooks/shopify', shopifyWebhooks);

export default {
  fetch: app.fetch,
  // Campaign fan-out (worker/campaigns/fanout.ts).
  async queue(batch, env) {
    if (batch.queue === DEAD_LETTERS) await handleDeadLetters(batch, env);
    else await handleCampaignBatch(batch, env);
  },
  // Each minute: scheduled campaigns that are due start, a stalled fan-out resumes.
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepCampaigns(env));
  },
} satisfies ExportedHandler<Env>;
export { app };
