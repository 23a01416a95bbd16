// Campaign fan-out: N (BENCH_CAMPAIGN_RECIPIENTS, default 10,000) subscribed sandbox recipients
// in a segment, one campaign through the Queue, the Profile objects (consent, cap, quiet hours,
// render, send) and the outcomes to D1, timed by the campaign's own clock (created → last outcome).
// Beside it, in the same run, the raw Queue → Profile-object baseline: the same messages of 20
// recipients whose consumer does one Durable Object SQLite insert per recipient.
// Target: campaign / baseline ≥ 0.5.
//
// While the campaign runs, recipients answer through signed carrier callbacks (replies and
// STOPs, some from recipients already sent to, some from recipients not reached yet).
// Afterwards every recipient's own object is read back: nobody received the campaign twice,
// nobody received it after opting out, and the campaign's counts match what the objects say
// went out.
//
// The measurement runs in the Workers test pool on the bench build (bench/pool/, with
// vitest.bench.config.ts), not against this run's `wrangler dev`: wrangler 4.86's local Queue
// stops delivering after a few batches of object calls (docs/campaigns.md, "Measured"). It
// prints one `BENCH_RESULT {json}` line, read here. From about 2,000 recipients the local
// runtime needs more memory maps than Linux allows by default: `sysctl -w vm.max_map_count=262144`.
import { spawn } from 'node:child_process';

const N = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS) || 10_000;
const TARGET = 0.5;
const root = new URL('../..', import.meta.url).pathname;

function measure() {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts'], {
      cwd: root,
      env: { ...process.env, BENCH_CAMPAIGN_RECIPIENTS: String(N) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.includes('BENCH_RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(line.indexOf('BENCH_RESULT ') + 13)));
      else reject(new Error(`campaign measurement exited ${code}:\n${out.split('\n').slice(-40).join('\n')}`));
    });
  });
}

export default async function campaign() {
  const r = await measure();
  const fanout = r.recipients / r.campaignSeconds;
  const baseline = r.recipients / r.baselineSeconds;
  const ratio = fanout / baseline;
  const c = r.counts;
  const ok =
    r.twice === 0 &&
    r.afterOptOut === 0 &&
    r.callbackErrors === 0 &&
    r.optedOut === r.stops &&
    r.sentByObjects === c.sent &&
    c.sent + c.refused === r.recipients;
  return [
    {
      name: `campaign seed, ${N} profiles (bulk)`,
      value: (N / r.seedSeconds).toFixed(0),
      unit: 'profiles/s',
      note: `${r.seedSeconds.toFixed(1)} s`,
    },
    {
      name: 'raw Queue → Profile-object baseline',
      value: baseline.toFixed(0),
      unit: 'recipients/s',
      note: `${r.baselineSeconds.toFixed(1)} s`,
    },
    {
      name: `campaign fan-out, ${N} recipients`,
      value: fanout.toFixed(1),
      unit: 'recipients/s',
      note: `${r.campaignSeconds.toFixed(1)} s; sent ${c.sent}, refused ${c.refused}, held ${c.held}, skipped ${c.skipped}; ${r.replies} replies and ${r.stops} STOPs during it`,
    },
    {
      name: 'campaign / baseline',
      value: ratio.toFixed(2),
      unit: '×',
      measured: `${fanout.toFixed(1)} recipients/s`,
      baseline: `${baseline.toFixed(0)} recipients/s (raw Queue → object insert)`,
      ratio,
      target: `≥ ${TARGET}`,
      ok: ratio >= TARGET,
    },
    ...['rcs', 'sms']
      .filter((ch) => r.work?.[ch])
      .map((ch) => ({
        name: `one ${ch.toUpperCase()} recipient's storage work`,
        value: r.work[ch].statements,
        unit: 'statements',
        note: `${r.work[ch].kinds} kinds (each prepared once per object wake), ${r.work[ch].alarm_calls} alarm calls; receipts at fixed times`,
      })),
    {
      name: 'campaign read-back: twice / after opt-out',
      value: `${r.twice}/${r.afterOptOut}`,
      unit: 'recipients',
      note: `objects sent ${r.sentByObjects}, counts.sent ${c.sent}; opted out ${r.optedOut} of ${r.stops} STOPs; callback errors ${r.callbackErrors}`,
      absolute: 'a count that must be zero',
      target: '0/0, counts match',
      ok,
    },
  ];
}
