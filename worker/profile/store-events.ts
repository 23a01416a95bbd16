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
