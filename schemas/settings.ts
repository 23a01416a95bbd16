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
/** Highest send rate a channel may be paced to (messages per second); short codes reach ~100/s. */
export const SEND_RATE_MAX = 1000;

/**
 * A channel's campaign send rate in messages per second, 0 for no pacing (the carrier queues).
 * Tenths allowed: some RCS accounts start at 1/s, and 0.5/s is a real ceiling too.
 */
const sendRate = v.pipe(
  v.number('must be a number of messages per second'),
  v.minValue(0, 'must be 0 (no pacing) or more'),
  v.maxValue(SEND_RATE_MAX, `must be at most ${SEND_RATE_MAX} messages per second`),
  v.check((n) => Math.round(n * 10) / 10 === n, 'must have at most one decimal'),
);
/** Most marketing messages a month the signup may announce (the confirmation request states it). */
export const MESSAGES_PER_MONTH_MAX = 60;
/** Longest attribution window: 30 days. */
export const ATTRIBUTION_MAX_HOURS = 720;

const attributionHours = () =>
  v.pipe(
    v.number('must be a number of hours'),
    v.integer('must be a whole number of hours'),
    v.minValue(0, 'must be 0 (off) or more'),
    v.maxValue(ATTRIBUTION_MAX_HOURS, `must be at most ${ATTRIBUTION_MAX_HOURS} hours (30 days)`),
  );

/** Longest text each text setting takes (the form's `maxlength` too). */
export const SETTING_TEXT_MAX = {
  brand_name: 100,
  logo_url: 2000,
  help_text: 320,
  help_text_en: 320,
  opt_out_mention: 60,
  brand_country: 2,
  program_name: 60,
  signup_keywords: 100,
  signup_disclosure_fr: 1000,
  signup_disclosure_en: 1000,
  signup_frame_origins: 1000,
} as const;
/** Most sites that may frame the signup page. */
export const FRAME_ORIGINS_MAX = 10;

/** Words a customer texts to start the double opt-in ("JOIN, INSCRIPTION"): 1 to 5, letters and digits. */
export const splitKeywords = (raw: string): string[] =>
  raw
    .split(/[,\s]+/)
    .map((w) => w.trim().toUpperCase())
    .filter(Boolean);

/** The origins allowed to frame the signup page, as written (space or comma separated). */
export const splitOrigins = (raw: string): string[] => raw.split(/[,\s]+/).filter(Boolean);

/**
 * A site that may frame the signup page: an https origin (scheme, host, optional port, nothing
 * else); plain http only for a local shop (localhost, 127.0.0.1) while developing.
 */
export function isFrameOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const u = new URL(origin);
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return false;
  // Exactly an origin: no path, query, fragment or credentials (CSP source expressions).
  return u.origin === origin.replace(/\/$/, '') && !u.username && !u.password;
}

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
  // Sending
  /** Campaign fan-out pace on RCS (messages per second, 0 = no pacing). */
  send_rate_rcs: sendRate,
  /** Campaign fan-out pace on SMS (toll-free numbers take 3 to 10 per second, short codes ~100). */
  send_rate_sms: sendRate,
  // Signup (double opt-in)
  /** Where the brand is: the signup page's default country for a number typed without +. */
  brand_country: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.toUpperCase(),
    v.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR'),
  ),
  /** The program the confirmation request names ("Club Lumière"). */
  program_name: text(SETTING_TEXT_MAX.program_name),
  /** The frequency the confirmation request and the signup page state ("up to 4 msgs/month"). */
  messages_per_month: v.pipe(
    v.number('must be a number of messages'),
    v.integer('must be a whole number of messages'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(MESSAGES_PER_MONTH_MAX, `must be at most ${MESSAGES_PER_MONTH_MAX}`),
  ),
  /** Words a customer texts to start the double opt-in, comma separated. */
  signup_keywords: v.pipe(
    text(SETTING_TEXT_MAX.signup_keywords),
    v.check((raw) => {
      const words = splitKeywords(raw);
      return words.length >= 1 && words.length <= 5 && words.every((w) => /^[\p{L}\p{N}]{2,20}$/u.test(w));
    }, 'must be 1 to 5 words of letters and digits, comma separated, such as JOIN, INSCRIPTION'),
  ),
  /** The legal text under the signup form, in French. */
  signup_disclosure_fr: text(SETTING_TEXT_MAX.signup_disclosure_fr),
  /** The legal text under the signup form, in English. */
  signup_disclosure_en: text(SETTING_TEXT_MAX.signup_disclosure_en),
  /** The brand's own sites that may show the signup page in a frame (empty: none but this one). */
  signup_frame_origins: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.maxLength(SETTING_TEXT_MAX.signup_frame_origins, `must be at most ${SETTING_TEXT_MAX.signup_frame_origins} characters`),
    v.check((raw) => splitOrigins(raw).length <= FRAME_ORIGINS_MAX, `must list at most ${FRAME_ORIGINS_MAX} sites`),
    v.check(
      (raw) => splitOrigins(raw).every(isFrameOrigin),
      'must be https origins such as https://shop.example (no path), separated by spaces',
    ),
  ),
  // Attribution (docs/api.md, "Results"): last-touch windows in hours; 0 turns a rule off.
  /** An order goes to the last message clicked or tapped within this many hours... */
  attribution_click_hours: attributionHours(),
  /** ...else the last RCS message read within this many hours... */
  attribution_read_hours: attributionHours(),
  /** ...else the last message delivered within this many hours. */
  attribution_delivery_hours: attributionHours(),
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
  send_rate_rcs: 0,
  send_rate_sms: 0,
  brand_country: 'FR',
  program_name: 'Club Lumière',
  messages_per_month: 4,
  signup_keywords: 'JOIN, INSCRIPTION',
  signup_disclosure_fr:
    "En validant, vous acceptez de recevoir par SMS ou RCS les offres de Maison Lumière au numéro indiqué. Ce consentement n'est pas une condition d'achat. Nous vous enverrons un message de confirmation : votre inscription ne prend effet que si vous répondez OUI. Désinscription à tout moment en répondant STOP. Maison Lumière traite votre numéro pour vous envoyer ces messages ; vous pouvez demander l'accès à vos données ou leur effacement à contact@maison-lumiere.example.",
  signup_disclosure_en:
    'By submitting, you agree to receive marketing text messages (SMS or RCS) from Maison Lumière at the number provided. Consent is not a condition of purchase. We will text you to confirm: you are signed up only when you reply YES. Msg & data rates may apply. Reply HELP for help, STOP to cancel at any time. Maison Lumière uses your number only to send these messages; ask for access or deletion at contact@maison-lumiere.example.',
  signup_frame_origins: '',
  // Klaviyo's defaults: 5 days after a click, 1 day after an RCS read, 12 hours after delivery.
  attribution_click_hours: 120,
  attribution_read_hours: 24,
  attribution_delivery_hours: 12,
  help_text_en:
    'Maison Lumière: offers and order updates by message. Help: contact@maison-lumiere.example. Reply STOP to stop receiving our messages.',
  currency: 'EUR',
};

/** How the settings page groups them, in order. */
export const SETTING_GROUPS = {
  brand: ['brand_name', 'logo_url', 'color', 'help_text', 'opt_out_mention'],
  compliance: ['frequency_cap_hours', 'quiet_hours_fr_end', 'quiet_hours_us_end', 'rcs_stop_suggestion'],
  sending: ['send_rate_rcs', 'send_rate_sms'],
  signup: [
    'brand_country',
    'program_name',
    'messages_per_month',
    'signup_keywords',
    'signup_disclosure_fr',
    'signup_disclosure_en',
    'signup_frame_origins',
  ],
  attribution: ['attribution_click_hours', 'attribution_read_hours', 'attribution_delivery_hours'],
  display: ['currency', 'help_text_en'],
} as const satisfies Record<string, readonly SettingKey[]>;

/** `GET /api/brand`: what a customer's phone shows of the brand (every signed-in role reads it). */
export const BrandViewSchema = v.object({ name: v.string(), logo_url: v.string(), color: v.string(), currency: v.string() });
export type BrandView = v.InferOutput<typeof BrandViewSchema>;
