/**
 * The brand's settings in D1 (the `settings` key/value table, migration 0002_core.sql): the one
 * place that reads and writes them. Names, types, validation and defaults are in
 * schemas/settings.ts; `/api/settings` writes through `writeSettings`, and everything that
 * reads (the send pipeline in each Profile object, `/api/brand`, the settings page) goes
 * through `readSettings`, so a cache belongs inside it. Today each Profile object keeps what it
 * read for a few seconds (worker/profile/), and the other readers are rare admin pages.
 */
import * as v from 'valibot';
import { clockMinutes, SETTING_DEFAULTS, SettingsSchema, type SettingKey, type Settings } from '../schemas/settings';

/** The D1 key of each setting (the console's `color` was stored as `brand_color` from the start). */
const STORAGE_KEY: Record<SettingKey, string> = {
  brand_name: 'brand_name',
  logo_url: 'logo_url',
  color: 'brand_color',
  help_text: 'help_text',
  opt_out_mention: 'opt_out_mention',
  frequency_cap_hours: 'frequency_cap_hours',
  quiet_hours_fr_end: 'quiet_hours_fr_end',
  quiet_hours_us_end: 'quiet_hours_us_end',
  rcs_stop_suggestion: 'rcs_stop_suggestion',
};
const KEYS = Object.keys(STORAGE_KEY) as SettingKey[];

/** D1 holds text: numbers and booleans are written as `24` and `true`. */
const encode = (value: Settings[SettingKey]): string => String(value);

function decode(key: SettingKey, raw: string): unknown {
  switch (typeof SETTING_DEFAULTS[key]) {
    case 'number':
      return /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
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
export async function readSettings(env: Env): Promise<Settings> {
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
  logoUrl: string;
  color: string;
  rcsStopSuggestion: boolean;
  frequencyCapHours: number;
  quietHoursFranceEnd: number;
  quietHoursUsEnd: number;
}

export const toBrandSettings = (s: Settings): BrandSettings => ({
  brandName: s.brand_name,
  optOutMention: s.opt_out_mention,
  helpText: s.help_text,
  logoUrl: s.logo_url,
  color: s.color,
  rcsStopSuggestion: s.rcs_stop_suggestion,
  frequencyCapHours: s.frequency_cap_hours,
  quietHoursFranceEnd: clockMinutes(s.quiet_hours_fr_end),
  quietHoursUsEnd: clockMinutes(s.quiet_hours_us_end),
});

/** `readSettings` in the send pipeline's names; never rejects (defaults on error). */
export async function getBrandSettings(env: Env): Promise<BrandSettings> {
  return toBrandSettings(await readSettings(env));
}
