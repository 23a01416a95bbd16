// Campaign fan-out: N (BENCH_CAMPAIGN_RECIPIENTS, default 10,000) subscribed sandbox recipients
// in a segment, one campaign through the Queue, the Profile objects (consent, cap, quiet hours,
// render, send) and the outcomes to D1, timed from POST /v1/campaigns until the campaign is
// `sent`. Beside it, in the same run, the raw Queue → Profile-object baseline: the same messages
// of 20 recipients whose consumer does one Durable Object SQLite insert per recipient.
// Target: campaign / baseline ≥ 0.5.
//
// While the campaign runs, recipients answer through signed carrier callbacks: replies (Google
// RBM pushes) and STOPs (sandbox callbacks), some from recipients already sent to, some from
// recipients the fan-out has not reached yet. Afterwards every recipient's own object is read
// back (/bench/campaign/audit): nobody received the campaign twice, nobody received it after
// opting out, and the campaign's counts match what the objects say went out.
import { rbmPush } from '../lib.mjs';

const N = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS) || 10_000;
const TARGET = 0.5;
/** Profiles per seed request, and seed requests in flight. */
const SEED_CHUNK = 1000;
const SEED_PARALLEL = 1;
/** One recipient in REPLY_EVERY replies during the run, one in STOP_EVERY sends STOP. */
const REPLY_EVERY = 100;
const STOP_EVERY = 250;
const phone = (i) => `+3363998${String(i).padStart(4, '0')}`;

async function post(ctx, path, body, headers = {}, tries = 3) {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10 * 60_000),
  });
  // The dev server restarts a busy isolate now and then (503): every call here is idempotent.
  if (res.status === 503 && tries > 1) return post(ctx, path, body, headers, tries - 1);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Polls `check` (a GET) until it is true. While a queue batch runs, the local isolate answers
 * nothing (one thread), and a request caught at the wrong moment can hang for minutes: each
 * poll gives up after 20 s and asks again. Durations come from the Worker's clocks, not from here.
 */
async function until(what, check, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check(AbortSignal.timeout(20_000))) return;
    } catch (err) {
      if (err?.name !== 'TimeoutError') throw err;
    }
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A signed callback: a reply as a Google RBM push, a STOP as a sandbox callback. */
function callback(ctx, kind, to, i) {
  const id = `bench-cb-${kind}-${i}-${Date.now()}`;
  if (kind === 'reply') return rbmPush(ctx, { senderPhoneNumber: to, messageId: id, text: 'Is it back in M?' }, id);
  const body = JSON.stringify({ type: 'message', id, phone: to, channel: 'sms', text: 'STOP' });
  return {
    path: '/webhooks/sandbox',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sandbox-Signature': ctx.sign(body) }, body },
  };
}

export default async function campaign(ctx) {
  const auth = { authorization: `Bearer ${ctx.apiKey}` };
  const run = `r${Date.now()}`;
  const phones = Array.from({ length: N }, (_, i) => phone(i));

  // Bulk seed: each request writes SEED_CHUNK objects and their directory rows in a few D1 statements.
  const t0 = performance.now();
  const chunks = [];
  for (let from = 0; from < N; from += SEED_CHUNK) chunks.push({ from, count: Math.min(SEED_CHUNK, N - from), run });
  let nextChunk = 0;
  await Promise.all(
    Array.from({ length: SEED_PARALLEL }, async () => {
      while (nextChunk < chunks.length) await post(ctx, '/bench/campaign/seed', chunks[nextChunk++]);
    }),
  );
  const seedSeconds = (performance.now() - t0) / 1000;
  const segment = await post(
    ctx,
    '/v1/segments',
    { name: `bench ${run}`, definition: { all: [{ field: 'properties.bench_run', op: 'equals', value: run }] } },
    auth,
  );
  if (segment.count !== N) throw new Error(`segment counts ${segment.count} of ${N} seeded profiles`);

  // Baseline first, then the campaign: each on a quiet queue.
  const { at: baselineStart } = await post(ctx, '/bench/campaign/baseline', { run, phones });
  let landed = null;
  await until(
    'baseline',
    async (signal) => {
      landed = await (await fetch(`${ctx.baseUrl}/bench/campaign/baseline/${run}`, { signal })).json();
      return landed.landed >= N;
    },
    5 * 60_000,
  );
  const baselineSeconds = (landed.last_at - baselineStart) / 1000;
  const baseline = N / baselineSeconds;

  const { id } = await post(
    ctx,
    '/v1/campaigns',
    { name: 'bench', segment_id: segment.id, content: { type: 'text', text: 'Hello {{ first_name }}, the linen shirt is back.' } },
    auth,
  );
  // Callbacks during the run, spread over it: STOPs alternate between the start of the list
  // (already sent, most likely) and its end (not reached yet), replies walk the list.
  const stops = [];
  for (let k = 0; k < Math.floor(N / STOP_EVERY); k++) stops.push(k % 2 === 0 ? k * (STOP_EVERY / 2) + 1 : N - 1 - k * (STOP_EVERY / 2));
  const replies = Array.from({ length: Math.floor(N / REPLY_EVERY) }, (_, k) => k * REPLY_EVERY + 7);
  const answers = [...stops.map((i) => ['stop', i]), ...replies.map((i) => ['reply', i])].sort((a, b) =>
    a[0] === b[0] ? 0 : a[0] === 'stop' ? -1 : 1,
  );
  let last = null;
  let callbackErrors = 0;
  const answering = (async () => {
    for (const [n, [kind, i]] of answers.entries()) {
      if (last?.status === 'sent') break;
      const { path, init } = callback(ctx, kind, phones[i], n);
      // A carrier retries a callback that got no answer; the inbound path drops the duplicate.
      let res = null;
      for (let tries = 0; tries < 3 && !res; tries++)
        res = await fetch(ctx.baseUrl + path, { ...init, signal: AbortSignal.timeout(60_000) }).catch(() => null);
      if (!res?.ok) callbackErrors++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await until(
    'campaign sent',
    async (signal) => {
      last = await (await fetch(`${ctx.baseUrl}/v1/campaigns/${id}`, { headers: auth, signal })).json();
      return last.status === 'sent';
    },
    8 * 60_000,
  );
  // From the row's own clock: started when created (send now), finished when the last outcome landed.
  const campaignSeconds = (Date.parse(last.finished_at) - Date.parse(last.started_at)) / 1000;
  const fanout = N / campaignSeconds;
  await answering;
  const ratio = fanout / baseline;

  // Read-back from every recipient's own object.
  const audits = [];
  for (let i = 0; i < N; i += 2000)
    audits.push(...(await post(ctx, '/bench/campaign/audit', { campaign_id: id, phones: phones.slice(i, i + 2000) })).audits);
  const twice = audits.filter((a) => a.sent > 1);
  const afterOptOut = audits.filter((a) => a.opted_out_at !== null && a.first_sent_at !== null && a.first_sent_at > a.opted_out_at);
  const optedOut = audits.filter((a) => a.opted_out_at !== null).length;
  const sentByObjects = audits.reduce((n, a) => n + a.sent, 0);
  const c = last.counts;
  const checks = [
    twice.length === 0,
    afterOptOut.length === 0,
    callbackErrors === 0,
    optedOut === stops.length,
    sentByObjects === c.sent,
    c.sent + c.refused === N,
  ];
  const ok = checks.every(Boolean);
  return [
    {
      name: `campaign seed, ${N} profiles (bulk)`,
      value: (N / seedSeconds).toFixed(0),
      unit: 'profiles/s',
      note: `${seedSeconds.toFixed(1)} s`,
    },
    {
      name: `campaign fan-out, ${N} recipients`,
      value: fanout.toFixed(0),
      unit: 'recipients/s',
      note: `${campaignSeconds.toFixed(1)} s; sent ${c.sent}, refused ${c.refused}, held ${c.held}, skipped ${c.skipped}; ${replies.length} replies and ${stops.length} STOPs during it`,
    },
    {
      name: 'raw Queue → Profile-object baseline',
      value: baseline.toFixed(0),
      unit: 'recipients/s',
      note: `${baselineSeconds.toFixed(1)} s`,
    },
    { name: 'campaign / baseline', value: ratio.toFixed(2), unit: '×', target: `≥ ${TARGET}`, ok: ratio >= TARGET },
    {
      name: 'campaign read-back: twice / after opt-out',
      value: `${twice.length}/${afterOptOut.length}`,
      unit: 'recipients',
      note: `objects sent ${sentByObjects}, counts.sent ${c.sent}; opted out ${optedOut} of ${stops.length} STOPs; callback errors ${callbackErrors}`,
      target: '0/0, counts match',
      ok,
    },
  ];
}
