-- Signups and flows (docs/compliance.md "Signups", docs/api.md "Flows").

-- The hosted signup form's rate limit: fixed windows per visitor address and per phone
-- number, so the form cannot be used to text a stranger again and again.
CREATE TABLE signup_throttle (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  window_start INTEGER NOT NULL
);

-- Built-in flows: each on or off, with its content (a Content JSON with Liquid fields) and,
-- for the abandoned checkout, its delay. A flow with no row uses its defaults, switched off.
CREATE TABLE flows (
  key TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL DEFAULT 0,
  content TEXT,
  delay_minutes INTEGER,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
