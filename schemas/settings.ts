/**
 * Every setting a brand can change, in one place: its name, type, validation, default and
 * group. `GET /api/settings` answers all of them (`Settings`), `PUT /api/settings` takes any
 * subset (`SettingsPatchSchema`, 400 naming the bad setting), the console's settings page shows
 * them grouped, and the Worker reads and stores them through worker/settings.ts. What each one
 * does to sending is in docs/compliance.md ("Settings a brand can change").
 */
import * as v from 'valibot';
import { HexColorSchema } from './labels';

/** Minutes after midnight of an "HH:MM" (or "24:00") time. */
export const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Latest allowed end of the US window: TCPA allows 08:00 to 21:00 local time. */
export const US_LATEST_END = '21:00';
/** Latest allowed end of the French window: the most permissive codes of practice say 22:00. */
export const FR_LATEST_END = '22:00';
/** Sending windows open at 08:00; an end before 09:00 would leave almost no window. */
export const EARLIEST_END = '09:00';

/** The end of a quiet-hours window: "HH:MM", from 09:00 to `latest` (one message per mistake). */
const windowEnd = (latest: string) =>
  v.config(
    v.pipe(
      v.string('must be a time like 20:00'),
      v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 20:00'),
      v.check(
        (t) => clockMinutes(t) >= clockMinutes(EARLIEST_END) && clockMinutes(t) <= clockMinutes(latest),
        `must be between ${EARLIEST_END} and ${latest}`,
      ),
    ),
    { abortPipeEarly: true },
  );

const text = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

export const FREQUENCY_CAP_MAX_HOURS = 168;
/** Longest text each text setting takes (the form's `maxlength` too). */
export const SETTING_TEXT_MAX = { brand_name: 100, logo_url: 2000, help_text: 320, help_text_en: 320, opt_out_mention: 60 } as const;

/** The currencies a brand can show amounts in (ISO 4217); the console and the demo cards format with it. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'JPY', 'BRL', 'MXN'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const SettingsSchema = v.strictObject({
  // Brand
  /** Named in confirmations, HELP answers and the RCS brand header of the simulator. */
  brand_name: text(SETTING_TEXT_MAX.brand_name),
  /** An https URL, or a path the console serves (/logo.svg). */
  logo_url: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.maxLength(SETTING_TEXT_MAX.logo_url, `must be at most ${SETTING_TEXT_MAX.logo_url} characters`),
    v.check(
      (u) => /^\/[^/\\]/.test(u) || (URL.canParse(u) && u.startsWith('https://')),
      'must be an https URL or a path such as /logo.svg',
    ),
  ),
  /** The brand colour (RCS brand header). Stored as `brand_color`. */
  color: HexColorSchema,
  /** The answer to HELP / AIDE (the brand name and how to stop are added when missing). */
  help_text: text(SETTING_TEXT_MAX.help_text),
  /** Appended to marketing SMS that do not already say how to stop. */
  opt_out_mention: text(SETTING_TEXT_MAX.opt_out_mention),
  // Compliance
  /** Marketing frequency cap window in hours; 0 turns the cap off. */
  frequency_cap_hours: v.pipe(
    v.number('must be a number of hours'),
    v.integer('must be a whole number of hours'),
    v.minValue(0, 'must be 0 (off) or more'),
    v.maxValue(FREQUENCY_CAP_MAX_HOURS, `must be at most ${FREQUENCY_CAP_MAX_HOURS} hours`),
  ),
  /** End of the French marketing window (Monday to Saturday from 08:00). */
  quiet_hours_fr_end: windowEnd(FR_LATEST_END),
  /** End of the US marketing window (every day from 08:00); 20:00 for the stricter states. */
  quiet_hours_us_end: windowEnd(US_LATEST_END),
  /** Offer a "Stop" reply chip under RCS marketing messages. */
  rcs_stop_suggestion: v.boolean('must be true or false'),
  // Languages and amounts
  /**
   * The answer to HELP for a customer who reads English (the profile's language, else the
   * number's country); empty: `help_text` for everyone.
   */
  help_text_en: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.maxLength(SETTING_TEXT_MAX.help_text_en, `must be at most ${SETTING_TEXT_MAX.help_text_en} characters`),
  ),
  /** The currency of amounts (order values, basket sizes) in the console and the demo cards. */
  currency: v.picklist(CURRENCIES, `must be one of ${CURRENCIES.join(', ')}`),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/** `PUT /api/settings`: any subset; unknown settings are refused. */
export const SettingsPatchSchema = v.partial(SettingsSchema);
export type SettingsPatch = v.InferInput<typeof SettingsPatchSchema>;

/** What a fresh deployment uses until an admin changes it (the demo brand). */
export const SETTING_DEFAULTS: Settings = {
  brand_name: 'Maison Lumière',
  logo_url: '/logo.svg',
  color: '#7a4b2a',
  help_text:
    'Maison Lumière : offres et suivi de commande par message. Aide : contact@maison-lumiere.example. Répondez STOP pour ne plus recevoir nos messages.',
  opt_out_mention: 'STOP au 36111',
  frequency_cap_hours: 24,
  quiet_hours_fr_end: '20:00',
  quiet_hours_us_end: '21:00',
  rcs_stop_suggestion: true,
  help_text_en:
    'Maison Lumière: offers and order updates by message. Help: contact@maison-lumiere.example. Reply STOP to stop receiving our messages.',
  currency: 'EUR',
};

/** How the settings page groups them, in order. */
export const SETTING_GROUPS = {
  brand: ['brand_name', 'logo_url', 'color', 'help_text', 'opt_out_mention'],
  compliance: ['frequency_cap_hours', 'quiet_hours_fr_end', 'quiet_hours_us_end', 'rcs_stop_suggestion'],
  display: ['currency', 'help_text_en'],
} as const satisfies Record<string, readonly SettingKey[]>;

/** `GET /api/brand`: what a customer's phone shows of the brand (every signed-in role reads it). */
export const BrandViewSchema = v.object({ name: v.string(), logo_url: v.string(), color: v.string(), currency: v.string() });
export type BrandView = v.InferOutput<typeof BrandViewSchema>;
