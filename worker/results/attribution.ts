/**
 * Last-touch attribution, computed when read from the raw touches and orders in D1 (nothing
 * attributed is stored, so a changed window re-reads history and two windows can be compared).
 * An order goes to the last message the customer clicked or tapped within the click window,
 * else the last RCS message they read within the read window, else the last message delivered
 * within the delivery window; each order once. A window of 0 turns its rule off.
 *
 * Every query starts from a candidate set of orders (a source's recipients' orders after one of
 * its touches, or the last N days' orders) and ranks each one's touches through the
 * `touches_phone_at` index: the cost follows the orders and touches involved, never the table.
 */
import type { AttributionWindows } from '../../schemas/results';

const HOUR = 3_600_000;

/** The ranked winner of each candidate order: `attributed` rows (order_id, value, order_at, message_id, source_id, channel, phone). */
const RANKED = `
ranked AS (
  SELECT c.order_id, c.value, c.at AS order_at, t.message_id, t.source_id, t.channel, t.phone,
    ROW_NUMBER() OVER (
      PARTITION BY c.order_id
      ORDER BY CASE WHEN t.kind IN ('clicked', 'tapped') THEN 0 WHEN t.kind = 'read' THEN 1 ELSE 2 END, t.at DESC, t.message_id DESC
    ) AS rn
  FROM cand c JOIN touches t ON t.phone = c.phone AND t.at <= c.at AND t.at >= c.at - ?4
  WHERE (t.kind IN ('clicked', 'tapped') AND ?1 > 0 AND t.at >= c.at - ?1)
     OR (t.kind = 'read' AND t.channel = 'rcs' AND ?2 > 0 AND t.at >= c.at - ?2)
     OR (t.kind = 'delivered' AND ?3 > 0 AND t.at >= c.at - ?3)
),
attributed AS (SELECT * FROM ranked WHERE rn = 1)`;

/** The first four bindings of every attribution query (?1..?4), in milliseconds. */
export function windowBinds(w: AttributionWindows): number[] {
  const ms = [w.click_hours * HOUR, w.read_hours * HOUR, w.delivery_hours * HOUR];
  return [...ms, Math.max(...ms)];
}

/**
 * An attribution query: `cand` selects candidate orders (order_id, phone, at, value) with
 * bindings from ?5 on; `select` reads `attributed`.
 */
export function attributionSql(cand: string, select: string): string {
  return `WITH cand AS (${cand}),${RANKED}\n${select}`;
}

/** Candidates for a source: its recipients' orders placed after one of its touches, within the longest window. */
export const SOURCE_CANDIDATES = `
  SELECT DISTINCT o.order_id, o.phone, o.at, o.value
  FROM touches s JOIN orders o ON o.phone = s.phone AND o.at >= s.at AND o.at <= s.at + ?4
  WHERE s.source_id = ?5 AND s.kind IN ('delivered', 'read', 'clicked', 'tapped')`;

/** Candidates for a source and some of its recipients (?6: JSON array of phones). */
export const RECIPIENT_CANDIDATES = `
  SELECT DISTINCT o.order_id, o.phone, o.at, o.value
  FROM touches s JOIN orders o ON o.phone = s.phone AND o.at >= s.at AND o.at <= s.at + ?4
  WHERE s.source_id = ?5 AND s.phone IN (SELECT value FROM json_each(?6)) AND s.kind IN ('delivered', 'read', 'clicked', 'tapped')`;

/** Candidates for a period: orders placed since ?5. */
export const PERIOD_CANDIDATES = 'SELECT order_id, phone, at, value FROM orders WHERE at >= ?5';
