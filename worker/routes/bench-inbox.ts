/**
 * `/bench/inbox/*`: benchmark-only routes (404 unless BENCH=1) for the inbox list at scale.
 * `POST /bench/inbox/:size/fill` grows the Inbox object `bench-<size>` to `size` synthetic
 * conversations; `GET /bench/inbox/:size/list?...` answers one list page from it, with the
 * same query the console sends (minus the session, which is not what is measured).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ConversationListQuerySchema } from '../../schemas/console-api';
import { HttpError } from '../errors';
import { params, query } from './validate';

const sizeParam = params(
  v.object({ size: v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.minValue(1), v.maxValue(100_000)) }),
);

export const benchInbox = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    // Widened on purpose: wrangler types the var as its wrangler.toml literal.
    const enabled: string = c.env.BENCH;
    if (enabled !== '1') throw new HttpError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    await next();
  })
  .post('/:size/fill', sizeParam, async (c) => {
    const { size } = c.req.valid('param');
    const rows = await c.env.INBOX.getByName(`bench-${size}`).fillForBench(size);
    return c.json({ rows });
  })
  .get('/:size/list', sizeParam, query(ConversationListQuerySchema), async (c) => {
    const { size } = c.req.valid('param');
    const q = c.req.valid('query');
    const page = await c.env.INBOX.getByName(`bench-${size}`).list({ ...q, userId: 'bench-agent', limit: q.limit ?? 50 });
    return c.json(page);
  });
