/**
 * The campaign benchmark's side in the bench build (`npm run bench -- campaign`):
 * - `POST /bench/campaign/seed {from, count, run}`: subscribed customers +3363998NNNN (the
 *   fiction range) tagged `bench_run`, in a daytime zone so quiet hours do not hold them, written
 *   object by object (concurrently) with their D1 directory rows in bulk;
 * - `POST /bench/campaign/audit {campaign_id, phones}`: each recipient's object says what of the
 *   campaign reached the carrier and when the customer opted out (the run's read-back);
 * - `POST /bench/campaign/baseline {run, phones}`: the yardstick, the same queue fan-out shape
 *   (messages of 20 recipients through CAMPAIGN_QUEUE) whose consumer does one SQLite insert per
 *   recipient in that recipient's Profile object (the same, already created objects the campaign
 *   reaches: neither side pays for creating them); `GET /bench/campaign/baseline/:run` says how many landed.
 * - `POST /bench/campaign/work {run}`: one RCS and one SMS recipient's storage work, counted
 *   in their objects with the sandbox's receipts at fixed times (statements, their kinds,
 *   alarm calls): a figure that does not move with the machine's load.
 * The bench entry routes queue messages of kind `bench_baseline` to `baselineBatch`.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { jsonBody } from '../routes/validate';
import type { BenchEnv } from './env';
import type { CampaignAudit, RecipientWork, SeededProfile } from './objects';

/** Object calls in flight at once during a seed or an audit. */
const CONCURRENCY = 50;
/** Directory rows per D1 statement (one bound JSON array, read with json_each). */
const ROWS_PER_INSERT = 1000;

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The directory rows of a fill, in one statement per ROWS_PER_INSERT (the columns a Profile's mirror writes). */
function directoryInserts(db: D1Database, rows: SeededProfile[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    out.push(
      db
        .prepare(
          `INSERT INTO profiles (phone, first_name, timezone, properties, marketing, transactional, created_at, updated_at, country)
           SELECT json_extract(value, '$.phone'), json_extract(value, '$.first_name'), json_extract(value, '$.timezone'),
             json_extract(value, '$.properties'), 'subscribed', 'never', json_extract(value, '$.created_at'),
             json_extract(value, '$.updated_at'), 'FR'
           FROM json_each(?) WHERE true
           ON CONFLICT (phone) DO UPDATE SET first_name = excluded.first_name, timezone = excluded.timezone,
             properties = excluded.properties, marketing = excluded.marketing, updated_at = excluded.updated_at`,
        )
        .bind(JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT))),
    );
  }
  return out;
}

const SeedBody = v.object({
  from: v.pipe(v.number(), v.integer(), v.minValue(0)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)),
  run: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
});
const AuditBody = v.object({ campaign_id: v.string(), phones: v.pipe(v.array(v.string()), v.maxLength(5000)) });
const BaselineBody = v.object({ run: v.string(), phones: v.array(v.string()) });
const BaselineTask = v.object({ kind: v.literal('bench_baseline'), run: v.string(), phones: v.array(v.string()) });

export const benchPhone = (i: number) => `+3363998${String(i).padStart(4, '0')}`;

/**
 * Recipients the baseline consumer has written, per run: a D1 row (the queue consumer may run in
 * another isolate than the route that reads it), one write per message of 20.
 */
const LANDED = 'CREATE TABLE IF NOT EXISTS bench_campaign_landed (run TEXT PRIMARY KEY, n INTEGER NOT NULL, last_at INTEGER NOT NULL)';

/** A zone where it is daytime now, so the campaign is measured sending, not holding. */
function daytimeZone(): string {
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Honolulu',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Asia/Kolkata',
  ];
  const hour = (z: string) =>
    Number(new Intl.DateTimeFormat('en-US', { timeZone: z, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  return zones.find((z) => hour(z) >= 9 && hour(z) <= 18) ?? 'Europe/Paris';
}

export const benchCampaign = new Hono<{ Bindings: BenchEnv }>()
  // The bulk fill: `count` subscribed customers tagged `properties.bench_run = run` (the
  // campaign's segment), each written in its own object, and their directory rows in a few
  // statements instead of one D1 write per customer.
  .post('/seed', jsonBody(SeedBody, 1024 * 1024), async (c) => {
    const { from, count, run } = c.req.valid('json');
    const timezone = daytimeZone();
    const phones = Array.from({ length: count }, (_, i) => benchPhone(from + i));
    const seeded = await pool(phones, CONCURRENCY, (phone) =>
      c.env.PROFILE.getByName(phone).seedForBench(phone, { first_name: 'Bench', timezone, properties: { bench_run: run } }),
    );
    await c.env.DB.batch(directoryInserts(c.env.DB, seeded));
    return c.json({ ok: true, seeded: seeded.length, timezone });
  })
  // The read-back after a run: per recipient, from their own object, what went out and when they opted out.
  .post('/audit', jsonBody(AuditBody, 1024 * 1024), async (c) => {
    const { campaign_id, phones } = c.req.valid('json');
    const audits = await pool(
      phones,
      CONCURRENCY,
      async (phone): Promise<CampaignAudit & { phone: string }> => ({
        phone,
        ...(await c.env.PROFILE.getByName(phone).auditCampaign(campaign_id)),
      }),
    );
    return c.json({ audits });
  })
  .post('/work', jsonBody(v.object({ run: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) })), async (c) => {
    const { run } = c.req.valid('json');
    const timezone = daytimeZone();
    // Outside the benchmark's range; the sandbox's default rule: an even last digit is RCS, odd SMS.
    const work: Record<string, RecipientWork> = {};
    for (const phone of ['+33639970000', '+33639970001']) {
      const stub = c.env.PROFILE.getByName(phone);
      await stub.seedForBench(phone, { first_name: 'Bench', timezone, properties: { bench_run: `work-${run}` } });
      const counted = await stub.countCampaignWork(phone, `work-${run}`);
      work[counted.channel ?? phone] = counted;
    }
    return c.json(work);
  })
  .post('/baseline', jsonBody(BaselineBody), async (c) => {
    const { run, phones } = c.req.valid('json');
    await c.env.DB.prepare(LANDED).run();
    // The clock starts here, in the Worker: the suite's polling may lag (a busy local isolate).
    const at = Date.now();
    const messages = [];
    for (let i = 0; i < phones.length; i += 20) messages.push({ body: { kind: 'bench_baseline', run, phones: phones.slice(i, i + 20) } });
    for (let i = 0; i < messages.length; i += 100) await c.env.CAMPAIGN_QUEUE.sendBatch(messages.slice(i, i + 100));
    return c.json({ ok: true, messages: messages.length, at });
  })
  .get('/baseline/:run', async (c) => {
    await c.env.DB.prepare(LANDED).run();
    const row = await c.env.DB.prepare('SELECT n, last_at FROM bench_campaign_landed WHERE run = ?')
      .bind(c.req.param('run'))
      .first<{ n: number; last_at: number }>();
    return c.json({ landed: row?.n ?? 0, last_at: row?.last_at ?? null });
  });

/** True when the batch was the baseline's (handled here), false to hand it to the real consumer. */
export async function baselineBatch(batch: MessageBatch<unknown>, env: BenchEnv): Promise<boolean> {
  const first = v.safeParse(BaselineTask, batch.messages[0]?.body);
  if (!first.success) return false;
  await Promise.all(
    batch.messages.map(async (m) => {
      const task = v.parse(BaselineTask, m.body);
      await Promise.all(task.phones.map((phone) => env.PROFILE.getByName(phone).benchInsert(`${task.run}:${phone}`, JSON.stringify(task))));
      await env.DB.prepare(
        'INSERT INTO bench_campaign_landed (run, n, last_at) VALUES (?, ?, ?) ON CONFLICT (run) DO UPDATE SET n = n + excluded.n, last_at = max(last_at, excluded.last_at)',
      )
        .bind(task.run, task.phones.length, Date.now())
        .run();
      m.ack();
    }),
  );
  return true;
}
