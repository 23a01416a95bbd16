/**
 * The bench build's entry (`[env.bench]` in wrangler.toml, used only by `npm run bench`): the
 * production Worker unchanged, plus the /bench/* routes, the BenchBaseline yardstick object
 * and the Profile and Inbox classes with their fixture fills. Nothing here is imported by
 * worker/index.ts, so the production bundle contains none of it.
 */
import { Hono } from 'hono';
import worker from '../index';
import { onError } from '../errors';
import type { BenchEnv } from './env';
import { benchInbox } from './inbox-routes';
import { benchResults } from './results-routes';
import { bench } from './routes';
import { baselineBatch, benchCampaign } from './campaign';

export { BenchBaseline } from './baseline.do';
export { BenchInbox as Inbox, BenchProfile as Profile } from './objects';

const app = new Hono<{ Bindings: BenchEnv }>();
app.onError(onError);
app.route('/bench/inbox', benchInbox);
app.route('/bench/campaign', benchCampaign);
app.route('/bench/results', benchResults);
app.route('/bench', bench);

export default {
  ...worker,
  fetch(request, env, ctx) {
    return new URL(request.url).pathname.startsWith('/bench/') ? app.fetch(request, env, ctx) : worker.fetch(request, env, ctx);
  },
  // The campaign benchmark's yardstick shares the queue; everything else is the real consumer.
  async queue(batch, env) {
    if (await baselineBatch(batch, env)) return;
    await worker.queue(batch, env);
  },
} satisfies ExportedHandler<BenchEnv>;
