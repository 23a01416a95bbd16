// Results at scale: `sourceMetrics` (a campaign's counts, and its orders attributed last touch)
// reads through indexes only, so a source's figures cost its own touches and its recipients'
// orders, not the tables'. Measured as the time of one call inside the Worker (Server-Timing,
// the mean of 5 calls) for a 1,000-recipient campaign alone, then again once a 100,000-recipient
// campaign (about 350,000 touches and 4,000 orders) shares the tables: target ratio ≤ 2. The
// 100,000-recipient campaign's own time is printed beside it (no target: it reads its 350,000
// touches). Data is generated inside D1 (`/bench/results/fill`, bench build only).
const RUNS = Number(process.env.BENCH_RESULTS_RUNS) || 15;
const TARGET = 2;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export default async function results(ctx) {
  const fill = async (source, recipients) => {
    const res = await fetch(`${ctx.baseUrl}/bench/results/fill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source, recipients }),
    });
    if (!res.ok) throw new Error(`fill ${source}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const time = async (source) => {
    const ms = [];
    let metrics = null;
    for (let i = 0; i < RUNS; i++) {
      const res = await fetch(`${ctx.baseUrl}/bench/results/${source}`, { headers: { 'X-Bench-Repeat': '5' } });
      if (!res.ok) throw new Error(`metrics ${source}: ${res.status} ${await res.text()}`);
      metrics = await res.json();
      ms.push(Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]));
    }
    return { ms: median(ms), metrics };
  };
  await fill('bench_small', 1000);
  const alone = await time('bench_small');
  const big = await fill('bench_big', 100_000);
  const shared = await time('bench_small');
  const large = await time('bench_big');
  if (shared.metrics.sent !== 1000 || large.metrics.sent !== 100_000) throw new Error('unexpected figures');
  const ratio = shared.ms / alone.ms;
  return [
    { name: 'results: 1k campaign alone', value: alone.ms.toFixed(2), unit: 'ms' },
    { name: 'results: 1k campaign beside 100k one', value: shared.ms.toFixed(2), unit: 'ms' },
    {
      name: 'results: ratio (tables 100× larger)',
      value: ratio.toFixed(2),
      unit: '×',
      measured: `${shared.ms.toFixed(2)} ms (beside a 100k campaign)`,
      baseline: `${alone.ms.toFixed(2)} ms (alone)`,
      ratio,
      target: `≤ ${TARGET}`,
      ok: ratio <= TARGET,
    },
    {
      name: 'results: 100k campaign',
      value: large.ms.toFixed(1),
      unit: 'ms',
      note: `${large.metrics.conversions} orders attributed; fill ${big.ms} ms`,
    },
  ];
}
