-- Campaigns (worker/campaigns/): one row per campaign, one row per recipient with its outcome.
-- The counters on `campaigns` are kept by the triggers below as outcomes are written, so reading
-- a campaign of a million recipients never counts a million rows.
CREATE TABLE IF NOT EXISTS campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'cancelled')),
  segment_id TEXT,
  -- The segment's definition as it was when the campaign was created (JSON), or NULL for a list.
  definition TEXT,
  -- An explicit list of recipients (JSON array of E.164 numbers, sorted), or NULL for a segment.
  profiles TEXT,
  content TEXT NOT NULL,
  fallback_text TEXT,
  -- A/B: JSON [{content, fallback_text, share}] (variant a first), NULL without a split.
  variants TEXT,
  cap_mode TEXT NOT NULL DEFAULT 'skip' CHECK (cap_mode IN ('skip', 'defer')),
  -- Recipients expected when it was created (the segment's count, the list's length).
  audience INTEGER NOT NULL DEFAULT 0,
  -- Fan-out bookkeeping: pages of the audience handed to the queue, and whether the last one was.
  enqueued INTEGER NOT NULL DEFAULT 0,
  paging_done INTEGER NOT NULL DEFAULT 0,
  -- The last page handed to the queue (its `after`) and when: the scheduler re-sends a page
  -- that made no progress for minutes (a lost queue send), pages being idempotent.
  page_after TEXT,
  page_at TEXT,
  -- Messages per second per channel when it started (0 = not paced), and a carrier's slow-down.
  pace_rcs REAL NOT NULL DEFAULT 0,
  pace_sms REAL NOT NULL DEFAULT 0,
  paused_until TEXT,
  send_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  cancelled_at TEXT,
  -- Counters (triggers only).
  n_recipients INTEGER NOT NULL DEFAULT 0,
  n_sent INTEGER NOT NULL DEFAULT 0,
  n_failed INTEGER NOT NULL DEFAULT 0,
  n_skipped INTEGER NOT NULL DEFAULT 0,
  n_held INTEGER NOT NULL DEFAULT 0,
  n_refused INTEGER NOT NULL DEFAULT 0,
  n_cancelled INTEGER NOT NULL DEFAULT 0,
  n_sent_rcs INTEGER NOT NULL DEFAULT 0,
  n_sent_sms INTEGER NOT NULL DEFAULT 0,
  n_sent_b INTEGER NOT NULL DEFAULT 0,
  n_recipients_b INTEGER NOT NULL DEFAULT 0
);
-- The list, newest first; the scheduler's lookup of campaigns due.
CREATE INDEX IF NOT EXISTS campaigns_listed ON campaigns (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS campaigns_due ON campaigns (send_at) WHERE status = 'scheduled';

-- Pages of the audience handed to the queue: a page message delivered twice counts once.
CREATE TABLE IF NOT EXISTS campaign_pages (
  campaign_id TEXT NOT NULL,
  after TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, after)
);

-- One row per recipient: its latest outcome. `rev` grows with each change in the recipient's
-- Profile object, so a late retry of an older outcome never overwrites a newer one.
CREATE TABLE IF NOT EXISTS campaign_recipients (
  campaign_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('held', 'sent', 'failed', 'skipped', 'refused', 'cancelled')),
  reason TEXT,
  channel TEXT,
  message_id TEXT,
  variant TEXT NOT NULL DEFAULT 'a',
  held_until TEXT,
  rev INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, phone)
);

CREATE TRIGGER IF NOT EXISTS campaign_pages_counted AFTER INSERT ON campaign_pages
BEGIN
  UPDATE campaigns SET enqueued = enqueued + NEW.size WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER IF NOT EXISTS campaign_recipient_added AFTER INSERT ON campaign_recipients
BEGIN
  UPDATE campaigns SET
    n_recipients = n_recipients + 1,
    n_recipients_b = n_recipients_b + (NEW.variant = 'b'),
    n_sent = n_sent + (NEW.outcome = 'sent'),
    n_failed = n_failed + (NEW.outcome = 'failed'),
    n_skipped = n_skipped + (NEW.outcome = 'skipped'),
    n_held = n_held + (NEW.outcome = 'held'),
    n_refused = n_refused + (NEW.outcome = 'refused'),
    n_cancelled = n_cancelled + (NEW.outcome = 'cancelled'),
    n_sent_rcs = n_sent_rcs + (NEW.outcome = 'sent' AND NEW.channel IS 'rcs'),
    n_sent_sms = n_sent_sms + (NEW.outcome = 'sent' AND NEW.channel IS 'sms'),
    n_sent_b = n_sent_b + (NEW.outcome = 'sent' AND NEW.variant = 'b')
  WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER IF NOT EXISTS campaign_recipient_changed AFTER UPDATE ON campaign_recipients
WHEN OLD.outcome IS NOT NEW.outcome OR OLD.channel IS NOT NEW.channel
BEGIN
  UPDATE campaigns SET
    n_sent = n_sent + (NEW.outcome = 'sent') - (OLD.outcome = 'sent'),
    n_failed = n_failed + (NEW.outcome = 'failed') - (OLD.outcome = 'failed'),
    n_skipped = n_skipped + (NEW.outcome = 'skipped') - (OLD.outcome = 'skipped'),
    n_held = n_held + (NEW.outcome = 'held') - (OLD.outcome = 'held'),
    n_refused = n_refused + (NEW.outcome = 'refused') - (OLD.outcome = 'refused'),
    n_cancelled = n_cancelled + (NEW.outcome = 'cancelled') - (OLD.outcome = 'cancelled'),
    n_sent_rcs = n_sent_rcs + (NEW.outcome = 'sent' AND NEW.channel IS 'rcs') - (OLD.outcome = 'sent' AND OLD.channel IS 'rcs'),
    n_sent_sms = n_sent_sms + (NEW.outcome = 'sent' AND NEW.channel IS 'sms') - (OLD.outcome = 'sent' AND OLD.channel IS 'sms'),
    n_sent_b = n_sent_b + (NEW.outcome = 'sent' AND NEW.variant = 'b') - (OLD.outcome = 'sent' AND OLD.variant = 'b')
  WHERE id = NEW.campaign_id;
END;

-- A campaign whose every page was enqueued and whose every recipient has a final outcome is sent.
CREATE TRIGGER IF NOT EXISTS campaign_finished AFTER UPDATE ON campaigns
WHEN NEW.status = 'sending' AND NEW.paging_done = 1 AND NEW.n_recipients >= NEW.enqueued AND NEW.n_held = 0
BEGIN
  UPDATE campaigns SET status = 'sent', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
