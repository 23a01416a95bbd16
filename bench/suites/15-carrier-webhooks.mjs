// Carrier webhook throughput: signed Google RBM Pub/Sub pushes (HMAC-SHA512 over the decoded
// data) and signed Twilio inbound messages (HMAC-SHA1 over URL + sorted params, tried with and
// without the default port) through the full inbound path into the Profile objects, against
// the sandbox callback path on the same phones. Interleaved rounds; the ratio's target is that
// carrier verification and parsing cost at most a third of the sandbox path's throughput.
import { rbmPush, twilioInbound } from '../lib.mjs';

const PHONES = Array.from({ length: 100 }, (_, i) => `+336${String(20_000_000 + i * 7919).slice(-8)}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const PER_ROUND = Number(process.env.BENCH_REQUESTS) || 300;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const TARGET = 0.67;

export default async function carrierWebhooks(ctx) {
  let seq = 0;
  const next = () => {
    const i = seq++;
    return { i, id: `cw-${i}-${Date.now()}`, phone: PHONES[i % PHONES.length], text: `Bench ${i}: is the linen shirt back in size M?` };
  };
  const sides = {
    rbm: () => {
      const { id, phone, text } = next();
      return rbmPush(ctx, { senderPhoneNumber: phone, messageId: id, text }, id);
    },
    twilio: () => {
      const { id, phone, text } = next();
      return twilioInbound(ctx, { sid: `SM${id}`, from: phone, body: text });
    },
    sandbox: () => {
      const { id, phone, text, i } = next();
      const body = JSON.stringify({ id, phone, type: 'message', text, channel: i % 2 ? 'sms' : 'rcs' });
      return {
        path: '/webhooks/sandbox',
        init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sandbox-Signature': ctx.sign(body) }, body },
      };
    },
  };

  for (const make of Object.values(sides)) {
    const r = await ctx.load({ requests: PHONES.length, concurrency: CONCURRENCY, make });
    if (r.failed) throw new Error(`warm-up failed: ${r.firstError}`);
  }
  const names = Object.keys(sides);
  const totals = Object.fromEntries(names.map((n) => [n, { ok: 0, failed: 0, seconds: 0 }]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order so no side always runs on the warmest machine.
    const order = names.slice(round % names.length).concat(names.slice(0, round % names.length));
    for (const side of order) {
      const r = await ctx.load({ requests: PER_ROUND, concurrency: CONCURRENCY, make: sides[side] });
      if (r.failed) console.warn(`  ${side} round ${round + 1}: ${r.failed} failed (${r.firstError})`);
      totals[side].ok += r.ok;
      totals[side].failed += r.failed;
      totals[side].seconds += r.seconds;
      console.log(`  round ${round + 1} ${side.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s`);
    }
  }
  const rps = Object.fromEntries(names.map((n) => [n, totals[n].ok / totals[n].seconds]));
  const note = `${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, ${PHONES.length} phones`;
  return [
    { name: 'RBM webhook: signed Pub/Sub pushes', value: rps.rbm.toFixed(0), unit: 'req/s', note, ok: totals.rbm.failed === 0 },
    { name: 'Twilio webhook: signed inbound messages', value: rps.twilio.toFixed(0), unit: 'req/s', ok: totals.twilio.failed === 0 },
    { name: 'sandbox webhook (same pipeline)', value: rps.sandbox.toFixed(0), unit: 'req/s', ok: totals.sandbox.failed === 0 },
    {
      name: 'RBM / sandbox ratio',
      value: (rps.rbm / rps.sandbox).toFixed(2),
      unit: '×',
      measured: `${rps.rbm.toFixed(0)} req/s`,
      baseline: `${rps.sandbox.toFixed(0)} req/s (sandbox webhook)`,
      ratio: rps.rbm / rps.sandbox,
      target: `≥ ${TARGET}`,
      ok: rps.rbm / rps.sandbox >= TARGET,
    },
    {
      name: 'Twilio / sandbox ratio',
      value: (rps.twilio / rps.sandbox).toFixed(2),
      unit: '×',
      measured: `${rps.twilio.toFixed(0)} req/s`,
      baseline: `${rps.sandbox.toFixed(0)} req/s (sandbox webhook)`,
      ratio: rps.twilio / rps.sandbox,
      target: `≥ ${TARGET}`,
      ok: rps.twilio / rps.sandbox >= TARGET,
    },
  ];
}
