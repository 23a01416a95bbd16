#!/usr/bin/env node
// A CPU profile of the inbound path (not a benchmark, not a test): starts the bench build like
// `npm run bench`, replays signed RBM callbacks of one kind in-process (`/bench/in-process`)
// while the runtime's sampling profiler runs, and prints where the time went (self time per
// function and per module, inclusive time per function).
//   node bench/profile.mjs <text|tap|receipt> [requests]
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';
import { startWorker } from './lib.mjs';

const KIND = process.argv[2] || 'tap';
const N = Number(process.argv[3]) || 1500;
process.env.BENCH_INSPECTOR_PORT ||= '9329';
const PHONES = Array.from({ length: 100 }, (_, i) => `+336${String(10_000_000 + i * 7919).slice(-8)}`);

const ctx = await startWorker();
try {
  const received = new Map();
  await ctx.load({
    requests: PHONES.length,
    concurrency: 16,
    make: (i) => ({
      path: '/v1/messages',
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ctx.apiKey}` },
        body: JSON.stringify({
          to: PHONES[i],
          purpose: 'transactional',
          content: {
            type: 'text',
            text: 'Shipped.',
            suggestions: [
              { type: 'reply', text: 'Track it', postback: 'track' },
              { type: 'reply', text: 'Thanks' },
            ],
          },
        }),
      },
      onResponse: (json) => received.set(PHONES[i], json.id),
    }),
  });
  const payloads = {
    text: (phone, id) => ({ senderPhoneNumber: phone, messageId: id, text: `Bench ${id}: is the linen shirt back in size M?` }),
    tap: (phone, id) => ({
      senderPhoneNumber: phone,
      messageId: id,
      suggestionResponse: { postbackData: `m.${received.get(phone)}.1`, text: 'Thanks', type: 'REPLY' },
    }),
    receipt: (phone, id, i) => ({
      senderPhoneNumber: phone,
      eventId: id,
      eventType: i % 2 ? 'READ' : 'DELIVERED',
      messageId: received.get(phone),
    }),
  };
  let seq = 0;
  const rbm = () => {
    const i = seq++;
    const phone = PHONES[i % PHONES.length];
    const data = Buffer.from(
      JSON.stringify({ ...payloads[KIND](phone, `prof-${i}-${Date.now()}`, i), sendTime: new Date().toISOString() }),
    );
    const signature = createHmac('sha512', ctx.rbmClientToken).update(data).digest('base64');
    const body = JSON.stringify({ message: { data: data.toString('base64'), messageId: `ps-${i}` } });
    return { path: '/webhooks/rbm', headers: { 'Content-Type': 'application/json', 'X-Goog-Signature': signature }, body };
  };
  const replay = async (n) => {
    const res = await fetch(`${ctx.baseUrl}/bench/in-process`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ concurrency: 16, requests: Array.from({ length: n }, rbm) }),
    });
    return res.json();
  };
  await replay(300); // warm-up

  const [target] = await (await fetch(`http://127.0.0.1:${process.env.BENCH_INSPECTOR_PORT}/json`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => ws.once('open', resolve));
  let id = 0;
  const pending = new Map();
  ws.on('message', (d) => {
    const msg = JSON.parse(d);
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 200 });
  await call('Profiler.start');
  const run = await replay(N);
  const { profile } = (await call('Profiler.stop')).result;
  ws.close();
  console.log(`${KIND}: ${run.ok} requests in ${run.ms.toFixed(0)} ms (${run.failed} failed)`);

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((s, i) => {
    self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` :${n.callFrame.lineNumber}` : ''}`;
  const bySelf = new Map();
  const inclusive = new Map();
  for (const [nid, t] of self) {
    const key = name(nodes.get(nid));
    bySelf.set(key, (bySelf.get(key) ?? 0) + t);
    const seen = new Set();
    for (let cur = nid; cur !== undefined; cur = parent.get(cur)) {
      const k = name(nodes.get(cur));
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      seen.add(k);
    }
  }
  const top = (m, k) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([key, t]) => `  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`)
      .join('\n');
  console.log(`sampled ${(total / 1000).toFixed(0)} ms\nself time\n${top(bySelf, 30)}\ninclusive time\n${top(inclusive, 50)}`);
} finally {
  await ctx.stop();
}
