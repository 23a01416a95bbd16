/**
 * Demo results history for a fresh sandbox deployment (worker/seed.ts): a month of campaigns
 * and flows to thousands of fictional recipients (ARCEP's 06 39 98 xx xx range, reserved for
 * fiction), with their touches and orders written straight into D1, so the dashboard and the
 * reports have something to show on `npm start`. Deterministic (a seeded generator, times
 * relative to now) and idempotent (INSERT OR IGNORE). The demo customers' own messages add
 * real touches on top, recorded by their Profile objects.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

/** mulberry32: a small seeded generator, so every fresh demo looks the same. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoSource {
  id: string;
  /** Days ago it went out; flows send every day of the month. */
  daysAgo: number | 'daily';
  recipients: number;
  clickRate: number;
  buyRate: number;
}

export const DEMO_SOURCES: readonly DemoSource[] = [
  { id: 'demo_spring_launch', daysAgo: 24, recipients: 900, clickRate: 0.16, buyRate: 0.3 },
  { id: 'demo_vip_preview', daysAgo: 15, recipients: 260, clickRate: 0.24, buyRate: 0.4 },
  { id: 'demo_back_in_stock', daysAgo: 8, recipients: 340, clickRate: 0.2, buyRate: 0.35 },
  { id: 'demo_weekend_sale', daysAgo: 2, recipients: 700, clickRate: 0.13, buyRate: 0.28 },
  { id: 'flow_order_confirmation', daysAgo: 'daily', recipients: 12, clickRate: 0.3, buyRate: 0.05 },
  { id: 'flow_abandoned_checkout', daysAgo: 'daily', recipients: 8, clickRate: 0.22, buyRate: 0.45 },
];

type TouchRow = [message: string, kind: string, source: string, phone: string, channel: 'rcs' | 'sms', at: number];
type OrderRow = [id: string, phone: string, value: number, at: number];

/** The demo history as rows (exported for its test). */
export function demoHistory(now: number): { touches: TouchRow[]; orders: OrderRow[] } {
  const rand = generator(20260301);
  const touches: TouchRow[] = [];
  const orders: OrderRow[] = [];
  let person = 0;
  let n = 0;
  const phoneOf = (i: number) => `+3363998${String(2000 + (i % 7000)).padStart(4, '0')}`;
  const send = (source: DemoSource, at: number) => {
    const phone = phoneOf(person++);
    const message = `demo-m-${n++}`;
    const rcs = rand() < 0.64;
    const channel = rcs ? 'rcs' : 'sms';
    const t = (kind: string, when: number) => touches.push([message, kind, source.id, phone, channel, Math.min(when, now)]);
    t('sent', at);
    if (rand() > (rcs ? 0.97 : 0.985)) {
      t('failed', at + 5000);
      return;
    }
    const delivered = at + 2000 + rand() * 20_000;
    t('delivered', delivered);
    let last = delivered;
    if (rcs && rand() < 0.72) {
      last = delivered + rand() * 3 * HOUR;
      t('read', last);
    }
    // RCS chips get tapped more than SMS links get clicked.
    const clicked = rand() < source.clickRate * (rcs ? 1.25 : 0.6);
    if (clicked) {
      last = last + rand() * 2 * HOUR;
      t(rcs ? 'tapped' : 'clicked', last);
    }
    if (rand() < 0.025) t('replied', last + rand() * HOUR);
    if (rand() < 0.006) t('unsubscribed', last + rand() * HOUR);
    const buys = clicked ? rand() < source.buyRate : rand() < source.buyRate * 0.08;
    const placed = last + (clicked ? rand() * 30 * HOUR : rand() * 10 * HOUR);
    if (buys && placed < now) orders.push([`demo-order-${n}`, phone, Math.round((35 + rand() * 190) * 100) / 100, placed]);
  };
  for (const source of DEMO_SOURCES) {
    if (source.daysAgo === 'daily') {
      for (let d = 29; d >= 0; d--) {
        const count = Math.round(source.recipients * (0.6 + rand() * 0.8));
        for (let i = 0; i < count; i++) send(source, now - d * DAY - rand() * 20 * HOUR);
      }
    } else {
      const start = now - source.daysAgo * DAY;
      for (let i = 0; i < source.recipients; i++) send(source, start + (i / source.recipients) * 40 * MINUTE);
    }
  }
  return { touches, orders };
}

/** Writes the demo history into D1 in a few statements (one JSON parameter each). */
export async function seedResultsHistory(env: Env, now = Date.now()): Promise<{ touches: number; orders: number }> {
  const { touches, orders } = demoHistory(now);
  const db = env.DB;
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < touches.length; i += 400) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO touches (message_id, kind, source_id, phone, channel, at)
           SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 FROM json_each(?) AS j`,
        )
        .bind(JSON.stringify(touches.slice(i, i + 400).map((r) => [...r.slice(0, 5), Math.round(r[5])]))),
    );
  }
  for (let i = 0; i < orders.length; i += 400) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO orders (order_id, phone, value, currency, at, items)
           SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, 'EUR', j.value ->> 3, '[]' FROM json_each(?) AS j`,
        )
        .bind(JSON.stringify(orders.slice(i, i + 400).map((r) => [r[0], r[1], r[2], Math.round(r[3])]))),
    );
  }
  await db.batch(statements);
  return { touches: touches.length, orders: orders.length };
}
