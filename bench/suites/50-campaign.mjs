// Campaign fan-out: 10,000 subscribed sandbox recipients, one campaign through the Queue, the
// Profile objects (consent, cap, quiet hours, render, send) and the outcomes to D1, timed from
// POST /v1/campaigns until the campaign is `sent`. Beside it, in the same run, the raw
// Queue → Profile-object baseline: the same messages of 20 recipients whose consumer does one
// Durable Object SQLite insert per recipient. Target: campaign / baseline ≥ 0.5.
const N = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS) || 10_000;
const TARGET = 0.5;
const phone = (i) => `+3363998${String(i).padStart(4, '0')}`;

async function post(ctx, path, body, headers = {}, tries = 3) {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // The dev server restarts a busy isolate now and then (503): the fill is idempotent.
  if (res.status === 503 && tries > 1) return post(ctx, path, body, headers, tries - 1);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function until(what, check, ms = 30 * 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export default async function campaign(ctx) {
  const auth = { authorization: `Bearer ${ctx.apiKey}` };
  for (let from = 0; from < N; from += 100) await post(ctx, '/bench/campaign/fill', { from, count: Math.min(100, N - from) });
  const phones = Array.from({ length: N }, (_, i) => phone(i));

  // Baseline first, then the campaign: each on a quiet queue.
  const run = `b${Date.now()}`;
  let t0 = performance.now();
  await post(ctx, '/bench/campaign/baseline', { run, phones });
  await until('baseline', async () => (await (await fetch(`${ctx.baseUrl}/bench/campaign/baseline/${run}`)).json()).landed >= N);
  const baseline = N / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  const { id } = await post(
    ctx,
    '/v1/campaigns',
    { name: 'bench', profiles: phones, content: { type: 'text', text: 'Hello {{ first_name }}' } },
    auth,
  );
  let last = null;
  await until('campaign sent', async () => {
    last = await (await fetch(`${ctx.baseUrl}/v1/campaigns/${id}`, { headers: auth })).json();
    return last.status === 'sent';
  });
  const fanout = N / ((performance.now() - t0) / 1000);
  const ratio = fanout / baseline;
  return [
    {
      name: `campaign fan-out, ${N} recipients`,
      value: fanout.toFixed(0),
      unit: 'recipients/s',
      note: `sent ${last.counts.sent}, held ${last.counts.held}`,
    },
    { name: 'raw Queue → Profile-object baseline', value: baseline.toFixed(0), unit: 'recipients/s' },
    { name: 'campaign / baseline', value: ratio.toFixed(2), unit: '×', target: `≥ ${TARGET}`, ok: ratio >= TARGET },
  ];
}
