/**
 * `/bench/*`: routes only the benchmark uses (bench build only, worker/bench/index.ts).
 * `POST /bench/baseline` reads a JSON body and does one Durable Object SQLite insert: the
 * yardstick for the inbound path's throughput. `POST /bench/in-process` replays prepared
 * requests through the production Worker's fetch, or baseline inserts as direct RPCs, timed
 * inside workerd. `POST /bench/thread {phone, count}` fills that customer's Profile with
 * `count` realistic messages (bulk insert) and surfaces the conversation in the Inbox: the
 * console benchmark then opens it through the real console.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { PhoneSchema } from '../../schemas/phone';
import { HttpError } from '../errors';
import worker from '../index';
import { jsonBody } from '../routes/validate';
import type { BenchEnv } from './env';
import { ReplaySchema, replayBaseline, replayRequests } from './in-process';

const BaselineBody = v.object({ id: v.string(), phone: v.string() });
const ThreadBody = v.object({ phone: PhoneSchema, count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)) });

export const bench = new Hono<{ Bindings: BenchEnv }>()
  .post('/baseline', async (c) => {
    const text = await c.req.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const parsed = v.safeParse(BaselineBody, json);
    if (!parsed.success) throw new HttpError(400, 'invalid_request', 'a baseline body needs id and phone');
    // One object per phone, like the Profile objects the inbound path writes to.
    const rows = await c.env.BENCH_BASELINE.getByName(parsed.output.phone).insert(parsed.output.id, text);
    return c.json({ ok: true, rows }, 200);
  })
  // Replays are large (5000 signed requests): the bound is the schema's, not the API's 256 KB.
  .post('/in-process', jsonBody(ReplaySchema, 32 * 1024 * 1024), async (c) => {
    const job = c.req.valid('json');
    const origin = new URL(c.req.url).origin;
    if (job.requests) {
      const ctx = c.executionCtx;
      return c.json(await replayRequests((req) => Promise.resolve(worker.fetch(req, c.env, ctx)), origin, job.requests, job.concurrency));
    }
    return c.json(
      await replayBaseline(
        (phone, id, text) => c.env.BENCH_BASELINE.getByName(phone).insert(id, text),
        job.baseline ?? [],
        job.concurrency,
      ),
    );
  })
  .post('/thread', jsonBody(ThreadBody), async (c) => {
    const { phone, count } = c.req.valid('json');
    const result = await c.env.PROFILE.getByName(phone).fillForBench(phone, count);
    return c.json({ phone, ...result }, 200);
  });
