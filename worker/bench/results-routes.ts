/**
 * `/bench/results/*` (bench build only): `POST /bench/results/fill {source, recipients}` writes
 * a source's touches and its recipients' orders straight into D1, generated inside SQLite (a
 * recursive CTE: no rows cross the wire), the way a campaign of that size leaves them;
 * `GET /bench/results/{source}` answers `sourceMetrics` with the time it took inside the
 * Worker (Server-Timing, the mean of `X-Bench-Repeat` calls).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { SourceIdSchema } from '../../schemas/results';
import { sourceMetrics } from '../results';
import { jsonBody } from '../routes/validate';
import type { BenchEnv } from './env';

const FillBody = v.object({
  source: SourceIdSchema,
  recipients: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000)),
});

const HOUR = 3_600_000;

export const benchResults = new Hono<{ Bindings: BenchEnv }>()
  .post('/fill', jsonBody(FillBody), async (c) => {
    const { source, recipients } = c.req.valid('json');
    const t0 = Date.now() - 48 * HOUR;
    const db = c.env.DB;
    // Recipient i: phone +1999<source hash><i>; RCS for 6 in 10, read for most of those,
    // a click or tap for 1 in 10, an order 1 to 30 h later for 1 in 25.
    const rows = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2)
      SELECT i, ?1 || '-' || i AS message_id, '+1999' || printf('%08d', i) || '-' || ?1 AS phone,
        CASE WHEN i % 10 < 6 THEN 'rcs' ELSE 'sms' END AS channel, ?3 + i * 10 AS at FROM n`;
    const insert = (kind: string, where: string, offset: number) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO touches (message_id, kind, source_id, phone, channel, at)
           SELECT message_id, '${kind}', ?1, phone, channel, at + ${offset} FROM (${rows}) WHERE ${where}`,
        )
        .bind(source, recipients, t0);
    const started = Date.now();
    await db.batch([
      insert('sent', '1', 0),
      insert('delivered', 'i % 50 <> 0', 5000),
      insert('read', "channel = 'rcs' AND i % 4 <> 0", 600_000),
      insert('clicked', "channel = 'sms' AND i % 10 = 7", 1_200_000),
      insert('tapped', "channel = 'rcs' AND i % 10 = 3", 1_200_000),
      db
        .prepare(
          `INSERT OR IGNORE INTO orders (order_id, phone, value, currency, at, items)
           SELECT 'order-' || message_id, phone, 40 + (i % 7) * 10, 'EUR', at + ${HOUR} + (i % 30) * ${HOUR}, '[]' FROM (${rows}) WHERE i % 25 = 0`,
        )
        .bind(source, recipients, t0),
    ]);
    return c.json({ source, recipients, ms: Date.now() - started });
  })
  .get('/:source', async (c) => {
    const source = c.req.param('source');
    const repeat = Math.max(1, Math.min(50, Number(c.req.header('x-bench-repeat')) || 1));
    const started = performance.now();
    let metrics = await sourceMetrics(c.env, source);
    for (let i = 1; i < repeat; i++) metrics = await sourceMetrics(c.env, source);
    const ms = (performance.now() - started) / repeat;
    return c.json(metrics, 200, { 'server-timing': `results;dur=${ms.toFixed(2)}` });
  });
