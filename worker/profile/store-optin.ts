/**
 * The Profile's `opt_in_requests` table (double opt-in, docs/compliance.md "Signups"), part of
 * the storage layer: only `Store` creates it (`store.optIns`). One row per confirmation request
 * actually sent; a signup that sent nothing (one was sent less than a day ago) writes nothing,
 * so the table grows by at most one row a day per customer.
 */
import type { Purpose } from '../../schemas/profile';

/** Who started a signup: decides whether it may reach a customer who opted out themselves. */
export type OptInVia = 'api' | 'page' | 'keyword';

export interface OptInRow extends Record<string, SqlStorageValue> {
  id: number;
  purpose: string;
  /** Where the signup came from, as logged (the API's `source`, `signup_page`, `keyword:JOIN`). */
  source: string;
  via: string;
  locale: string | null;
  actor: string | null;
  message_id: string | null;
  sent_at: number;
  confirmed_at: number | null;
  confirmed_text: string | null;
}

export interface NewOptIn {
  purpose: Purpose;
  source: string;
  via: OptInVia;
  locale: string | null;
  actor: string | null;
  messageId: string | null;
  sentAt: number;
}

export class OptInRequests {
  constructor(private readonly sql: SqlStorage) {}

  /** Records a request; its row id. */
  add(r: NewOptIn): number {
    return this.sql
      .exec<{ id: number }>(
        'INSERT INTO opt_in_requests (purpose, source, via, locale, actor, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
        r.purpose,
        r.source,
        r.via,
        r.locale,
        r.actor,
        r.messageId,
        r.sentAt,
      )
      .one().id;
  }

  /** The message that carried request `id` (known once it is sent). */
  setMessage(id: number, messageId: string): void {
    this.sql.exec('UPDATE opt_in_requests SET message_id = ? WHERE id = ?', messageId, id);
  }

  /** The latest request for `purpose`, answered or not. */
  latest(purpose: Purpose): OptInRow | null {
    return (
      this.sql
        .exec<OptInRow>('SELECT * FROM opt_in_requests WHERE purpose = ? ORDER BY sent_at DESC, id DESC LIMIT 1', purpose)
        .toArray()[0] ?? null
    );
  }

  /**
   * The request a YES answers now: the latest one, if it is unanswered and was sent within
   * `ttlMs`. An older request is not revived by a newer signup that sent nothing.
   */
  pending(purpose: Purpose, now: number, ttlMs: number): OptInRow | null {
    const last = this.latest(purpose);
    return last && last.confirmed_at === null && now - last.sent_at <= ttlMs && now >= last.sent_at ? last : null;
  }

  /** Requests sent since `since` and never answered. */
  unanswered(purpose: Purpose, since: number): number {
    return this.sql
      .exec<{ n: number }>(
        'SELECT COUNT(*) AS n FROM opt_in_requests WHERE purpose = ? AND sent_at >= ? AND confirmed_at IS NULL',
        purpose,
        since,
      )
      .one().n;
  }

  confirm(id: number, at: number, text: string | null): void {
    this.sql.exec('UPDATE opt_in_requests SET confirmed_at = ?, confirmed_text = ? WHERE id = ?', at, text, id);
  }
}
