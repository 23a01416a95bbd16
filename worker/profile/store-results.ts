/**
 * The Profile's results tables, part of the storage layer (only `Store` creates it:
 * `store.results`). `result_touches` is what this customer's campaign and flow messages earned
 * (one row per logical message and kind: the dedupe that makes a redelivered callback count
 * once); `results_outbox` holds what D1 has not confirmed yet, in order, so a failed write is
 * retried from the alarm and never lost (worker/results/record.ts).
 */
import type { TouchKind } from '../../schemas/results';

export interface Touch {
  message_id: string;
  kind: TouchKind;
  source_id: string;
  phone: string;
  channel: 'rcs' | 'sms';
  at: number;
}

export interface Order {
  order_id: string;
  phone: string;
  value: number;
  currency: string | null;
  at: number;
  items: unknown[];
}

export type OutboxItem = { id: number } & ({ type: 'touch'; touch: Touch } | { type: 'order'; order: Order });

/** The last message a campaign or flow sent this customer (what a reply or a STOP answers). */
export interface SourceMessage {
  id: string;
  fallback_of: string | null;
  campaign_id: string;
  channel: 'rcs' | 'sms';
}

export class ResultsLog {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Records a touch once per message and kind; true when D1 has something new to hear (a new
   * touch, or with `moveChannel` a `sent` whose channel changed: the SMS fallback, or the
   * channel a carrier says it really used).
   */
  touch(t: Touch, moveChannel = false): boolean {
    const inserted = this.sql
      .exec(
        `INSERT INTO result_touches (message_id, kind, channel, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (message_id, kind) DO NOTHING RETURNING 1`,
        t.message_id,
        t.kind,
        t.channel,
        t.at,
      )
      .toArray().length;
    let changed = inserted > 0;
    if (!changed && moveChannel) {
      changed =
        this.sql.exec(
          'UPDATE result_touches SET channel = ? WHERE message_id = ? AND kind = ? AND channel <> ?',
          t.channel,
          t.message_id,
          t.kind,
          t.channel,
        ).rowsWritten > 0;
    }
    if (changed) this.enqueue('touch', t);
    return changed;
  }

  /** Whether this message already has a touch of that kind. */
  has(messageId: string, kind: TouchKind): boolean {
    return this.sql.exec('SELECT 1 FROM result_touches WHERE message_id = ? AND kind = ?', messageId, kind).toArray().length > 0;
  }

  order(o: Order): void {
    this.enqueue('order', o);
  }

  private enqueue(type: 'touch' | 'order', payload: Touch | Order): void {
    this.sql.exec('INSERT INTO results_outbox (type, payload) VALUES (?, ?)', type, JSON.stringify(payload));
  }

  /** The oldest items D1 has not confirmed. */
  pending(limit: number): OutboxItem[] {
    return this.sql
      .exec<{ id: number; type: string; payload: string }>('SELECT id, type, payload FROM results_outbox ORDER BY id LIMIT ?', limit)
      .toArray()
      .map((r) =>
        r.type === 'order'
          ? { id: r.id, type: 'order', order: JSON.parse(r.payload) as Order }
          : { id: r.id, type: 'touch', touch: JSON.parse(r.payload) as Touch },
      );
  }

  /** Drops the items D1 confirmed (up to `lastId`; anything queued meanwhile has a larger id). */
  confirm(lastId: number): void {
    this.sql.exec('DELETE FROM results_outbox WHERE id <= ?', lastId);
  }

  hasPending(): boolean {
    return this.sql.exec('SELECT 1 FROM results_outbox LIMIT 1').toArray().length > 0;
  }

  /** The latest message a campaign or flow sent since `since` (a partial index keeps this off the thread). */
  lastSourceMessage(since: number): SourceMessage | null {
    return (
      this.sql
        .exec<{ id: string; fallback_of: string | null; campaign_id: string; channel: 'rcs' | 'sms' }>(
          `SELECT id, fallback_of, campaign_id, channel FROM messages INDEXED BY messages_source
           WHERE campaign_id IS NOT NULL AND direction = 'out' AND created_at >= ?
             AND status NOT IN ('queued', 'held', 'scheduled', 'skipped', 'failed')
           ORDER BY seq DESC LIMIT 1`,
          since,
        )
        .toArray()[0] ?? null
    );
  }
}
