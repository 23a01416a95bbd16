/**
 * The Profile's `events` table (tracked events: orders, product views), part of the storage
 * layer: only `Store` creates it (`store.events`).
 */
import type { ProfileEventView } from '../../schemas/console-api';

export interface NewEvent {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  value: number | null;
  at: number;
  receivedAt: number;
}

/** An event that counts as an order (`Placed Order`, `Order Completed`, `order_paid`): docs/api.md, "Events". */
export const isOrderEvent = (name: string): boolean => /order/i.test(name) && /placed|completed|paid|^order$/i.test(name);

/** An event as the D1 mirror (`profile_events`) stores it. */
export interface MirrorEvent extends Record<string, SqlStorageValue> {
  id: string;
  name: string;
  value: number | null;
  properties: string;
  at: number;
}

/** What the directory row says of the customer's orders. */
export interface OrderFigures {
  count: number;
  total: number;
  first: number | null;
  last: number | null;
}

export class EventLog {
  constructor(private readonly sql: SqlStorage) {}

  /** Records an event; false (and nothing written) when its id was recorded before. */
  add(e: NewEvent): boolean {
    return (
      this.sql
        .exec(
          `INSERT INTO events (id, name, properties, value, at, received_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO NOTHING RETURNING 1`,
          e.id,
          e.name,
          JSON.stringify(e.properties),
          e.value,
          e.at,
          e.receivedAt,
        )
        .toArray().length > 0
    );
  }

  /** Events D1 does not have yet (their mark is set), oldest first. */
  unmirrored(limit: number): MirrorEvent[] {
    return this.sql
      .exec<MirrorEvent>('SELECT id, name, value, properties, at FROM events WHERE mirrored = 0 ORDER BY received_at, id LIMIT ?', limit)
      .toArray();
  }

  hasUnmirrored(): boolean {
    return this.sql.exec('SELECT 1 FROM events WHERE mirrored = 0 LIMIT 1').toArray().length > 0;
  }

  /** Clears the marks of events D1 now has (events never change once recorded). */
  markMirrored(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.sql.exec('UPDATE events SET mirrored = 1 WHERE mirrored = 0 AND id IN (SELECT value FROM json_each(?))', JSON.stringify(ids));
  }

  /** Count, total and first/last time of the order events (one index read per event name). */
  orderFigures(): OrderFigures {
    const out: OrderFigures = { count: 0, total: 0, first: null, last: null };
    const rows = this.sql.exec<{ name: string; n: number; total: number; first: number; last: number }>(
      'SELECT name, COUNT(*) AS n, TOTAL(value) AS total, MIN(at) AS first, MAX(at) AS last FROM events GROUP BY name',
    );
    for (const r of rows) {
      if (!isOrderEvent(r.name)) continue;
      out.count += r.n;
      out.total += r.total;
      out.first = out.first === null ? r.first : Math.min(out.first, r.first);
      out.last = out.last === null ? r.last : Math.max(out.last, r.last);
    }
    return out;
  }

  /** The latest events, newest first. */
  recent(limit: number): ProfileEventView[] {
    return this.sql
      .exec<EventRow>(
        'SELECT id, name, properties, value, at FROM events ORDER BY at DESC, id DESC LIMIT ?',
        Math.max(1, Math.min(100, Math.floor(limit))),
      )
      .toArray()
      .map(viewOf);
  }

  /** One event by id (a flow renders it). */
  get(id: string): ProfileEventView | null {
    const row = this.sql.exec<EventRow>('SELECT id, name, properties, value, at FROM events WHERE id = ?', id).toArray()[0];
    return row ? viewOf(row) : null;
  }
}

interface EventRow extends Record<string, SqlStorageValue> {
  id: string;
  name: string;
  properties: string;
  value: number | null;
  at: number;
}

function viewOf(r: EventRow): ProfileEventView {
  let properties: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.properties);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) properties = parsed as Record<string, unknown>;
  } catch {
    properties = {};
  }
  return { id: r.id, name: r.name, properties, value: r.value, time: new Date(r.at).toISOString() };
}
