-- Console: accounts, sessions, sign-in rate limiting, canned responses, labels and brand
-- settings. Times are ISO 8601 text except session/attempt clocks, kept as epoch milliseconds
-- because they are compared arithmetically on every request.

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'agent', 'marketer')),
  -- pbkdf2$sha256$<iterations>$<salt b64url>$<hash b64url>
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

-- `id` is the SHA-256 (hex) of the cookie token: a leaked table cannot be replayed as cookies.
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);

-- One row per failed sign-in; `key` is "email|<email>|<ip>" or "ip|<ip>".
CREATE TABLE IF NOT EXISTS login_attempts (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempts_key_at ON login_attempts (key, at);

CREATE TABLE IF NOT EXISTS canned_responses (
  id TEXT PRIMARY KEY,
  shortcut TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS labels (
  name TEXT PRIMARY KEY,
  color TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Brand settings, key/value: the table of 0002_core.sql, created again only if missing (this
-- migration does not depend on that one). worker/settings.ts reads and writes it.
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
