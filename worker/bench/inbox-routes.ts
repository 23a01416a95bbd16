/**
 * `/bench/inbox/*`: benchmark-only routes (bench build only) for the inbox list at scale.
 * `POST /bench/inbox/:size/fill` grows the Inbox object `bench-<size>` to `size` synthetic
 * conversations; `GET /bench/inbox/:size/list?...` answers one list page from it, with the
 * same query the console sends (minus the session, which is not what is measured), with the
 * Inbox call's own time in a `Server-Timing` header (its mean over `X-Bench-Repeat` calls).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ConversationListQuerySchema } from '../../schemas/console-api';
import { params, query } from '../routes/validate';
import type { BenchEnv } from './env';

const sizeParam = params(
  v.object({ size: v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.minValue(1), v.maxValue(100_000)) }),
);

export const benchInbox = new Hono<{ Bindings: BenchEnv }>()
  .post('/:size/fill', sizeParam, async (c) => {
    const { size } = c.req.valid('param');
    const rows = await c.env.INBOX.getByName(`bench-${size}`).fillForBench(size);
    return c.json({ rows });
  })
  .get('/:size/list', sizeParam, query(ConversationListQuerySchema), async (c) => {
    const { size } = c.req.valid('param');
    const q = c.req.valid('query');
    const inbox = c.env.INBOX.getByName(`bench-${size}`);
    const query = { ...q, userId: 'bench-agent', limit: q.limit ?? 50 };
    // The Inbox call alone, timed in the Worker (the page's cost without the dev server's
    // proxy), `X-Bench-Repeat` times in a row: the runtime's clock moves in whole milliseconds.
    const repeat = Math.min(100, Math.max(1, Number(c.req.header('x-bench-repeat')) || 1));
    const started = performance.now();
    let page = await inbox.list(query);
    for (let i = 1; i < repeat; i++) page = await inbox.list(query);
    c.header('Server-Timing', `inbox;dur=${((performance.now() - started) / repeat).toFixed(3)}`);
    return c.json(page);
  });
