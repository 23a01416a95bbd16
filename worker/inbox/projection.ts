/**
 * The conversation list projection: one row per customer conversation (status, assignee,
 * labels, unread, last-message preview, snooze), written from Profile activity and agents'
 * changes. The only code that writes the `conversations` and `conversation_labels` tables;
 * the tab counts follow by trigger (migrations.ts).
 */
import type { ConversationActivity, ConversationStatus, ConversationSummary } from '../../schemas/console';
import type { ConversationPatch } from '../../schemas/console-api';
import { normalizeIso } from '../lib/time';

export interface ConversationRow {
  phone: string;
  name: string | null;
  status: ConversationStatus;
  assignee: string | null;
  labels: string;
  channel: 'rcs' | 'sms';
  preview: string;
  last_direction: 'in' | 'out';
  last_activity_at: string;
  unread: number;
  snoozed_until: string | null;
  snooze_until_reply: number;
  flagged: number;
  [key: string]: SqlStorageValue;
}

export const COLUMNS =
  'phone, name, status, assignee, labels, channel, preview, last_direction, last_activity_at, unread, snoozed_until, snooze_until_reply, flagged';

/** Our ISO form (Date#toISOString), which Profile objects already send: no parse needed. */
const OUR_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time from an event, as our ISO form; an unparseable one is taken as now. */
export const iso = (at: string): string => (OUR_ISO.test(at) ? at : (normalizeIso(at) ?? new Date().toISOString()));

export function toSummary(row: ConversationRow): ConversationSummary {
  let labels: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.labels);
    if (Array.isArray(parsed)) labels = parsed.filter((l): l is string => typeof l === 'string');
  } catch {
    labels = [];
  }
  return {
    phone: row.phone,
    name: row.name,
    status: row.status,
    assignee: row.assignee,
    labels,
    channel: row.channel,
    preview: row.preview,
    last_direction: row.last_direction,
    last_activity_at: row.last_activity_at,
    unread: row.unread,
    snoozed_until: row.snoozed_until,
    flagged: row.flagged === 1,
  };
}

/** A conversation as the benchmark's synthetic inbox holds it (worker/bench). */
export interface SyntheticConversation {
  phone: string;
  name: string;
  status: ConversationStatus;
  assignee: string | null;
  labels: string[];
  channel: 'rcs' | 'sms';
  preview: string;
  at: string;
  unread: number;
}

/** What a write did: the row to broadcast, and whether the snooze alarm must be re-armed. */
export interface Written {
  row: ConversationRow;
  rearm: boolean;
}

export class Projection {
  private readonly sql: SqlStorage;

  constructor(private readonly storage: DurableObjectStorage) {
    this.sql = storage.sql;
  }

  row(phone: string): ConversationRow | null {
    return this.sql.exec<ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE phone = ?`, phone).toArray()[0] ?? null;
  }

  /**
   * Creates or updates the row of a conversation with new activity, in one statement (the hot
   * path of every inbound message): customer activity reopens resolved and snoozed
   * conversations; out-of-order activity (an older event arriving late) never moves the
   * preview back. Notes are private and already in the thread: they do not move the
   * conversation (the existing row comes back unchanged, null when none). A timed snooze
   * cleared here leaves the alarm set: it fires, finds nothing due and re-arms for the next.
   */
  applyActivity(activity: ConversationActivity): ConversationRow | null {
    if (activity.kind === 'note') return this.row(activity.phone);
    const inbound = Number(activity.direction === 'in');
    // In DO UPDATE, an unqualified column is the existing row's value (all read before any is set).
    return this.sql
      .exec<ConversationRow>(
        `INSERT INTO conversations (phone, name, name_lc, status, channel, preview, last_direction, last_activity_at, unread, flagged)
         VALUES (?1, ?2, COALESCE(?3, ''), 'open', ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (phone) DO UPDATE SET
           name = COALESCE(?2, name), name_lc = COALESCE(?3, name_lc),
           channel = CASE WHEN ?7 >= last_activity_at THEN ?4 ELSE channel END,
           preview = CASE WHEN ?7 >= last_activity_at THEN ?5 ELSE preview END,
           last_direction = CASE WHEN ?7 >= last_activity_at THEN ?6 ELSE last_direction END,
           last_activity_at = CASE WHEN ?7 >= last_activity_at THEN ?7 ELSE last_activity_at END,
           unread = CASE WHEN ?8 THEN unread + 1 WHEN ?10 THEN 0 ELSE unread END,
           status = CASE WHEN ?8 AND status IN ('resolved', 'snoozed') THEN 'open' ELSE status END,
           snoozed_until = CASE WHEN ?8 AND status IN ('resolved', 'snoozed') THEN NULL ELSE snoozed_until END,
           snooze_until_reply = CASE WHEN ?8 AND status IN ('resolved', 'snoozed') THEN 0 ELSE snooze_until_reply END,
           flagged = CASE WHEN ?9 THEN 1 ELSE flagged END
         RETURNING ${COLUMNS}`,
        activity.phone,
        activity.name,
        activity.name === null ? null : activity.name.toLowerCase(),
        activity.channel,
        activity.preview,
        activity.direction,
        iso(activity.at),
        inbound,
        Number(activity.flagged === true),
        // An agent's reply means the conversation was read.
        Number(activity.kind === 'agent_reply'),
      )
      .one();
  }

  /** Status, assignee, labels and snooze changes from an agent. Null when the conversation is unknown. */
  update(phone: string, patch: ConversationPatch): Written | null {
    const existing = this.row(phone);
    if (!existing) return null;
    let status = patch.status ?? existing.status;
    let snoozedUntil = existing.snoozed_until;
    let untilReply = existing.snooze_until_reply;
    if (patch.snooze) {
      status = 'snoozed';
      if ('until' in patch.snooze) {
        snoozedUntil = iso(patch.snooze.until);
        untilReply = 0;
      } else {
        snoozedUntil = null;
        untilReply = 1;
      }
    } else if (patch.status === 'snoozed' && existing.status !== 'snoozed') {
      // "Snoozed" without a time means until the customer replies.
      snoozedUntil = null;
      untilReply = 1;
    }
    if (status !== 'snoozed') {
      snoozedUntil = null;
      untilReply = 0;
    }
    const assignee = patch.assignee === undefined ? existing.assignee : patch.assignee;
    const labels = patch.labels ? [...new Set(patch.labels)] : null;
    const row = this.storage.transactionSync(() => {
      const updated = this.sql
        .exec<ConversationRow>(
          `UPDATE conversations SET status = ?, assignee = ?, snoozed_until = ?, snooze_until_reply = ?, labels = COALESCE(?, labels)
           WHERE phone = ? RETURNING ${COLUMNS}`,
          status,
          assignee,
          snoozedUntil,
          untilReply,
          labels ? JSON.stringify(labels) : null,
          phone,
        )
        .one();
      if (labels) this.setLabels(phone, labels);
      return updated;
    });
    return { row, rearm: snoozedUntil !== existing.snoozed_until };
  }

  private setLabels(phone: string, labels: readonly string[]): void {
    this.sql.exec('DELETE FROM conversation_labels WHERE phone = ?', phone);
    for (const label of labels) {
      this.sql.exec(
        'INSERT INTO conversation_labels (label, phone, last_activity_at) SELECT ?, phone, last_activity_at FROM conversations WHERE phone = ?',
        label,
        phone,
      );
    }
  }

  /** Nothing unread and the stop-mention flag seen. Null when unknown; `changed` false when already so. */
  markRead(phone: string): { row: ConversationRow; changed: boolean } | null {
    const existing = this.row(phone);
    if (!existing) return null;
    if (existing.unread === 0 && existing.flagged === 0) return { row: existing, changed: false };
    const row = this.sql
      .exec<ConversationRow>(`UPDATE conversations SET unread = 0, flagged = 0 WHERE phone = ? RETURNING ${COLUMNS}`, phone)
      .one();
    return { row, changed: true };
  }

  /** Reopens every conversation whose snooze time has come; returns them. */
  wakeDue(now: string): ConversationRow[] {
    return this.sql
      .exec<ConversationRow>(
        `UPDATE conversations SET status = 'open', snoozed_until = NULL, snooze_until_reply = 0
         WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND status = 'snoozed' RETURNING ${COLUMNS}`,
        now,
      )
      .toArray();
  }

  /** When the next timed snooze ends (null when none). */
  nextSnooze(): string | null {
    return this.sql
      .exec<{ at: string | null }>(
        "SELECT MIN(snoozed_until) AS at FROM conversations WHERE snoozed_until IS NOT NULL AND status = 'snoozed'",
      )
      .one().at;
  }

  count(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM conversations').one().n;
  }

  /** Inserts conversations that do not exist yet, in one transaction (the benchmark's synthetic inbox). */
  insertSynthetic(rows: readonly SyntheticConversation[]): void {
    this.storage.transactionSync(() => {
      for (const c of rows) {
        const inserted = this.sql
          .exec(
            `INSERT INTO conversations (phone, name, name_lc, status, assignee, labels, channel, preview, last_direction, last_activity_at, unread)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'in', ?, ?) ON CONFLICT (phone) DO NOTHING RETURNING 1`,
            c.phone,
            c.name,
            c.name.toLowerCase(),
            c.status,
            c.assignee,
            JSON.stringify(c.labels),
            c.channel,
            c.preview,
            c.at,
            c.unread,
          )
          .toArray();
        if (inserted.length > 0) this.setLabels(c.phone, c.labels);
      }
    });
  }
}
