/**
 * The Profile object's SQLite schema as an ordered list of migrations, applied by the shared
 * runner (worker/lib/migrate.ts) in the constructor; the applied version lives in `_schema`.
 * Never edit a shipped migration: append a new one.
 */
import { migrate as run } from '../lib/migrate';

const MIGRATIONS: readonly string[] = [
  // 1: the edge core.
  `
  CREATE TABLE profile (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    phone TEXT NOT NULL,
    first_name TEXT, last_name TEXT, email TEXT, locale TEXT, timezone TEXT,
    properties TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_inbound_at INTEGER,
    last_marketing_at INTEGER,
    last_marketing_id TEXT,
    last_activity_at INTEGER,
    surfaced INTEGER NOT NULL DEFAULT 0,
    rcs_capable INTEGER,
    rcs_features TEXT,
    rcs_checked_at INTEGER
  );
  CREATE TABLE consent (
    purpose TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    source TEXT NOT NULL
  );
  CREATE TABLE consent_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    source TEXT NOT NULL,
    text TEXT,
    actor TEXT
  );
  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    direction TEXT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT,
    kind TEXT NOT NULL DEFAULT 'message',
    traffic TEXT,
    status TEXT NOT NULL,
    content TEXT,
    text TEXT,
    media TEXT,
    fallback_text TEXT,
    postback TEXT,
    in_reply_to TEXT,
    campaign_id TEXT,
    author TEXT,
    idempotency_key TEXT UNIQUE,
    provider_message_id TEXT,
    fallback_of TEXT,
    fallback_reason TEXT,
    fallback_sms_id TEXT,
    send_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    delivered_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX messages_provider_id ON messages (provider_message_id);
  CREATE TABLE status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL,
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT
  );
  CREATE INDEX status_history_message ON status_history (message_id, id);
  CREATE TABLE suggestions (
    message_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    postback TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    url TEXT,
    PRIMARY KEY (message_id, idx)
  );
  CREATE INDEX suggestions_postback ON suggestions (postback);
  CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    message_id TEXT,
    postback TEXT,
    url TEXT,
    at INTEGER NOT NULL,
    detail TEXT
  );
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    properties TEXT NOT NULL DEFAULT '{}',
    value REAL,
    at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX events_at ON events (at);
  CREATE TABLE dedupe (
    key TEXT PRIMARY KEY,
    at INTEGER NOT NULL
  );
  CREATE INDEX dedupe_at ON dedupe (at);
  CREATE TABLE timers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX timers_due ON timers (due_at);
  `,
  // 2: the D1 directory row is written from the alarm, once per burst, not awaited per event.
  // A row here means "the directory is behind": it survives a crash, so no update is lost.
  `
  CREATE TABLE directory_sync (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    due_at INTEGER NOT NULL,
    gen INTEGER NOT NULL
  );
  `,
  // 3: how far the D1 message search index (message_search) has this object's messages: the
  // directory write appends the words of later ones, so a burst costs one batch, from the alarm.
  `
  CREATE TABLE search_sync (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    indexed_seq INTEGER NOT NULL
  );
  INSERT INTO search_sync (one, indexed_seq) VALUES (1, 0);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the migrations this object has not seen yet, in order. */
export function migrate(sql: SqlStorage): void {
  run(sql, MIGRATIONS, '_schema');
}
