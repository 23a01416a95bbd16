// Ingest throughput: signed sandbox callbacks per second through the full inbound path
// (signature → validation → normalization → Profile object ingest with dedupe, keywords,
// inbox update) against the yardstick `/bench/baseline` (one Durable Object SQLite insert per
// request). Same process, same phones, interleaved rounds; the ratio's target is ≥ 0.5.
import { cpus, loadavg } from 'node:os';

const PHONES = Array.from({ length: 100 }, (_, i) => `+336${String(10_000_000 + i * 7919).slice(-8)}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const PER_ROUND = Number(process.env.BENCH_REQUESTS) || 400;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const TARGET = 0.5;
/**
 * `message` (default): a customer message, the heaviest callback (keywords, inbox update,
 * directory mirror). `status`: a receipt for a message the profile does not know, the lightest
 * full path (verify, validate, route, dedupe): the difference is what the Profile and Inbox add.
 */
const KIND = process.env.BENCH_CALLBACK === 'status' ? 'status' : 'message';

export default async function ingest(ctx) {
  let seq = 0;
  const callback = () => {
    const i = seq++;
    const base = { id: `bench-${i}-${Date.now()}`, phone: PHONES[i % PHONES.length], channel: i % 2 ? 'sms' : 'rcs' };
    const body = JSON.stringify(
      KIND === 'message'
        ? { ...base, type: 'message', text: `Bench message ${i}: is the linen shirt back in size M?` }
        : { ...base, type: 'status', message_id: `unknown-${i}`, status: 'delivered' },
    );
    return { body, phone: PHONES[i % PHONES.length] };
  };
  const ingestReq = () => {
    const { body } = callback();
    return {
      path: '/webhooks/sandbox',
      init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sandbox-Signature': ctx.sign(body) }, body },
    };
  };
  const baselineReq = () => {
    const { body } = callback();
    return { path: '/bench/baseline', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body } };
  };

  // Warm-up: create every object on both sides and JIT both paths; not measured.
  for (const make of [ingestReq, baselineReq]) {
    const r = await ctx.load({ requests: PHONES.length * 2, concurrency: CONCURRENCY, make });
    if (r.failed) throw new Error(`warm-up failed: ${r.firstError}`);
  }

  const totals = { ingest: { ok: 0, seconds: 0, failed: 0 }, baseline: { ok: 0, seconds: 0, failed: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first so neither always benefits from a warmer machine.
    const order = round % 2 ? ['baseline', 'ingest'] : ['ingest', 'baseline'];
    for (const side of order) {
      const r = await ctx.load({ requests: PER_ROUND, concurrency: CONCURRENCY, make: side === 'ingest' ? ingestReq : baselineReq });
      if (r.failed) console.warn(`  ${side} round ${round + 1}: ${r.failed} failed (${r.firstError})`);
      totals[side].ok += r.ok;
      totals[side].failed += r.failed;
      totals[side].seconds += r.seconds;
      console.log(`  round ${round + 1} ${side.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s`);
    }
  }
  const ingestRps = totals.ingest.ok / totals.ingest.seconds;
  const baselineRps = totals.baseline.ok / totals.baseline.seconds;
  const ratio = ingestRps / baselineRps;
  // A busy machine squeezes the longer path harder: print the load so runs can be compared.
  const note = `${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, ${PHONES.length} phones, load ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`;
  return [
    {
      name: `ingest: signed sandbox callbacks (${KIND})`,
      value: ingestRps.toFixed(0),
      unit: 'req/s',
      note,
      ok: totals.ingest.failed === 0,
    },
    { name: 'baseline: one DO SQLite insert', value: baselineRps.toFixed(0), unit: 'req/s', ok: totals.baseline.failed === 0 },
    { name: 'ingest / baseline ratio', value: ratio.toFixed(2), unit: '×', target: `≥ ${TARGET}`, ok: ratio >= TARGET },
  ];
}
