/**
 * The Inbox object's SQLite schema as an ordered list of migrations, applied by the shared
 * runner (worker/lib/migrate.ts) in the constructor; the applied version lives in
 * `schema_version`. Never edit a shipped migration: append a new one.
 */
import { migrate } from '../lib/migrate';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     phone TEXT PRIMARY KEY,
     name TEXT,
     -- Lower-cased name for case-insensitive prefix search.
     name_lc TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL DEFAULT 'open',
     assignee TEXT,
     labels TEXT NOT NULL DEFAULT '[]',
     channel TEXT NOT NULL,
     preview TEXT NOT NULL DEFAULT '',
     last_direction TEXT NOT NULL,
     -- ISO 8601 from Date.toISOString(): sorts lexicographically in time order.
     last_activity_at TEXT NOT NULL,
     unread INTEGER NOT NULL DEFAULT 0,
     snoozed_until TEXT,
     snooze_until_reply INTEGER NOT NULL DEFAULT 0,
     flagged INTEGER NOT NULL DEFAULT 0
   );
   -- One index per list shape, each ending in the keyset (last_activity_at, phone) so a page is
   -- an index range scan however many conversations exist.
   CREATE INDEX conversations_activity ON conversations (last_activity_at, phone);
   CREATE INDEX conversations_status ON conversations (status, last_activity_at, phone);
   CREATE INDEX conversations_assignee ON conversations (assignee, last_activity_at, phone);
   CREATE INDEX conversations_assignee_status ON conversations (assignee, status, last_activity_at, phone);
   CREATE INDEX conversations_channel ON conversations (channel, last_activity_at, phone);
   CREATE INDEX conversations_channel_status ON conversations (channel, status, last_activity_at, phone);
   CREATE INDEX conversations_name ON conversations (name_lc);
   CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL;
   -- Labels are also kept here so the label filter is an index lookup, not a JSON scan.
   CREATE TABLE conversation_labels (
     label TEXT NOT NULL,
     phone TEXT NOT NULL,
     PRIMARY KEY (label, phone)
   ) WITHOUT ROWID;
   CREATE INDEX conversation_labels_phone ON conversation_labels (phone);
   -- AUTOINCREMENT: seq never goes back, even after old events are trimmed.
   CREATE TABLE events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     type TEXT NOT NULL,
     phone TEXT,
     at TEXT NOT NULL,
     payload TEXT NOT NULL
   );`,
  // 2: the list's tab counts (all / mine / unassigned, for any status, channel and label) are
  // maintained by triggers instead of aggregated over every matching row on each page. A
  // conversation counts in the bucket of its status, channel and assignee ('' = unassigned),
  // and once more per label it carries. Conversations are never deleted. And a label's rows
  // carry the conversation's last activity, so a label filter pages through its own index in
  // list order instead of collecting every labelled conversation.
  `ALTER TABLE conversation_labels ADD COLUMN last_activity_at TEXT NOT NULL DEFAULT '';
   UPDATE conversation_labels SET last_activity_at = (SELECT c.last_activity_at FROM conversations c WHERE c.phone = conversation_labels.phone);
   CREATE INDEX conversation_labels_activity ON conversation_labels (label, last_activity_at, phone);
   CREATE TRIGGER conversation_labels_follow_activity AFTER UPDATE OF last_activity_at ON conversations
   WHEN OLD.last_activity_at IS NOT NEW.last_activity_at
   BEGIN
     UPDATE conversation_labels SET last_activity_at = NEW.last_activity_at WHERE phone = NEW.phone;
   END;
   CREATE TABLE conversation_counts (
     status TEXT NOT NULL,
     channel TEXT NOT NULL,
     assignee TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (status, channel, assignee)
   ) WITHOUT ROWID;
   CREATE TABLE label_counts (
     label TEXT NOT NULL,
     status TEXT NOT NULL,
     channel TEXT NOT NULL,
     assignee TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (label, status, channel, assignee)
   ) WITHOUT ROWID;
   INSERT INTO conversation_counts (status, channel, assignee, n)
     SELECT status, channel, COALESCE(assignee, ''), COUNT(*) FROM conversations GROUP BY 1, 2, 3;
   INSERT INTO label_counts (label, status, channel, assignee, n)
     SELECT l.label, c.status, c.channel, COALESCE(c.assignee, ''), COUNT(*)
       FROM conversation_labels l JOIN conversations c ON c.phone = l.phone GROUP BY 1, 2, 3, 4;
   CREATE TRIGGER conversations_count_insert AFTER INSERT ON conversations BEGIN
     INSERT INTO conversation_counts (status, channel, assignee, n) VALUES (NEW.status, NEW.channel, COALESCE(NEW.assignee, ''), 1)
       ON CONFLICT (status, channel, assignee) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER conversations_count_update AFTER UPDATE OF status, channel, assignee ON conversations
   WHEN OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel OR OLD.assignee IS NOT NEW.assignee
   BEGIN
     UPDATE conversation_counts SET n = n - 1
       WHERE status = OLD.status AND channel = OLD.channel AND assignee = COALESCE(OLD.assignee, '');
     INSERT INTO conversation_counts (status, channel, assignee, n) VALUES (NEW.status, NEW.channel, COALESCE(NEW.assignee, ''), 1)
       ON CONFLICT (status, channel, assignee) DO UPDATE SET n = n + 1;
     UPDATE label_counts SET n = n - 1
       WHERE status = OLD.status AND channel = OLD.channel AND assignee = COALESCE(OLD.assignee, '')
         AND label IN (SELECT label FROM conversation_labels WHERE phone = NEW.phone);
     INSERT INTO label_counts (label, status, channel, assignee, n)
       SELECT label, NEW.status, NEW.channel, COALESCE(NEW.assignee, ''), 1 FROM conversation_labels WHERE phone = NEW.phone
       ON CONFLICT (label, status, channel, assignee) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER conversation_labels_count_insert AFTER INSERT ON conversation_labels BEGIN
     INSERT INTO label_counts (label, status, channel, assignee, n)
       SELECT NEW.label, status, channel, COALESCE(assignee, ''), 1 FROM conversations WHERE phone = NEW.phone
       ON CONFLICT (label, status, channel, assignee) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER conversation_labels_count_delete AFTER DELETE ON conversation_labels BEGIN
     UPDATE label_counts SET n = n - 1
       WHERE label = OLD.label
         AND (status, channel, assignee) IN (SELECT status, channel, COALESCE(assignee, '') FROM conversations WHERE phone = OLD.phone);
   END;`,
];

export function migrateInbox(sql: SqlStorage): void {
  migrate(sql, MIGRATIONS, 'schema_version');
}
