// Inbox list at scale: median time for one page of the conversation list (the query the
// console sends) from an inbox of 10,000 conversations, beside the same from 100. Pages are
// keyset-paginated index range scans, so the ratio's target is ≤ 2. Measured over HTTP through
// the Worker and the Inbox object's RPC (`/bench/inbox`, bench build only), sequential requests.
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
  const get = async (size, qs) => {
    const res = await fetch(`${ctx.baseUrl}/bench/inbox/${size}/list?${qs}`);
    if (!res.ok) throw new Error(`list ${size} ${qs}: ${res.status} ${await res.text()}`);
    return res.json();
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
      const page = await get(size, `tab=all&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    deep[size] = cursor;
  }
  const shapes = [...SHAPES, ['deep page (cursor)', null]];
  const results = [];
  for (const [name, qs] of shapes) {
    const medians = {};
    for (const size of SIZES) {
      const query = qs ?? `tab=all&limit=50${deep[size] ? `&cursor=${encodeURIComponent(deep[size])}` : ''}`;
      for (let i = 0; i < 10; i++) await get(size, query); // warm-up, not measured
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await get(size, query);
        times.push(performance.now() - t0);
      }
      medians[size] = median(times);
    }
    const ratio = medians[10_000] / medians[100];
    results.push({ name: `inbox list ${name}: 10,000`, value: medians[10_000].toFixed(2), unit: 'ms median' });
    results.push({ name: `inbox list ${name}: 100`, value: medians[100].toFixed(2), unit: 'ms median' });
    results.push({ name: `inbox list ${name}: ratio`, value: ratio.toFixed(2), unit: '×', target: `≤ ${TARGET}`, ok: ratio <= TARGET });
  }
  return results;
}
