/**
 * Quiet hours for marketing sends (compliance.md): computed in the customer's local time
 * (profile timezone, else the phone's country, its eastern-most zone). France: Monday to
 * Saturday 08:00–20:00, never Sundays or public holidays. US: 08:00–21:00 (20:00 as a
 * setting). Elsewhere: 08:00–21:00 every day. Time zone math uses the runtime's Intl data.
 */
import { phoneCountry } from '../../schemas/phone';

export interface QuietRules {
  zone: string;
  /** Window start and end, minutes after local midnight; sending allowed in [start, end). */
  start: number;
  end: number;
  noSundays: boolean;
  /** Local dates ("YYYY-MM-DD") when nothing is sent. */
  holiday: (y: number, m: number, d: number) => boolean;
}

/** Eastern-most zone of countries we expect (Klaviyo's rule for multi-zone countries). */
const COUNTRY_ZONE: Record<string, string> = {
  FR: 'Europe/Paris',
  US: 'America/New_York',
  CA: 'America/St_Johns',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  LU: 'Europe/Luxembourg',
  MC: 'Europe/Monaco',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  PT: 'Europe/Lisbon',
  BR: 'America/Noronha',
  MX: 'America/Cancun',
  AU: 'Australia/Sydney',
  RE: 'Indian/Reunion',
  GP: 'America/Guadeloupe',
  MQ: 'America/Martinique',
};

/** Easter Sunday (anonymous Gregorian algorithm), as [month, day]. */
function easter(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** French public holidays (compliance.md list). */
export function isFrenchHoliday(y: number, m: number, d: number): boolean {
  const fixed = ['1-1', '5-1', '5-8', '7-14', '8-15', '11-1', '11-11', '12-25'];
  if (fixed.includes(`${m}-${d}`)) return true;
  const [em, ed] = easter(y);
  const easterUtc = Date.UTC(y, em - 1, ed);
  const dayUtc = Date.UTC(y, m - 1, d);
  const offset = Math.round((dayUtc - easterUtc) / 86_400_000);
  // Easter Monday, Ascension Day, Whit Monday.
  return offset === 1 || offset === 39 || offset === 50;
}

export function quietRules(phone: string, timezone: string | null, opts: { franceEnd?: number; usEnd?: number } = {}): QuietRules {
  const country = phoneCountry(phone);
  const zone = timezone || (country ? COUNTRY_ZONE[country] : undefined) || 'UTC';
  if (country === 'FR') return { zone, start: 8 * 60, end: opts.franceEnd ?? 20 * 60, noSundays: true, holiday: isFrenchHoliday };
  if (country === 'US') return { zone, start: 8 * 60, end: opts.usEnd ?? 21 * 60, noSundays: false, holiday: () => false };
  return { zone, start: 8 * 60, end: 21 * 60, noSundays: false, holiday: () => false };
}

interface LocalParts {
  y: number;
  m: number;
  d: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(ms: number, zone: string): LocalParts {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year ?? 1970, m: parts.month ?? 1, d: parts.day ?? 1, minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) };
}

/** The UTC instant of a local wall-clock time in `zone`. */
function zonedToUtc(y: number, m: number, d: number, minutes: number, zone: string): number {
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const offsetAt = (ms: number) => {
    const p = localParts(ms, zone);
    return Date.UTC(p.y, p.m - 1, p.d, 0, p.minutes) - Math.floor(ms / 60_000) * 60_000;
  };
  let guess = wall - offsetAt(wall);
  const second = offsetAt(guess);
  guess = wall - second;
  return guess;
}

const dayAllowed = (rules: QuietRules, y: number, m: number, d: number) => {
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return !(rules.noSundays && dow === 0) && !rules.holiday(y, m, d);
};

/** `at` when sending is allowed then, else the next allowed moment (start of a window). */
export function nextAllowedMoment(at: number, rules: QuietRules): number {
  const now = localParts(at, rules.zone);
  if (dayAllowed(rules, now.y, now.m, now.d) && now.minutes >= rules.start && now.minutes < rules.end) return at;
  for (let i = 0; i < 31; i++) {
    const day = new Date(Date.UTC(now.y, now.m - 1, now.d + i));
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    if (!dayAllowed(rules, y, m, d)) continue;
    if (i === 0 && now.minutes >= rules.start) continue; // today's window is over
    return zonedToUtc(y, m, d, rules.start, rules.zone);
  }
  // Unreachable with the shipped rules (never a month without an allowed day).
  return at + 86_400_000;
}
