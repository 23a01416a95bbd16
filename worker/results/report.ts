/**
 * The console's reports over the touches and attributed orders (worker/results/index.ts has
 * the per-source figures): a source's outcomes per day, and the marketers' dashboard of the
 * last N days across every campaign and flow. Days are UTC.
 */
import type { AttributionWindows, ChannelCounts, DayPoint, Overview } from '../../schemas/results';
import { attributionSql, PERIOD_CANDIDATES, SOURCE_CANDIDATES, windowBinds } from './attribution';
import { addTouchRows, round2, totalsOf, zeroChannel } from './index';

const DAY_MS = 86_400_000;
const DAY = (col: string) => `strftime('%Y-%m-%d', ${col} / 1000, 'unixepoch')`;

interface Row {
  day: string;
  kind: string;
  channel: string;
  n: number;
  revenue: number;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Touch rows per day (clicks and taps once per message), then attributed orders per day of the
 * order; every day from `from` (else the first day with figures) to the last is present, so a
 * chart's time axis has no gaps.
 */
function buildSeries(touches: readonly Row[], orders: readonly Row[], range: { from?: number; to?: number } = {}): DayPoint[] {
  const days = new Map<string, { rcs: ChannelCounts; sms: ChannelCounts }>();
  const at = (day: string) => {
    let d = days.get(day);
    if (!d) {
      d = { rcs: zeroChannel(), sms: zeroChannel() };
      days.set(day, d);
    }
    return d;
  };
  for (const r of touches) addTouchRows(at(r.day), [r]);
  for (const r of orders) {
    if (r.channel !== 'rcs' && r.channel !== 'sms') continue;
    const c = at(r.day)[r.channel];
    c.conversions += r.n;
    c.revenue = round2(c.revenue + r.revenue);
  }
  const known = [...days.keys()].sort();
  const first = range.from !== undefined ? dayOf(range.from) : known[0];
  const last = range.to !== undefined ? dayOf(range.to) : known.at(-1);
  if (first && last) for (let t = Date.parse(first); dayOf(t) <= last; t += DAY_MS) at(dayOf(t));
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, ...d }));
}

export const TOUCHES_BY_DAY = (where: string) => `
  SELECT ${DAY('at')} AS day, kind, channel, count(*) AS n, 0 AS revenue FROM touches
  WHERE ${where} AND kind NOT IN ('clicked', 'tapped') GROUP BY day, kind, channel
  UNION ALL
  SELECT ${DAY('at')} AS day, 'clicked' AS kind, channel, count(DISTINCT message_id) AS n, 0 AS revenue FROM touches
  WHERE ${where} AND kind IN ('clicked', 'tapped') GROUP BY day, channel`;

/** A source's outcomes per day: touches on their day, orders on the day they were placed. */
export async function sourceSeries(env: Env, sourceId: string, w: AttributionWindows): Promise<DayPoint[]> {
  const db = env.DB;
  const [touches, orders] = await db.batch<Row>([
    db.prepare(TOUCHES_BY_DAY('source_id = ?1')).bind(sourceId),
    db
      .prepare(
        attributionSql(
          SOURCE_CANDIDATES,
          `SELECT ${DAY('order_at')} AS day, 'order' AS kind, channel, count(*) AS n, sum(value) AS revenue
           FROM attributed WHERE source_id = ?5 GROUP BY day, channel`,
        ),
      )
      .bind(...windowBinds(w), sourceId),
  ]);
  return buildSeries(touches?.results ?? [], orders?.results ?? []);
}

/** The dashboard: the last `days` days (from the start of the UTC day `days - 1` days ago). */
export async function overview(env: Env, days: number, w: AttributionWindows, now = Date.now()): Promise<Omit<Overview, 'currency'>> {
  const since = Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const db = env.DB;
  const [touches, orders, sourceTouches, sourceOrders] = await db.batch<Row & { source_id: string }>([
    db.prepare(TOUCHES_BY_DAY('at >= ?1')).bind(since),
    db
      .prepare(
        attributionSql(
          PERIOD_CANDIDATES,
          `SELECT ${DAY('order_at')} AS day, 'order' AS kind, channel, count(*) AS n, sum(value) AS revenue
           FROM attributed GROUP BY day, channel`,
        ),
      )
      .bind(...windowBinds(w), since),
    db
      .prepare(
        `SELECT source_id, count(*) FILTER (WHERE kind = 'sent') AS n,
           count(DISTINCT message_id) FILTER (WHERE kind IN ('clicked', 'tapped')) AS revenue
         FROM touches WHERE at >= ? GROUP BY source_id`,
      )
      .bind(since),
    db
      .prepare(
        attributionSql(PERIOD_CANDIDATES, 'SELECT source_id, count(*) AS n, sum(value) AS revenue FROM attributed GROUP BY source_id'),
      )
      .bind(...windowBinds(w), since),
  ]);
  const series = buildSeries(touches?.results ?? [], orders?.results ?? [], { from: since, to: now });
  const by = { rcs: zeroChannel(), sms: zeroChannel() };
  for (const d of series) {
    for (const ch of ['rcs', 'sms'] as const) {
      for (const k of Object.keys(by[ch]) as (keyof ChannelCounts)[]) by[ch][k] += d[ch][k];
    }
  }
  by.rcs.revenue = round2(by.rcs.revenue);
  by.sms.revenue = round2(by.sms.revenue);
  const sources = new Map<string, Overview['sources'][number]>();
  const entry = (id: string) => {
    let s = sources.get(id);
    if (!s) {
      s = { source_id: id, sent: 0, clicked: 0, conversions: 0, revenue: 0 };
      sources.set(id, s);
    }
    return s;
  };
  // (The touches query reuses the row shape: `n` is sent, `revenue` the messages clicked.)
  for (const r of sourceTouches?.results ?? []) Object.assign(entry(r.source_id), { sent: r.n, clicked: r.revenue });
  for (const r of sourceOrders?.results ?? []) Object.assign(entry(r.source_id), { conversions: r.n, revenue: round2(r.revenue) });
  return {
    days,
    since: new Date(since).toISOString(),
    windows: w,
    totals: totalsOf(by),
    series,
    sources: [...sources.values()].sort((a, b) => b.revenue - a.revenue || b.sent - a.sent).slice(0, 20),
  };
}

/** The currency of the latest order (the brand's), for showing revenue. */
export async function latestCurrency(env: Env): Promise<string | null> {
  const row = await env.DB.prepare('SELECT currency FROM orders WHERE currency IS NOT NULL ORDER BY at DESC LIMIT 1').first<{
    currency: string;
  }>();
  return row?.currency ?? null;
}
