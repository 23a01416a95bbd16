-- Edge core: the profiles directory (an eventually consistent mirror written by each Profile
-- Durable Object, for segment queries), brand settings, postback automations and the
-- sandbox network's simulated phones. The Profile object stays the source of truth.

CREATE TABLE IF NOT EXISTS profiles (
  phone TEXT PRIMARY KEY,
  first_name TEXT,
  last_name TEXT,
  email TEXT,
  locale TEXT,
  timezone TEXT,
  properties TEXT NOT NULL DEFAULT '{}',
  marketing TEXT NOT NULL DEFAULT 'never',
  transactional TEXT NOT NULL DEFAULT 'never',
  rcs_capable INTEGER,
  last_activity TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS profiles_marketing ON profiles (marketing);
CREATE INDEX IF NOT EXISTS profiles_last_activity ON profiles (last_activity);

-- Brand settings as key/value; worker/settings.ts supplies defaults for missing keys.
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT OR IGNORE INTO settings (key, value) VALUES
  ('brand_name', 'Maison Lumière'),
  ('opt_out_mention', 'STOP au 36111'),
  ('help_text', 'Maison Lumière : offres et suivi de commande par message. Aide : contact@maison-lumiere.example. Répondez STOP pour ne plus recevoir nos messages.'),
  ('logo_url', '/logo.svg'),
  ('brand_color', '#7a4b2a');

-- A tap whose postback matches a rule gets `reply` (Content JSON) sent automatically.
CREATE TABLE IF NOT EXISTS postback_rules (
  postback TEXT PRIMARY KEY,
  reply TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT 'support' CHECK (purpose IN ('support', 'transactional'))
);
INSERT OR IGNORE INTO postback_rules (postback, reply, purpose) VALUES
  ('track', '{"type":"text","text":"Votre colis est en route : suivez-le ici https://console.example.test/t/track","suggestions":[{"type":"url","text":"Suivre mon colis","url":"https://console.example.test/t/track"}]}', 'support');

-- Sandbox network: a simulated phone's mode. No row = the default rule (last digit even →
-- RCS-capable, odd → SMS-only). 'rcs_offline' is capable but never delivers.
CREATE TABLE IF NOT EXISTS sandbox_phones (
  phone TEXT PRIMARY KEY,
  mode TEXT NOT NULL CHECK (mode IN ('rcs', 'sms', 'rcs_offline'))
);
