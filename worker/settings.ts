/**
 * The brand's settings in D1 (the `settings` key/value table, migration 0002_core.sql) and the
 * postback automations (`postback_rules`, a tap's postback → an automated answer): the one
 * place that reads and writes them. Names, types, validation and defaults are in
 * schemas/settings.ts; `/api/settings` writes through `writeSettings`, and everything that
 * reads (the send pipeline and taps in each Profile object, `/api/brand`, the preview, the
 * settings page) goes through the one cache below.
 *
 * The cache: both change rarely (an admin's edit) and are the same for every customer, so an
 * isolate keeps one copy for SETTINGS_TTL_MS, shared by its Worker requests and its objects,
 * and reads both tables (in parallel) when it expires: a campaign's taps, each on another
 * customer's object, cost no D1 query. An edit reaches every isolate within SETTINGS_TTL_MS (and the reload);
 * `writeSettings` drops the copy of the isolate that saved at once. When the copy expires, the
 * first reader reloads it and the others keep using it until the new one is in (one D1 read per
 * isolate, not one per busy object). Stored values and rules are validated once per load, not per read.
 */
import * as v from 'valibot';
import { ContentSchema, type Content } from '../schemas/content';
import {
  clockMinutes,
  SETTING_DEFAULTS,
  SettingsSchema,
  splitKeywords,
  splitOrigins,
  type SettingKey,
  type Settings,
} from '../schemas/settings';

export const SETTINGS_TTL_MS = 10_000;

/** The D1 key of each setting (the console's `color` was stored as `brand_color` from the start). */
const STORAGE_KEY: Record<SettingKey, string> = {
  brand_name: 'brand_name',
  logo_url: 'logo_url',
  color: 'brand_color',
  help_text: 'help_text',
  help_text_en: 'help_text_en',
  opt_out_mention: 'opt_out_mention',
  currency: 'currency',
  frequency_cap_hours: 'frequency_cap_hours',
  quiet_hours_fr_end: 'quiet_hours_fr_end',
  quiet_hours_us_end: 'quiet_hours_us_end',
  rcs_stop_suggestion: 'rcs_stop_suggestion',
  send_rate_rcs: 'send_rate_rcs',
  send_rate_sms: 'send_rate_sms',
  brand_country: 'brand_country',
  program_name: 'program_name',
  messages_per_month: 'messages_per_month',
  signup_keywords: 'signup_keywords',
  signup_disclosure_fr: 'signup_disclosure_fr',
  signup_disclosure_en: 'signup_disclosure_en',
  signup_frame_origins: 'signup_frame_origins',
  attribution_click_hours: 'attribution_click_hours',
  attribution_read_hours: 'attribution_read_hours',
  attribution_delivery_hours: 'attribution_delivery_hours',
};
const KEYS = Object.keys(STORAGE_KEY) as SettingKey[];

/** D1 holds text: numbers and booleans are written as `24` and `true`. */
const encode = (value: Settings[SettingKey]): string => String(value);

function decode(key: SettingKey, raw: string): unknown {
  switch (typeof SETTING_DEFAULTS[key]) {
    case 'number':
      return /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

/**
 * Every setting, each stored value checked against its schema: a missing or invalid value
 * (written by hand in D1, or by an older version) falls back to its default, so sending never
 * stops over a setting. A missing table (migrations not applied yet) gives the defaults.
 */
async function loadSettings(env: Env): Promise<Settings> {
  let rows: { key: string; value: string }[] = [];
  try {
    rows = (await env.DB.prepare('SELECT key, value FROM settings').all<{ key: string; value: string }>()).results;
  } catch (err) {
    console.warn('settings unavailable, using defaults', err);
  }
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = { ...SETTING_DEFAULTS };
  for (const key of KEYS) {
    const raw = stored.get(STORAGE_KEY[key]);
    if (raw === undefined) continue;
    const parsed = v.safeParse(SettingsSchema.entries[key], decode(key, raw));
    if (parsed.success) out[key] = parsed.output;
    else console.warn(`setting ${STORAGE_KEY[key]} = ${JSON.stringify(raw)} is invalid (${parsed.issues[0].message}); using the default`);
  }
  return out as Settings;
}

export interface PostbackRule {
  content: Content;
  purpose: 'support' | 'transactional';
}

/** The rules whose content is valid (an invalid one is logged and skipped); none on error. */
async function loadRules(env: Env): Promise<Map<string, PostbackRule>> {
  const rules = new Map<string, PostbackRule>();
  let rows: { postback: string; reply: string; purpose: string }[] = [];
  try {
    rows = (await env.DB.prepare('SELECT postback, reply, purpose FROM postback_rules').all<(typeof rows)[number]>()).results;
  } catch (err) {
    console.error('postback rules unavailable', err);
  }
  for (const r of rows) {
    let json: unknown;
    try {
      json = JSON.parse(r.reply);
    } catch {
      console.error(`postback rule "${r.postback}" has invalid JSON`);
      continue;
    }
    const parsed = v.safeParse(ContentSchema, json);
    if (!parsed.success) {
      console.error(`postback rule "${r.postback}" has invalid content`);
      continue;
    }
    rules.set(r.postback, { content: parsed.output, purpose: r.purpose === 'transactional' ? 'transactional' : 'support' });
  }
  return rules;
}

interface Snapshot {
  settings: Settings;
  brand: BrandSettings;
  rules: ReadonlyMap<string, PostbackRule>;
}

/**
 * The isolate's copy: plain data only (a promise made in one request must not be awaited from
 * another's), stamped with the real time it was read.
 */
let shared: { at: number; snapshot: Snapshot } | null = null;
/** Bumped by each drop: a load that started before it must not become the copy. */
let generation = 0;
/**
 * The reload of an expired copy under way (when it started): other readers serve the expired
 * copy for up to REFRESH_LEASE_MS, then one of them reloads (the first reader's request may have ended).
 */
let refreshing: { at: number; generation: number } | null = null;
const REFRESH_LEASE_MS = 5000;

/** Drops the isolate's copy: the next read goes to D1 (after a save; tests that edit D1 by hand). */
export function forgetSettings(): void {
  shared = null;
  generation++;
}

/**
 * A reader of the isolate's copy. A Profile object keeps one, so its concurrent requests wait
 * for the same load when the copy has expired; elsewhere each read makes its own.
 */
export class SettingsReader {
  /** Real time by default (a Profile's business clock is frozen in tests); injectable for tests. */
  now: () => number = () => Date.now();
  /** This reader's load in progress, if any, and the copy's generation when it started. */
  private loading: { generation: number; snapshot: Promise<Snapshot> } | null = null;

  constructor(private readonly env: Env) {}

  forget(): void {
    forgetSettings();
  }

  private snapshot(): Promise<Snapshot> {
    const t = this.now();
    if (shared && t >= shared.at) {
      if (t - shared.at <= SETTINGS_TTL_MS) return Promise.resolve(shared.snapshot);
      // Expired: the first reader reloads it (and waits); the isolate's other readers keep the
      // copy meanwhile, so a thousand busy objects do not all read D1 at the same moment.
      if (refreshing && refreshing.generation === generation && t - refreshing.at >= 0 && t - refreshing.at < REFRESH_LEASE_MS) {
        return Promise.resolve(shared.snapshot);
      }
      refreshing = { at: t, generation };
    }
    if (this.loading?.generation === generation) return this.loading.snapshot;
    const started = generation;
    // Neither loader rejects (defaults and an empty rule set on error).
    const load = Promise.all([loadSettings(this.env), loadRules(this.env)]).then(([settings, rules]) => {
      // Frozen: every reader of the isolate gets these same objects.
      const snapshot = { settings: Object.freeze(settings), brand: Object.freeze(toBrandSettings(settings)), rules };
      // A load that began before the copy was dropped (a save) may hold the old values.
      if (generation === started) shared = { at: this.now(), snapshot };
      if (this.loading?.snapshot === load) this.loading = null;
      return snapshot;
    });
    this.loading = { generation: started, snapshot: load };
    return load;
  }

  async settings(): Promise<Settings> {
    return (await this.snapshot()).settings;
  }

  async brand(): Promise<BrandSettings> {
    return (await this.snapshot()).brand;
  }

  /** The automated answer to a postback, or null when no rule matches. */
  async postbackRule(postback: string): Promise<PostbackRule | null> {
    return (await this.snapshot()).rules.get(postback) ?? null;
  }
}

/** Every setting (the isolate's copy, see the file header); never rejects (defaults on error). */
export function readSettings(env: Env): Promise<Settings> {
  return new SettingsReader(env).settings();
}

/**
 * Stores the settings `patch` names (already validated against `SettingsPatchSchema`) in one
 * batch, and returns every setting as now stored.
 */
export async function writeSettings(env: Env, patch: Partial<Settings>): Promise<Settings> {
  const statements = KEYS.flatMap((key) => {
    const value = patch[key];
    if (value === undefined) return [];
    return [
      env.DB.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').bind(
        STORAGE_KEY[key],
        encode(value),
      ),
    ];
  });
  if (statements.length) await env.DB.batch(statements);
  // This isolate's objects and pages see the change at once; other isolates within SETTINGS_TTL_MS.
  forgetSettings();
  return readSettings(env);
}

/**
 * The send pipeline's view of the settings (the Profile objects read these names): the same
 * values, with the quiet-hours ends in minutes after midnight.
 */
export interface BrandSettings {
  brandName: string;
  optOutMention: string;
  helpText: string;
  /** The HELP answer for English readers; '' = `helpText` for everyone. */
  helpTextEn: string;
  currency: string;
  logoUrl: string;
  color: string;
  rcsStopSuggestion: boolean;
  frequencyCapHours: number;
  quietHoursFranceEnd: number;
  quietHoursUsEnd: number;
  /** ISO country of the brand (the signup page's default country). */
  brandCountry: string;
  /** The program a signup joins, named in the confirmation request. */
  programName: string;
  messagesPerMonth: number;
  /** Words that start the double opt-in by text (upper case). */
  signupKeywords: readonly string[];
  signupDisclosure: { fr: string; en: string };
  /** Sites allowed to frame the signup page (CSP `frame-ancestors`). */
  signupFrameOrigins: readonly string[];
}

export const toBrandSettings = (s: Settings): BrandSettings => ({
  brandName: s.brand_name,
  optOutMention: s.opt_out_mention,
  helpText: s.help_text,
  helpTextEn: s.help_text_en,
  currency: s.currency,
  logoUrl: s.logo_url,
  color: s.color,
  rcsStopSuggestion: s.rcs_stop_suggestion,
  frequencyCapHours: s.frequency_cap_hours,
  quietHoursFranceEnd: clockMinutes(s.quiet_hours_fr_end),
  quietHoursUsEnd: clockMinutes(s.quiet_hours_us_end),
  brandCountry: s.brand_country,
  programName: s.program_name,
  messagesPerMonth: s.messages_per_month,
  signupKeywords: splitKeywords(s.signup_keywords),
  signupDisclosure: { fr: s.signup_disclosure_fr, en: s.signup_disclosure_en },
  signupFrameOrigins: splitOrigins(s.signup_frame_origins).map((o) => o.replace(/\/$/, '')),
});

/** `readSettings` in the send pipeline's names; never rejects (defaults on error). */
export function getBrandSettings(env: Env): Promise<BrandSettings> {
  return new SettingsReader(env).brand();
}
