/**
 * Bulk writes of whole messages (with their status histories and offered suggestions), part
 * of the storage layer: only `Store.insertThread` calls it, inside one transaction. Rows go in
 * through `INSERT … SELECT … FROM json_each(?)`: one bound parameter per statement, far under
 * SQLite's 100-binding limit in Durable Objects.
 */

export interface ThreadRows {
  messages: {
    id: string;
    direction: 'in' | 'out';
    channel: 'rcs' | 'sms';
    purpose: string | null;
    kind: 'message' | 'tap' | 'note';
    status: string;
    content: string | null;
    text: string | null;
    postback: string | null;
    in_reply_to: string | null;
    author: string | null;
    provider_message_id: string | null;
    fallback_of: string | null;
    fallback_reason: string | null;
    created_at: number;
    updated_at: number;
  }[];
  history: { message_id: string; status: string; at: number; reason: string | null }[];
  suggestions: { message_id: string; idx: number; postback: string; type: string; text: string; url: string | null }[];
}

export function insertThreadRows(sql: SqlStorage, rows: ThreadRows): void {
  sql.exec(
    `INSERT INTO messages (id, direction, channel, purpose, kind, status, content, text, postback, in_reply_to, author, provider_message_id,
       fallback_of, fallback_reason, created_at, updated_at)
     SELECT j.value ->> 'id', j.value ->> 'direction', j.value ->> 'channel', j.value ->> 'purpose', j.value ->> 'kind', j.value ->> 'status',
       j.value ->> 'content', j.value ->> 'text', j.value ->> 'postback', j.value ->> 'in_reply_to', j.value ->> 'author',
       j.value ->> 'provider_message_id', j.value ->> 'fallback_of', j.value ->> 'fallback_reason', j.value ->> 'created_at', j.value ->> 'updated_at'
     FROM json_each(?) AS j ORDER BY j.key`,
    JSON.stringify(rows.messages),
  );
  sql.exec(
    `INSERT INTO status_history (message_id, status, at, reason)
     SELECT j.value ->> 'message_id', j.value ->> 'status', j.value ->> 'at', j.value ->> 'reason' FROM json_each(?) AS j ORDER BY j.key`,
    JSON.stringify(rows.history),
  );
  sql.exec(
    `INSERT OR REPLACE INTO suggestions (message_id, idx, postback, type, text, url)
     SELECT j.value ->> 'message_id', j.value ->> 'idx', j.value ->> 'postback', j.value ->> 'type', j.value ->> 'text', j.value ->> 'url'
     FROM json_each(?) AS j`,
    JSON.stringify(rows.suggestions),
  );
}
