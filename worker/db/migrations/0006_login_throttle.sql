-- Sign-in throttling as counters (worker/auth/throttle.ts): one row per key ("account|<email>",
-- "ip|<ip>", "account_ip|<email>|<ip>") counting attempts in a fixed window that starts at the
-- key's first attempt. A single upsert bumps and returns the count, so parallel guesses cannot
-- all read the same old count. Replaces the one-row-per-failure table of 0004.
CREATE TABLE IF NOT EXISTS login_throttle (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  window_start INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_throttle_window ON login_throttle (window_start);

DROP TABLE IF EXISTS login_attempts;
