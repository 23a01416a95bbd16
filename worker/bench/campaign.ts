/**
 * The campaign benchmark's side in the bench build (`npm run bench -- campaign`):
 * - `POST /bench/campaign/fill {from, count}`: subscribed customers +3363998NNNN (the fiction
 *   range), in a daytime zone so quiet hours do not hold them (weekdays);
 * - `POST /bench/campaign/baseline {run, phones}`: the yardstick, the same queue fan-out shape
 *   (messages of 20 recipients through CAMPAIGN_QUEUE) whose consumer does one Durable Object
 *   SQLite insert per recipient; `GET /bench/campaign/baseline/:run` says how many landed.
 * The bench entry routes queue messages of kind `bench_baseline` to `baselineBatch`.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { jsonBody } from '../routes/validate';
import type { BenchEnv } from './env';

const FillBody = v.object({
  from: v.pipe(v.number(), v.integer(), v.minValue(0)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
});
const BaselineBody = v.object({ run: v.string(), phones: v.array(v.string()) });
const BaselineTask = v.object({ kind: v.literal('bench_baseline'), run: v.string(), phones: v.array(v.string()) });

export const benchPhone = (i: number) => `+3363998${String(i).padStart(4, '0')}`;

/**
 * Recipients the baseline consumer has written, per run: a D1 row (the queue consumer may run in
 * another isolate than the route that reads it), one write per message of 20.
 */
const LANDED = 'CREATE TABLE IF NOT EXISTS bench_landed (run TEXT PRIMARY KEY, n INTEGER NOT NULL)';

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
  .post('/fill', jsonBody(FillBody), async (c) => {
    const { from, count } = c.req.valid('json');
    const timezone = daytimeZone();
    await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const phone = benchPhone(from + i);
        return c.env.PROFILE.getByName(phone).upsert(
          phone,
          { first_name: 'Bench', timezone, consent: { marketing: 'subscribed', source: 'bench' } },
          'bench',
        );
      }),
    );
    return c.json({ ok: true, timezone });
  })
  .post('/baseline', jsonBody(BaselineBody), async (c) => {
    const { run, phones } = c.req.valid('json');
    await c.env.DB.prepare(LANDED).run();
    const messages = [];
    for (let i = 0; i < phones.length; i += 20) messages.push({ body: { kind: 'bench_baseline', run, phones: phones.slice(i, i + 20) } });
    for (let i = 0; i < messages.length; i += 100) await c.env.CAMPAIGN_QUEUE.sendBatch(messages.slice(i, i + 100));
    return c.json({ ok: true, messages: messages.length });
  })
  .get('/baseline/:run', async (c) => {
    await c.env.DB.prepare(LANDED).run();
    const row = await c.env.DB.prepare('SELECT n FROM bench_landed WHERE run = ?').bind(c.req.param('run')).first<{ n: number }>();
    return c.json({ landed: row?.n ?? 0 });
  });

/** True when the batch was the baseline's (handled here), false to hand it to the real consumer. */
export async function baselineBatch(batch: MessageBatch<unknown>, env: BenchEnv): Promise<boolean> {
  const first = v.safeParse(BaselineTask, batch.messages[0]?.body);
  if (!first.success) return false;
  await Promise.all(
    batch.messages.map(async (m) => {
      const task = v.parse(BaselineTask, m.body);
      await Promise.all(
        task.phones.map((phone) => env.BENCH_BASELINE.getByName(phone).insert(`${task.run}:${phone}`, JSON.stringify(task))),
      );
      await env.DB.prepare('INSERT INTO bench_landed (run, n) VALUES (?, ?) ON CONFLICT (run) DO UPDATE SET n = n + excluded.n')
        .bind(task.run, task.phones.length)
        .run();
      m.ack();
    }),
  );
  return true;
}
