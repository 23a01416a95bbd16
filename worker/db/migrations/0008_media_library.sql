-- The brand's media library (worker/media-library.ts): one row per uploaded file, whose bytes
-- live in R2 under `key` (library/<id>.<ext>) and are served publicly at /media/<id>.<ext>.
-- Numbered 0008 (not 0007) so that it stays after any 0007 another branch adds.
-- Removing a file from the library only sets deleted_at: messages already sent name its URL,
-- and carriers and phones fetch it again later, so the object and its URL stay.
CREATE TABLE IF NOT EXISTS media_library (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
-- The library's one listing: newest first, hidden rows skipped.
CREATE INDEX IF NOT EXISTS media_library_listed ON media_library (created_at DESC, id DESC) WHERE deleted_at IS NULL;
