// Inbox list at scale: median time for one page of the conversation list (the query the
// console sends) from an inbox of 10,000 conversations, beside the same from 100. Pages are
// keyset-paginated index range scans and the tab counts are maintained, so the ratio's target
// is ≤ 2. Measured over HTTP through the Worker and the Inbox object's RPC (`/bench/inbox`,
// bench build only), and as the Inbox call alone timed inside the Worker (its Server-Timing,
// the mean of 20 calls: without the dev server's proxy, which adds the same milliseconds to
// both sizes). Sequential requests, the two sizes alternating.
const SIZES = [100, 10_000];
const RUNS = Number(process.env.BENCH_INBOX_RUNS) || 100;
const TARGET = 2;

const SHAPES = [
  ['all, first page', 'tab=all&limit=50'],
  ['mine + open', 'tab=mine&status=open&limit=50'],
  ['unassigned + sms', 'tab=unassigned&channel=sms&limit=50'],
  ['label vip', 'tab=all&label=vip&limit=50'],
  ['search name', 'tab=all&q=client%209&limit=50'],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export default async function inboxList(ctx) {
  const get = async (size, qs, repeat = 1) => {
    const res = await fetch(`${ctx.baseUrl}/bench/inbox/${size}/list?${qs}`, { headers: { 'X-Bench-Repeat': String(repeat) } });
    if (!res.ok) throw new Error(`list ${size} ${qs}: ${res.status} ${await res.text()}`);
    const inbox = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
    return { page: await res.json(), inbox };
  };
  for (const size of SIZES) {
    const res = await fetch(`${ctx.baseUrl}/bench/inbox/${size}/fill`, { method: 'POST' });
    if (!res.ok) throw new Error(`fill ${size}: ${res.status} ${await res.text()}`);
  }
  // A deep page: follow the cursor 20 pages into each inbox (the 10,000 one has 200 pages).
  const deep = {};
  for (const size of SIZES) {
    let cursor = null;
    for (let i = 0; i < 20; i++) {
      const { page } = await get(size, `tab=all&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    deep[size] = cursor;
  }
  const shapes = [...SHAPES, ['deep page (cursor)', null]];
  const results = [];
  for (const [name, qs] of shapes) {
    const query = (size) => qs ?? `tab=all&limit=50${deep[size] ? `&cursor=${encodeURIComponent(deep[size])}` : ''}`;
    for (let i = 0; i < 10; i++) for (const size of SIZES) await get(size, query(size)); // warm-up, not measured
    const http = Object.fromEntries(SIZES.map((s) => [s, []]));
    const inbox = Object.fromEntries(SIZES.map((s) => [s, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const size of SIZES) {
        const t0 = performance.now();
        await get(size, query(size));
        http[size].push(performance.now() - t0);
      }
    }
    // The Inbox call timed in the Worker, 20 calls per sample (the runtime's clock is coarse).
    for (let i = 0; i < RUNS / 5; i++) for (const size of SIZES) inbox[size].push((await get(size, query(size), 20)).inbox);
    const [big, small] = [median(http[10_000]), median(http[100])];
    const [bigIn, smallIn] = [median(inbox[10_000]), median(inbox[100])];
    results.push({ name: `inbox list ${name}: 10,000 / 100`, value: `${big.toFixed(2)} / ${small.toFixed(2)}`, unit: 'ms median (HTTP)' });
    results.push({
      name: `inbox list ${name}: ratio`,
      value: (big / small).toFixed(2),
      unit: '×',
      measured: `${big.toFixed(2)} ms (10,000 conversations)`,
      baseline: `${small.toFixed(2)} ms (100)`,
      ratio: big / small,
      target: `≤ ${TARGET}`,
      ok: big / small <= TARGET,
    });
    results.push({
      name: `inbox list ${name}: Inbox call 10,000 / 100`,
      value: `${bigIn.toFixed(2)} / ${smallIn.toFixed(2)}`,
      unit: 'ms median',
    });
    results.push({
      name: `inbox list ${name}: Inbox call ratio`,
      value: (bigIn / smallIn).toFixed(2),
      unit: '×',
      measured: `${bigIn.toFixed(2)} ms (10,000 conversations)`,
      baseline: `${smallIn.toFixed(2)} ms (100)`,
      ratio: bigIn / smallIn,
      target: `≤ ${TARGET}`,
      ok: bigIn / smallIn <= TARGET,
    });
  }
  return results;
}
