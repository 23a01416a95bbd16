// Sustained signed-callback load on the inbound path, with two consoles watching.
//
// For BENCH_LOAD_SECONDS (20) at BENCH_LOAD_CONCURRENCY (16) a closed loop posts a mix of signed
// carrier callbacks over BENCH_LOAD_PROFILES (200) profiles: customer replies (RBM and Twilio),
// taps on a suggested reply of a message the profile really received (RBM and Twilio),
// DELIVERED and READ receipts for those messages (RBM events and Twilio status callbacks), and
// redeliveries of callbacks already sent (the very same request: same ids, same signature).
// Meanwhile two console sessions hold the console's WebSocket (/api/ws) open.
//
// Then it checks, as an outside client would:
//   - reading every profile's messages back through /v1, that each distinct callback is
//     recorded exactly once: a reply is one inbound message with its text, a tap one inbound
//     tap traced to its message, a receipt one entry of its status in the message's history
//     (lost = none, duplicated = more than one, or a record no callback accounts for);
//   - that each of those changes reached both consoles as a `message` event, with the delay
//     from the callback's send to the push, and no gap in either socket's event sequence.
// Same-run baselines: the yardstick `/bench/baseline` (one Durable Object SQLite insert per
// request) in the same closed loop for a third of the time, before and after the mix; and the
// callbacks' own HTTP answers for the push delay (a push should come with the answer: the
// Profile tells the Inbox before it answers).
import WebSocket from 'ws';
import { percentile, rbmPush, setPhoneModes, signIn, twilioInbound, twilioPost, v1Send } from '../lib.mjs';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS) || 20;
const CONCURRENCY = Number(process.env.BENCH_LOAD_CONCURRENCY) || 16;
const PROFILES = Number(process.env.BENCH_LOAD_PROFILES) || 200;
/** Messages each profile receives before the load: what taps and receipts are about. */
const SENT = Number(process.env.BENCH_LOAD_SENT) || 4;
const PHONES = Array.from({ length: PROFILES }, (_, i) => `+33645${String(i).padStart(6, '0')}`);
/** The share of each kind in the mix (a kind whose pool ran dry becomes a reply). */
const MIX = { reply: 30, tap: 15, delivered: 20, read: 20, redelivery: 15 };
const TARGET_RATIO = 0.5;
const TARGET_PUSH = 1.5;

/** A small seeded generator: the same mix on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(xs, rnd) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** A console's live channel, as the console opens it: the session cookie and the console's Origin. */
async function openConsole(ctx, session, name, onPush) {
  const ws = new WebSocket(`${ctx.baseUrl.replace('http', 'ws')}/api/ws`, { headers: { Cookie: session.cookie, Origin: ctx.baseUrl } });
  const seqs = [];
  let hello = null;
  let closed = null;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no hello within 10 s`)), 10_000);
    ws.on('message', (data) => {
      const at = performance.now();
      const e = JSON.parse(String(data));
      if (e.type === 'hello') {
        hello ??= e.cursor;
        clearTimeout(timer);
        resolve();
        return;
      }
      if (typeof e.seq === 'number') seqs.push(e.seq);
      if (e.type === 'message') onPush(e, at);
    });
    ws.on('error', (err) => reject(new Error(`${name}: ${err.message}`)));
    ws.on('close', (code) => {
      closed = code;
    });
  });
  return {
    name,
    /** Events the log numbered after `hello` that this socket never got. */
    gaps() {
      const got = new Set(seqs);
      const last = Math.max(hello, ...seqs);
      let missing = 0;
      for (let s = hello + 1; s <= last; s++) if (!got.has(s)) missing++;
      return { missing, events: seqs.length, closed };
    },
    close: () => ws.close(),
  };
}

export default async function load(ctx) {
  const rnd = random(60);
  const consoles = [await signIn(ctx), await signIn(ctx)];
  await setPhoneModes(ctx, consoles[0], PHONES, 'rcs_offline', CONCURRENCY);

  // Every profile receives SENT messages with two reply chips (their postbacks generated:
  // m.<message id>.<chip>), so taps and receipts are about real sent messages.
  const sent = [];
  const sends = await ctx.load({
    requests: PHONES.length * SENT,
    concurrency: CONCURRENCY,
    make: (i) => ({
      ...v1Send(ctx, {
        to: PHONES[i % PHONES.length],
        purpose: 'transactional',
        content: {
          type: 'text',
          text: 'Your order left our warehouse. Shall we leave it with a neighbour if you are out?',
          suggestions: [
            { type: 'reply', text: 'Yes please' },
            { type: 'reply', text: 'Maybe later' },
          ],
        },
      }),
      onResponse: (json) => sent.push({ id: json.id, phone: PHONES[i % PHONES.length] }),
    }),
  });
  if (sends.failed) throw new Error(`setup sends failed: ${sends.firstError}`);

  /** Every distinct callback of the run, by what it should leave behind (see `keysOf`). */
  const expected = new Map();
  /** The distinct callbacks' requests, for redeliveries. */
  const issued = [];
  let n = 0;
  const reply = (phone, carrier) => {
    const i = n++;
    const text = `Load ${i}: is the linen shirt back in size M?`;
    const req =
      carrier === 'rbm'
        ? rbmPush(ctx, { senderPhoneNumber: phone, messageId: `load-${i}`, text }, `ps-load-${i}`)
        : twilioInbound(ctx, { sid: `SMload${i}`, from: phone, body: text });
    return { key: `text:${text}`, phone, req };
  };
  const tap = ({ id, phone }, carrier) => {
    const i = n++;
    const postback = `m.${id}.0`;
    const req =
      carrier === 'rbm'
        ? rbmPush(
            ctx,
            {
              senderPhoneNumber: phone,
              messageId: `load-${i}`,
              suggestionResponse: { postbackData: postback, text: 'Yes please', type: 'REPLY' },
            },
            `ps-load-${i}`,
          )
        : twilioInbound(ctx, {
            sid: `SMload${i}`,
            from: `rcs:${phone}`,
            to: 'rcs:bench_agent',
            body: 'Yes please',
            ButtonText: 'Yes please',
            ButtonPayload: postback,
            ButtonType: 'QUICK_REPLY',
          });
    return { key: `tap:${id}`, phone, req };
  };
  const receipt = ({ id, phone }, status, carrier) => {
    const i = n++;
    const req =
      carrier === 'rbm'
        ? rbmPush(ctx, { senderPhoneNumber: phone, eventId: `load-${i}`, eventType: status.toUpperCase(), messageId: id }, `ps-load-${i}`)
        : twilioPost(ctx, {
            MessageSid: id,
            AccountSid: 'ACbench',
            From: 'rcs:bench_agent',
            To: phone,
            MessageStatus: status,
            ApiVersion: '2010-04-01',
          });
    return { key: `${status}:${id}`, phone, req };
  };

  // Before the load: one reply per profile puts every conversation in the inbox, so its
  // receipts are pushed to the consoles too (ticks are only sent for conversations there).
  const surface = PHONES.map((p) => reply(p, 'rbm'));
  const first = await ctx.load({ requests: surface.length, concurrency: CONCURRENCY, make: (i) => surface[i].req });
  if (first.failed) throw new Error(`setup replies failed: ${first.firstError}`);
  for (const s of surface) expected.set(s.key, { ...s, kind: 'reply', at: null });

  // The same closed loop against the yardstick, for a third of the time (before the mix).
  let b = 0;
  const yardstick = () => {
    const i = b++;
    const body = JSON.stringify({ id: `load-baseline-${i}`, phone: PHONES[i % PHONES.length], text: `Load ${i}: baseline` });
    return { path: '/bench/baseline', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body } };
  };
  const baselineRun = () => ctx.loadFor({ seconds: Math.max(3, SECONDS / 6), concurrency: CONCURRENCY, make: yardstick });
  // Its objects exist before it is timed, as the profiles' do.
  const warm = await ctx.load({ requests: PHONES.length, concurrency: CONCURRENCY, make: yardstick });
  if (warm.failed) throw new Error(`yardstick warm-up failed: ${warm.firstError}`);
  const before = await baselineRun();

  // Two consoles, connected for the whole mix.
  const pushes = [new Map(), new Map()];
  const onPush = (which) => (e, at) => {
    const m = e.message;
    const keys = [];
    if (m.direction === 'in' && m.kind === 'tap' && m.in_reply_to) keys.push(`tap:${m.in_reply_to}`);
    else if (m.direction === 'in' && m.text) keys.push(`text:${m.text}`);
    else if (m.direction === 'out')
      for (const h of m.history) if (h.status === 'delivered' || h.status === 'read') keys.push(`${h.status}:${m.id}`);
    for (const key of keys) if (!pushes[which].has(key)) pushes[which].set(key, at);
  };
  const sockets = [
    await openConsole(ctx, consoles[0], 'console A', onPush(0)),
    await openConsole(ctx, consoles[1], 'console B', onPush(1)),
  ];

  const taps = shuffle([...sent], rnd);
  const delivered = shuffle([...sent], rnd);
  const readable = [];
  const total = Object.values(MIX).reduce((a, x) => a + x, 0);
  const made = { reply: 0, tap: 0, delivered: 0, read: 0, redelivery: 0 };
  const carrier = () => (rnd() < 0.6 ? 'rbm' : 'twilio');
  const next = () => {
    let r = rnd() * total;
    let kind = 'reply';
    for (const [k, w] of Object.entries(MIX)) {
      if (r < w) {
        kind = k;
        break;
      }
      r -= w;
    }
    if (kind === 'redelivery' && issued.length > 0) {
      made.redelivery++;
      return issued[Math.floor(rnd() * issued.length)];
    }
    let c = null;
    if (kind === 'tap' && taps.length) c = tap(taps.pop(), carrier());
    else if (kind === 'delivered' && delivered.length) {
      const m = delivered.pop();
      readable.push(m);
      c = receipt(m, 'delivered', carrier());
    } else if (kind === 'read' && readable.length)
      c = receipt(readable.splice(Math.floor(rnd() * readable.length), 1)[0], 'read', carrier());
    else {
      kind = 'reply';
      c = reply(PHONES[Math.floor(rnd() * PHONES.length)], carrier());
    }
    made[kind]++;
    expected.set(c.key, { ...c, kind, at: performance.now() });
    issued.push(c.req);
    return c.req;
  };
  // A redelivery keeps its callback's send time: the delay is measured from the first send.
  const mix = await ctx.loadFor({ seconds: SECONDS, concurrency: CONCURRENCY, make: next });
  const after = await baselineRun();

  // Pushes still on their way: wait until both consoles have every change, at most 15 s.
  const live = [...expected.values()].filter((e) => e.at !== null);
  const end = Date.now() + 15_000;
  while (Date.now() < end && !pushes.every((p) => live.every((e) => p.has(e.key)))) await new Promise((r) => setTimeout(r, 100));
  const gaps = sockets.map((s) => s.gaps());
  for (const s of sockets) s.close();
  const delays = [];
  const missed = [0, 0];
  for (const e of live) {
    for (const w of [0, 1]) {
      const at = pushes[w].get(e.key);
      if (at === undefined) missed[w]++;
      else delays.push(at - e.at);
    }
  }

  // Read back every profile's messages as an API client.
  const found = new Map();
  let extra = 0;
  const count = (key) => found.set(key, (found.get(key) ?? 0) + 1);
  for (const phone of PHONES) {
    let cursor = null;
    do {
      const res = await fetch(
        `${ctx.baseUrl}/v1/profiles/${encodeURIComponent(phone)}/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { Authorization: `Bearer ${ctx.apiKey}` } },
      );
      if (!res.ok) throw new Error(`read back ${phone}: ${res.status} ${await res.text()}`);
      const page = await res.json();
      for (const m of page.messages) {
        if (m.direction === 'in') {
          const key = m.kind === 'tap' ? `tap:${m.in_reply_to}` : `text:${m.text}`;
          if (expected.has(key)) count(key);
          else extra++;
        } else
          for (const h of m.history) {
            if (h.status !== 'delivered' && h.status !== 'read') continue;
            const key = `${h.status}:${m.id}`;
            if (expected.has(key)) count(key);
            else extra++;
          }
      }
      cursor = page.next_cursor;
    } while (cursor);
  }
  let lost = 0;
  let duplicated = extra;
  for (const key of expected.keys()) {
    const c = found.get(key) ?? 0;
    if (c === 0) lost++;
    else duplicated += c - 1;
  }

  const baselineRps = (before.ok + after.ok) / (before.seconds + after.seconds);
  const baselineP99 = percentile([...before.latencies, ...after.latencies], 99);
  const p50 = percentile(mix.latencies, 50);
  const p99 = percentile(mix.latencies, 99);
  const push99 = percentile(delays, 99);
  const errors = mix.failed + before.failed + after.failed;
  const serverErrors = Object.entries(mix.statuses)
    .filter(([s]) => s === 'network' || Number(s) >= 500)
    .reduce((a, [, c]) => a + c, 0);
  const distinct = expected.size;
  if (mix.firstError) console.warn(`  first error: ${mix.firstError}`);
  if (mix.retried) console.warn(`  ${mix.retried} sent again after a dev-proxy 503 (counted as redeliveries)`);
  const kinds = Object.entries(made)
    .map(([k, c]) => `${c} ${k}`)
    .join(', ');
  return [
    {
      name: 'load: signed callbacks, mixed',
      value: mix.rps.toFixed(0),
      unit: 'req/s',
      measured: `${mix.rps.toFixed(0)} req/s`,
      baseline: `${baselineRps.toFixed(0)} req/s (one DO insert)`,
      ratio: mix.rps / baselineRps,
      target: `≥ ${TARGET_RATIO}`,
      ok: mix.rps / baselineRps >= TARGET_RATIO,
      note: `${mix.requests} requests in ${mix.seconds.toFixed(1)} s (${kinds}), concurrency ${CONCURRENCY}, ${PROFILES} profiles, 2 consoles connected`,
    },
    {
      name: 'load: latency p50 / p99',
      value: `${p50.toFixed(1)} / ${p99.toFixed(1)}`,
      unit: 'ms',
      measured: `p99 ${p99.toFixed(1)} ms`,
      baseline: `p99 ${baselineP99.toFixed(1)} ms (one DO insert)`,
      ratio: p99 / baselineP99,
    },
    {
      name: 'load: errors (non-2xx, of which 5xx)',
      value: `${errors} (${serverErrors})`,
      unit: '',
      absolute: 'a count: must be zero',
      target: '0',
      ok: errors === 0,
      note: `statuses ${JSON.stringify(mix.statuses)}`,
    },
    {
      name: 'load: distinct callbacks lost / duplicated',
      value: `${lost} / ${duplicated}`,
      unit: '',
      absolute: 'a count: must be zero',
      target: '0 / 0',
      ok: lost === 0 && duplicated === 0,
      note: `${distinct} distinct callbacks (${PROFILES} setup replies + the mix), ${made.redelivery + mix.retried} redeliveries, read back through /v1`,
    },
    {
      name: 'websocket: callback → push p99 (both consoles)',
      value: push99.toFixed(1),
      unit: 'ms',
      measured: `p99 ${push99.toFixed(1)} ms`,
      baseline: `p99 ${p99.toFixed(1)} ms (the callback's HTTP answer)`,
      ratio: push99 / p99,
      target: `≤ ${TARGET_PUSH}`,
      ok: push99 / p99 <= TARGET_PUSH,
      note: `p50 ${percentile(delays, 50).toFixed(1)} ms over ${delays.length} pushes`,
    },
    {
      name: 'websocket: changes missed (A / B)',
      value: `${missed[0]} / ${missed[1]}`,
      unit: '',
      absolute: 'a count: must be zero',
      target: '0 / 0',
      ok: missed[0] === 0 && missed[1] === 0 && gaps.every((g) => g.missing === 0 && g.closed === null),
      note: `${live.length} changes each; events out of sequence A ${gaps[0].missing}, B ${gaps[1].missing}; ${gaps[0].events} / ${gaps[1].events} events received`,
    },
  ];
}
