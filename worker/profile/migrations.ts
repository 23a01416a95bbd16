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
  // 3: events are mirrored to D1 (profile_events) with the directory row. `mirrored = 0` is the
  // event's durable mark until D1 has it; events recorded before this version start marked, so
  // they reach D1 with the next directory write. `events_name` serves the order figures.
  `
  ALTER TABLE events ADD COLUMN mirrored INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX events_unmirrored ON events (received_at) WHERE mirrored = 0;
  CREATE INDEX events_name ON events (name, at, value);
  `,
  // 4: campaigns (worker/profile/campaign.ts): this recipient's one outcome per campaign.
  // synced_rev < rev is the durable mark of an outcome D1 has not acknowledged yet.
  `
  CREATE TABLE IF NOT EXISTS campaign_outcomes (
    campaign_id TEXT PRIMARY KEY,
    message_id TEXT,
    variant TEXT NOT NULL,
    cap_mode TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    channel TEXT,
    held_until INTEGER,
    rev INTEGER NOT NULL,
    synced_rev INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS campaign_outcomes_unsynced ON campaign_outcomes (updated_at) WHERE synced_rev < rev;
  `,
  // 5: double opt-in (docs/compliance.md, "Signups"). The consent log keeps where a consent was
  // collected and when (the signup a YES confirmed, Shopify's opt-in level and time), and each
  // confirmation request sent is remembered: the YES must answer one within 48 hours, and a
  // phone gets at most one request a day however often it is signed up.
  `
  ALTER TABLE consent_log ADD COLUMN origin TEXT;
  ALTER TABLE consent_log ADD COLUMN origin_at INTEGER;
  CREATE TABLE opt_in_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    purpose TEXT NOT NULL,
    source TEXT NOT NULL,
    via TEXT NOT NULL,
    locale TEXT,
    actor TEXT,
    message_id TEXT,
    sent_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    confirmed_text TEXT
  );
  CREATE INDEX opt_in_requests_sent ON opt_in_requests (purpose, sent_at);
  `,
  // 6: results (worker/results/record.ts): each campaign or flow message's touches, once per
  // message and kind, and the outbox of touches and orders D1 has not confirmed yet.
  `
  CREATE TABLE result_touches (
    message_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (message_id, kind)
  ) WITHOUT ROWID;
  CREATE TABLE results_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    payload TEXT NOT NULL
  );
  CREATE INDEX messages_source ON messages (seq) WHERE campaign_id IS NOT NULL AND direction = 'out';
  `,
  // 7: how far the D1 message search index (message_search) has this object's messages: the
  // directory write appends the words of later ones, so a burst costs one batch, from the alarm.
  `
  CREATE TABLE search_sync (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    indexed_seq INTEGER NOT NULL
  );
  INSERT INTO search_sync (one, indexed_seq) VALUES (1, 0);
  `,
  // 8: how many times a timer's handler threw: it is run again later (backoff) instead of being
  // lost, a bounded number of times (worker/profile/timers.ts).
  `
  ALTER TABLE timers ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
  `,
  // 9: Inbox changes the Inbox object did not take (unreachable for a while), in order, sent
  // again from the alarm before anything newer (worker/profile/core.ts, flushInbox).
  `
  CREATE TABLE inbox_backlog (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ops TEXT NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the migrations this object has not seen yet, in order. */
export function migrate(sql: SqlStorage): void {
  run(sql, MIGRATIONS, '_schema');
}
