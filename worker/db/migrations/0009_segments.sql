-- Segments (worker/segments/, docs/architecture.md "Segments"): what the directory needs to
-- answer them, and the saved segments.

-- Written by each Profile with its row: the country of its number (libphonenumber) and the
-- order figures it keeps from its order events (docs/api.md, "Events"). Rows written before
-- this migration get them with their next directory write.
ALTER TABLE profiles ADD COLUMN country TEXT;
ALTER TABLE profiles ADD COLUMN orders_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN total_spent REAL NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN average_order REAL;
ALTER TABLE profiles ADD COLUMN first_order_at TEXT;
ALTER TABLE profiles ADD COLUMN last_order_at TEXT;
CREATE INDEX IF NOT EXISTS profiles_country ON profiles (country);
-- Consent per purpose (marketing has its index since 0002).
CREATE INDEX IF NOT EXISTS profiles_transactional ON profiles (transactional);

-- The events mirror: each Profile's tracked events, written by its directory sync (a mark per
-- event in the object, cleared once D1 has the row, so none is lost when D1 fails). An event
-- condition is a search of (phone, name, at) for one customer; `value` is in the index so a
-- count or a sum never reads the row.
CREATE TABLE IF NOT EXISTS profile_events (
  phone TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  properties TEXT NOT NULL DEFAULT '{}',
  at INTEGER NOT NULL,
  PRIMARY KEY (phone, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS profile_events_name ON profile_events (phone, name, at, value);

-- Saved segments: a definition is the JSON of schemas/segments.ts. The built-in examples live in
-- worker/segments/builtins.ts (every brand has them; the console saves an edited copy here).
CREATE TABLE IF NOT EXISTS segments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS segments_name ON segments (name COLLATE NOCASE, id);
