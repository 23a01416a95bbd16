// The campaign fan-out benchmark's measurement (bench/suites/50-campaign.mjs runs it; not part
// of `npm test`). It runs in the Workers test pool on the bench build (`[env.bench]`), whose
// local Queue delivers every batch; wrangler dev's older local Queue stops after a few batches
// of object calls (docs/campaigns.md, "Measured"). Everything goes through the Worker's own
// routes: the same bulk seed, baseline and read-back routes the HTTP suites use.
//
// N subscribed recipients (BENCH_CAMPAIGN_RECIPIENTS, default 10,000) in a segment; first the
// raw Queue → Profile-object baseline (messages of 20 recipients, one SQLite insert each), then
// one campaign to the segment through the Queue, the Profile objects (consent, cap, quiet hours,
// render, send) and the outcomes to D1, while recipients reply and send STOP through signed
// carrier callbacks. Durations come from the Worker's clocks. Afterwards every recipient's own
// object is read back: nobody received the campaign twice or after opting out, and the
// campaign's counts match what the objects say went out. The figures are printed as one line,
// `BENCH_RESULT {json}`, which the suite reads.
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { api, sandboxCallback } from '../../test/api/helpers';
import { benchPhone } from '../../worker/bench/campaign';

const N = Number(env.BENCH_CAMPAIGN_RECIPIENTS) || 10_000;
const SEED_CHUNK = 1000;
/** One recipient in REPLY_EVERY replies during the run, one in STOP_EVERY sends STOP. */
const REPLY_EVERY = 100;
const STOP_EVERY = 250;

declare global {
  namespace Cloudflare {
    interface Env {
      BENCH_CAMPAIGN_RECIPIENTS?: string;
    }
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await api(method, path, body);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json<T>();
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}: ${JSON.stringify(v).slice(0, 400)}`);
    // Once a second: the polls run in the same runtime as the fan-out they watch. The durations
    // come from the Worker's own clocks (the campaign's started_at and finished_at), not from here.
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A customer's message as the sandbox carrier delivers it, signed. */
const customerSays = async (phone: string, text: string, id: string) =>
  (await sandboxCallback({ type: 'message', id, phone, channel: 'sms', text })).ok;

type Counts = { sent: number; refused: number; held: number; skipped: number; failed: number };
type CampaignState = { status: string; counts: Counts; started_at: string; finished_at: string | null };
type Audit = { phone: string; sent: number; first_sent_at: number | null; opted_out_at: number | null };

it(
  `fans a campaign out to ${N} recipients beside the raw queue baseline`,
  async () => {
    const run = `p${Date.now()}`;
    const phones: string[] = [];
    const seedStart = Date.now();
    for (let from = 0; from < N; from += SEED_CHUNK) {
      const count = Math.min(SEED_CHUNK, N - from);
      await call('POST', '/bench/campaign/seed', { from, count, run });
      for (let i = 0; i < count; i++) phones.push(benchPhone(from + i));
    }
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const segment = await call<{ id: string; count: number }>('POST', '/v1/segments', {
      name: `bench ${run}`,
      definition: { all: [{ field: 'properties.bench_run', op: 'equals', value: run }] },
    });
    expect(segment.count).toBe(N);

    // The baseline first, then the campaign: each on a quiet queue.
    const { at: baselineStart } = await call<{ at: number }>('POST', '/bench/campaign/baseline', { run, phones });
    const landed = await until(
      'baseline',
      () => call<{ landed: number; last_at: number }>('GET', `/bench/campaign/baseline/${run}`),
      (l) => l.landed >= N,
      30 * 60_000,
    );
    const baselineSeconds = (landed.last_at - baselineStart) / 1000;

    const { id } = await call<{ id: string }>('POST', '/v1/campaigns', {
      name: 'bench',
      segment_id: segment.id,
      content: { type: 'text', text: 'Hello {{ first_name }}, the linen shirt is back.' },
    });
    // Callbacks during the run: STOPs alternate between the start of the list (sent already,
    // most likely) and its end (not reached yet); replies walk the list.
    const stops: number[] = [];
    for (let k = 0; k < Math.floor(N / STOP_EVERY); k++) stops.push(k % 2 === 0 ? k * (STOP_EVERY / 2) + 1 : N - 1 - k * (STOP_EVERY / 2));
    const replies = Array.from({ length: Math.floor(N / REPLY_EVERY) }, (_, k) => k * REPLY_EVERY + 7);
    // Interleaved, each kind spread over the list, so both happen however many go out in time.
    const answers = [
      ...stops.map((i, k) => ({ text: 'STOP', i, along: k / stops.length })),
      ...replies.map((i, k) => ({ text: 'Is it back in M?', i, along: k / replies.length })),
    ].sort((a, b) => a.along - b.along);
    let callbackErrors = 0;
    // What was sent while the campaign ran. Customers answer on their own schedule, spread over
    // about N/100 seconds (the campaign's order of magnitude here), without waiting for each
    // other's answers: each turn sends every callback whose time has come (a busy runtime runs
    // this loop's timer late, and answers each callback in seconds).
    const said = { stops: 0, replies: 0 };
    let finished = false;
    const inFlight: Promise<void>[] = [];
    const spacingMs = (N * 10) / answers.length;
    const answering = (async () => {
      const t0 = Date.now();
      let n = 0;
      while (n < answers.length && !finished) {
        for (; n < answers.length && t0 + n * spacingMs <= Date.now(); n++) {
          const { text, i } = answers[n]!;
          inFlight.push(
            customerSays(phones[i]!, text, `bench-cb-${run}-${n}`).then((ok) => {
              if (!ok) callbackErrors++;
              else if (text === 'STOP') said.stops++;
              else said.replies++;
            }),
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const last = await until(
      'campaign sent',
      () => call<CampaignState>('GET', `/v1/campaigns/${id}`),
      (c) => c.status === 'sent',
      30 * 60_000,
    );
    finished = true;
    await answering;
    await Promise.all(inFlight);
    const campaignSeconds = (Date.parse(last.finished_at!) - Date.parse(last.started_at)) / 1000;

    const audits: Audit[] = [];
    for (let i = 0; i < N; i += 2000)
      audits.push(
        ...(await call<{ audits: Audit[] }>('POST', '/bench/campaign/audit', { campaign_id: id, phones: phones.slice(i, i + 2000) }))
          .audits,
      );
    const optedOut = audits.filter((a) => a.opted_out_at !== null).length;
    // One RCS and one SMS recipient's storage work, counted with the receipts at fixed times.
    const work = await call<Record<string, { statements: number; kinds: number; alarm_calls: number }>>('POST', '/bench/campaign/work', {
      run,
    });
    const result = {
      recipients: N,
      seedSeconds,
      baselineSeconds,
      campaignSeconds,
      counts: last.counts,
      replies: said.replies,
      stops: said.stops,
      callbacksSent: said.replies + said.stops,
      callbackErrors,
      twice: audits.filter((a) => a.sent > 1).length,
      afterOptOut: audits.filter((a) => a.opted_out_at !== null && a.first_sent_at !== null && a.first_sent_at > a.opted_out_at).length,
      optedOut,
      sentByObjects: audits.reduce((n, a) => n + a.sent, 0),
      work,
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  },
  120 * 60_000,
);
