-- Twilio Content API templates created on demand, one per distinct content (sha-256 of the
-- template types), so the same rich message is never registered twice.
CREATE TABLE IF NOT EXISTS twilio_content (
  hash TEXT PRIMARY KEY,
  sid TEXT NOT NULL,
  created_at TEXT NOT NULL
);
