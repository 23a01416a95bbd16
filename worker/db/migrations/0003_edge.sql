-- Edge: API keys for the public /v1 API (besides the API_KEY secret). Only a SHA-256 hash of
-- each key is stored; the plaintext is shown once at creation. Revoked keys stay for the audit
-- trail (consent log entries name the key id as the actor).
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
