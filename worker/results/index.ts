/**
 * Results: what a campaign or a flow earned. Every message a campaign or a flow sends carries
 * its source id in `campaign_id` (a campaign's own id, or `flow_<key>` for a flow, e.g.
 * `flow_abandoned_checkout`). This module is the one entry point that reads a source's
 * engagement (delivered, read, clicked or tapped, replied, unsubscribed, failed, by channel)
 * and its attributed conversions and revenue; campaigns' and flows' pages and API call it.
 *
 * The touches and orders are recorded by the Profile objects (record.ts) in D1 (migration
 * 0012_results.sql); attribution is computed here when read (attribution.ts), with the brand's
 * windows unless others are given.
 */
import type { AttributionWindows, ChannelCounts, SourceMetrics } from '../../schemas/results';
import type { Settings } from '../../schemas/settings';
import { readSettings } from '../settings';
import { attributionSql, RECIPIENT_CANDIDATES, SOURCE_CANDIDATES, windowBinds } from './attribution';

export type { AttributionWindows, ChannelCounts, SourceMetrics } from '../../schemas/results';

/** Per recipient of a source: when they first clicked or tapped, and the revenue attributed. */
export interface RecipientResult {
  clicked_at?: string;
  revenue?: number;
}

type Channel = 'rcs' | 'sms';

export function zeroChannel(): ChannelCounts {
  return { sent: 0, delivered: 0, read: 0, clicked: 0, replied: 0, unsubscribed: 0, failed: 0, conversions: 0, revenue: 0 };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The brand's attribution windows (settings, "Attribution"). */
export const windowsOf = (s: Settings): AttributionWindows => ({
  click_hours: s.attribution_click_hours,
  read_hours: s.attribution_read_hours,
  delivery_hours: s.attribution_delivery_hours,
});

export async function brandWindows(env: Env): Promise<AttributionWindows> {
  return windowsOf(await readSettings(env));
}

const COUNTED = ['sent', 'delivered', 'read', 'replied', 'unsubscribed', 'failed'] as const;
type Counted = (typeof COUNTED)[number];
const isCounted = (k: string): k is Counted => (COUNTED as readonly string[]).includes(k);
const isChannel = (c: string): c is Channel => c === 'rcs' || c === 'sms';

/** Adds grouped touch rows (kind, channel, n) to per-channel counts; clicks and taps count once per message. */
export function addTouchRows(by: Record<Channel, ChannelCounts>, rows: readonly { kind: string; channel: string; n: number }[]): void {
  for (const r of rows) {
    if (!isChannel(r.channel)) continue;
    if (r.kind === 'clicked') by[r.channel].clicked += r.n;
    else if (isCounted(r.kind)) by[r.channel][r.kind] += r.n;
  }
}

/** Totals of per-channel counts (`clicked` given separately: a message clicked on both channels counts once). */
export function totalsOf(by: Record<Channel, ChannelCounts>, clicked?: number): SourceMetrics {
  const sum = (k: keyof ChannelCounts) => by.rcs[k] + by.sms[k];
  return {
    sent: sum('sent'),
    delivered: sum('delivered'),
    read: sum('read'),
    clicked: clicked ?? sum('clicked'),
    replied: sum('replied'),
    unsubscribed: sum('unsubscribed'),
    failed: sum('failed'),
    by_channel: by,
    conversions: sum('conversions'),
    revenue: round2(sum('revenue')),
  };
}

/** The queries (test/results/query-plans.test.ts checks that each reads through indexes only). */
export const SQL = {
  // Clicks and taps are counted per message (sourceClicks); the rest once per message by the primary key.
  sourceCounts:
    "SELECT kind, channel, count(*) AS n FROM touches WHERE source_id = ? AND kind NOT IN ('clicked', 'tapped') GROUP BY kind, channel",
  sourceClicks: `SELECT 'clicked' AS kind, channel, count(DISTINCT message_id) AS n FROM touches
    WHERE source_id = ? AND kind IN ('clicked', 'tapped') GROUP BY channel
    UNION ALL SELECT 'total' AS kind, '' AS channel, count(DISTINCT message_id) AS n FROM touches
    WHERE source_id = ? AND kind IN ('clicked', 'tapped')`,
  sourceOrders: attributionSql(
    SOURCE_CANDIDATES,
    "SELECT channel, count(*) AS n, coalesce(sum(value), 0) AS revenue, 'order' AS kind FROM attributed WHERE source_id = ?5 GROUP BY channel",
  ),
  recipientClicks: `SELECT phone, min(at) AS at, 0 AS revenue FROM touches
    WHERE source_id = ? AND phone IN (SELECT value FROM json_each(?)) AND kind IN ('clicked', 'tapped') GROUP BY phone`,
  recipientRevenue: attributionSql(
    RECIPIENT_CANDIDATES,
    'SELECT phone, 0 AS at, sum(value) AS revenue FROM attributed WHERE source_id = ?5 GROUP BY phone',
  ),
} as const;

/**
 * A campaign's or a flow's engagement and attributed revenue, computed when read. `windows`
 * overrides the brand's attribution windows (a report comparing two).
 */
export async function sourceMetrics(env: Env, sourceId: string, windows?: AttributionWindows): Promise<SourceMetrics> {
  const w = windows ?? (await brandWindows(env));
  const db = env.DB;
  const [touchRows, clickRows, orderRows] = await db.batch<{ kind: string; channel: string; n: number; revenue: number }>([
    db.prepare(SQL.sourceCounts).bind(sourceId),
    db.prepare(SQL.sourceClicks).bind(sourceId, sourceId),
    db.prepare(SQL.sourceOrders).bind(...windowBinds(w), sourceId),
  ]);
  const by = { rcs: zeroChannel(), sms: zeroChannel() };
  addTouchRows(by, touchRows?.results ?? []);
  let clicked = 0;
  for (const r of clickRows?.results ?? []) {
    if (r.kind === 'total') clicked = r.n;
    else if (isChannel(r.channel)) by[r.channel].clicked = r.n;
  }
  for (const r of orderRows?.results ?? []) {
    if (!isChannel(r.channel)) continue;
    by[r.channel].conversions = r.n;
    by[r.channel].revenue = round2(r.revenue);
  }
  return totalsOf(by, clicked);
}

/** Results for some of a source's recipients, keyed by phone (absent: nothing to report). */
export async function recipientResults(
  env: Env,
  sourceId: string,
  phones: readonly string[],
  windows?: AttributionWindows,
): Promise<Map<string, RecipientResult>> {
  const out = new Map<string, RecipientResult>();
  if (phones.length === 0) return out;
  const w = windows ?? (await brandWindows(env));
  const db = env.DB;
  const list = JSON.stringify([...new Set(phones)]);
  const [clicks, revenue] = await db.batch<{ phone: string; at: number; revenue: number }>([
    db.prepare(SQL.recipientClicks).bind(sourceId, list),
    db.prepare(SQL.recipientRevenue).bind(...windowBinds(w), sourceId, list),
  ]);
  for (const r of clicks?.results ?? []) out.set(r.phone, { clicked_at: new Date(r.at).toISOString() });
  for (const r of revenue?.results ?? []) out.set(r.phone, { ...out.get(r.phone), revenue: round2(r.revenue) });
  return out;
}
