-- Results (docs/architecture.md, "Results and attribution"): the raw touches and orders that
-- campaigns' and flows' figures and attributed revenue are computed from when read, and the
-- short links of marketing SMS. Written by the Profile objects (one writer per customer,
-- through a durable outbox); attribution is never stored, so a changed window re-reads history.

-- One row per message and kind. `message_id` is the logical message: an SMS fallback's
-- touches are its RCS message's, with the channel it really went out on.
CREATE TABLE IF NOT EXISTS touches (
  message_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sent', 'delivered', 'read', 'clicked', 'tapped', 'replied', 'unsubscribed', 'failed')),
  source_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('rcs', 'sms')),
  at INTEGER NOT NULL,
  PRIMARY KEY (message_id, kind)
) WITHOUT ROWID;
-- A source's counts (covering: never reads the table) and its touches' recipients.
CREATE INDEX IF NOT EXISTS touches_source ON touches (source_id, kind, channel, message_id);
CREATE INDEX IF NOT EXISTS touches_source_phone ON touches (source_id, phone, kind, at);
-- Attribution: a profile's touches before an order, newest first.
CREATE INDEX IF NOT EXISTS touches_phone_at ON touches (phone, at, kind, channel, source_id, message_id);
-- The dashboard's last N days.
CREATE INDEX IF NOT EXISTS touches_at ON touches (at, kind, channel, source_id, message_id);

-- `Placed Order` events, counted once by order id.
CREATE TABLE IF NOT EXISTS orders (
  order_id TEXT PRIMARY KEY,
  phone TEXT NOT NULL,
  value REAL NOT NULL DEFAULT 0,
  currency TEXT,
  at INTEGER NOT NULL,
  items TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS orders_phone_at ON orders (phone, at);
CREATE INDEX IF NOT EXISTS orders_at ON orders (at);

-- `{PUBLIC_URL}/l/{code}` → the original URL of a marketing SMS, for one message and profile.
CREATE TABLE IF NOT EXISTS short_links (
  code TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  message_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  source_id TEXT,
  created_at INTEGER NOT NULL
);
