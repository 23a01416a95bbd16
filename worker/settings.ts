/**
 * Brand settings (D1 `settings` key/value table, migration 0002_core.sql). Every value has a
 * default so a fresh deployment works before anyone opens the settings page.
 */

export interface BrandSettings {
  brandName: string;
  /** Appended to the SMS fallback of marketing messages when missing (compliance.md). */
  optOutMention: string;
  /** What the HELP answer says about the program. */
  helpText: string;
  logoUrl: string;
  color: string;
  /** Offer a "Stop" reply chip under RCS marketing messages. */
  rcsStopSuggestion: boolean;
  /** Marketing frequency cap window in hours (0 disables it). */
  frequencyCapHours: number;
  /** End of the French weekday window, minutes after midnight (20:00 by default). */
  quietHoursFranceEnd: number;
  /** End of the US window, minutes after midnight (21:00; some states want 20:00). */
  quietHoursUsEnd: number;
}

export const DEFAULT_BRAND: BrandSettings = {
  brandName: 'Maison Lumière',
  optOutMention: 'STOP au 36111',
  helpText:
    'Maison Lumière : offres et suivi de commande par message. Aide : contact@maison-lumiere.example. Répondez STOP pour ne plus recevoir nos messages.',
  logoUrl: '/logo.svg',
  color: '#7a4b2a',
  rcsStopSuggestion: true,
  frequencyCapHours: 24,
  quietHoursFranceEnd: 20 * 60,
  quietHoursUsEnd: 21 * 60,
};

const num = (raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

const hhmm = (raw: string | undefined, fallback: number): number => {
  const m = raw ? /^(\d{1,2}):(\d{2})$/.exec(raw) : null;
  if (!m) return fallback;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 0 && minutes <= 24 * 60 ? minutes : fallback;
};

/** Reads the brand settings; missing keys (or a missing table) fall back to the defaults. */
export async function getBrandSettings(env: Env): Promise<BrandSettings> {
  let rows: { key: string; value: string }[] = [];
  try {
    rows = (await env.DB.prepare('SELECT key, value FROM settings').all<{ key: string; value: string }>()).results;
  } catch (err) {
    // A deployment whose migrations have not run yet still sends with the defaults.
    console.warn('settings unavailable, using defaults', err);
  }
  const s = new Map(rows.map((r) => [r.key, r.value]));
  return {
    brandName: s.get('brand_name') || DEFAULT_BRAND.brandName,
    optOutMention: s.get('opt_out_mention') || DEFAULT_BRAND.optOutMention,
    helpText: s.get('help_text') || DEFAULT_BRAND.helpText,
    logoUrl: s.get('logo_url') || DEFAULT_BRAND.logoUrl,
    color: s.get('brand_color') || DEFAULT_BRAND.color,
    rcsStopSuggestion: s.has('rcs_stop_suggestion') ? s.get('rcs_stop_suggestion') !== 'false' : DEFAULT_BRAND.rcsStopSuggestion,
    frequencyCapHours: num(s.get('frequency_cap_hours'), DEFAULT_BRAND.frequencyCapHours),
    quietHoursFranceEnd: hhmm(s.get('quiet_hours_fr_end'), DEFAULT_BRAND.quietHoursFranceEnd),
    quietHoursUsEnd: hhmm(s.get('quiet_hours_us_end'), DEFAULT_BRAND.quietHoursUsEnd),
  };
}
