-- Search for the console (worker/search.ts): names and emails, accent- and case-insensitive,
-- and the words of messages. SQLite's FTS5 with the unicode61 tokenizer, diacritics removed
-- ("lea" finds "Léa", "chloe" finds "Chloé"), prefix queries ("cam" finds "camel").

-- Names and emails: an external-content index over the directory (`profiles`), kept in step by
-- triggers, so the directory write the Profile objects already make (from their alarm, never on
-- the ingest path) keeps it current with no write of its own.
CREATE VIRTUAL TABLE IF NOT EXISTS profile_search USING fts5(
  first_name, last_name, email,
  content = 'profiles', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS profile_search_insert AFTER INSERT ON profiles BEGIN
  INSERT INTO profile_search (rowid, first_name, last_name, email) VALUES (NEW.rowid, NEW.first_name, NEW.last_name, NEW.email);
END;
CREATE TRIGGER IF NOT EXISTS profile_search_delete AFTER DELETE ON profiles BEGIN
  INSERT INTO profile_search (profile_search, rowid, first_name, last_name, email) VALUES ('delete', OLD.rowid, OLD.first_name, OLD.last_name, OLD.email);
END;
-- Only when a searched column changed: most directory writes change consent or activity.
CREATE TRIGGER IF NOT EXISTS profile_search_update AFTER UPDATE OF first_name, last_name, email ON profiles
WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name OR OLD.email IS NOT NEW.email
BEGIN
  INSERT INTO profile_search (profile_search, rowid, first_name, last_name, email) VALUES ('delete', OLD.rowid, OLD.first_name, OLD.last_name, OLD.email);
  INSERT INTO profile_search (rowid, first_name, last_name, email) VALUES (NEW.rowid, NEW.first_name, NEW.last_name, NEW.email);
END;
INSERT INTO profile_search (profile_search) VALUES ('rebuild');

-- The words of messages (customers' and agents', notes included), appended by each Profile
-- object with its directory write: a burst of messages is one batch, written from the alarm.
CREATE VIRTUAL TABLE IF NOT EXISTS message_search USING fts5(
  body,
  phone UNINDEXED,
  message_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
