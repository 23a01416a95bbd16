/**
 * Quiet hours for marketing sends (docs/compliance.md, "Quiet hours"): computed in the customer's
 * local time, France with its Sunday and public-holiday ban, the US with TCPA's 08:00–21:00.
 * Answers "may this go now, and if not, exactly when": a held send is released by the
 * profile's alarm at the returned instant, so it must be DST-correct and never early.
 * Time zones are handled with Intl.DateTimeFormat (full ICU in workerd): no library needed.
 */
import { phoneCountry } from '../../schemas/phone';

export interface QuietHoursRule {
  /** Local window start, "HH:MM" (inclusive). */
  start: string /* "08:00" */;
  /** Local window end, "HH:MM" (exclusive; "24:00" for midnight). */
  end: string /* "20:00" */;
  /** Days sending is allowed, 0 = Sunday … 6 = Saturday. */
  days: number[] /* 0=Sun..6 */;
  /** Public holidays on which nothing is sent. */
  holidays?: 'FR' | null;
}

export type QuietHoursRules = { byCountry: Record<string, QuietHoursRule>; default: QuietHoursRule };

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/**
 * US states stricter than TCPA (FL, CT, MD, OK, WA end at 20:00 per Postscript) are served by
 * this rule: `{ byCountry: { ...DEFAULT_QUIET_HOURS.byCountry, US: US_QUIET_HOURS_STRICT } }`.
 */
export const US_QUIET_HOURS_STRICT: QuietHoursRule = { start: '08:00', end: '20:00', days: EVERY_DAY, holidays: null };

export const DEFAULT_QUIET_HOURS: QuietHoursRules = {
  byCountry: {
    // Mon–Sat 08:00–20:00, never Sundays nor public holidays (20:00 is the safe end).
    FR: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6], holidays: 'FR' },
    // TCPA 47 CFR 64.1200(c)(1); see US_QUIET_HOURS_STRICT for the 20:00 option.
    US: { start: '08:00', end: '21:00', days: EVERY_DAY, holidays: null },
  },
  default: { start: '08:00', end: '21:00', days: EVERY_DAY, holidays: null },
};

/**
 * The zone used for a country with several. The rule is the eastern-most zone (as
 * Klaviyo does), taken among the zones where people live, not outlying islands. Two
 * documented departures: Canada is America/St_Johns (Newfoundland, 30 min east of Halifax:
 * the literal eastern-most); Russia is Europe/Moscow, because its eastern-most zone
 * (Kamchatka, UTC+12) would put an 08:00 send at 23:00 in Moscow, where most customers are.
 * Countries not listed use the zone ICU knows for them (eastern-most when several).
 */
export const COUNTRY_ZONES: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/St_Johns',
  MX: 'America/Cancun',
  BR: 'America/Sao_Paulo', // Fernando de Noronha (UTC-2) left out: a few thousand people.
  AU: 'Australia/Sydney', // Lord Howe Island left out.
  NZ: 'Pacific/Auckland', // Chatham Islands left out.
  RU: 'Europe/Moscow',
  ID: 'Asia/Jayapura',
  KZ: 'Asia/Almaty',
  CL: 'America/Santiago',
  AR: 'America/Argentina/Buenos_Aires',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  CD: 'Africa/Lubumbashi',
  MN: 'Asia/Ulaanbaatar',
  // Single-zone markets this product serves first, so they never depend on ICU region data.
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  LU: 'Europe/Luxembourg',
  MC: 'Europe/Monaco',
};

/** Answers so far (building a formatter to find out costs more than the rest of a send's checks). */
const zoneValidity = new Map<string, boolean>();

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    valid = false;
  }
  // Bounded: a zone is a customer's field, so any string may come through here.
  if (zoneValidity.size >= 2000) zoneValidity.clear();
  zoneValidity.set(zone, valid);
  return valid;
}

/** UTC offset of `zone` at `instant`, in milliseconds (local − UTC). */
function offsetMs(instant: number, zone: string): number {
  const p = localParts(instant, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The zones ICU lists for a region (V8's Intl.Locale#timeZones), or []. */
function icuZones(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The customer's time zone: the profile's own when it is a valid IANA zone, else the zone of
 * the phone number's country (eastern-most for multi-zone countries), else UTC.
 */
export function zoneForPhone(phone: string, timezone?: string | null, zones: Record<string, string> = COUNTRY_ZONES): string {
  if (timezone && isValidTimeZone(timezone)) return timezone;
  const country = phoneCountry(phone);
  if (!country) return 'UTC';
  const listed = zones[country];
  if (listed && isValidTimeZone(listed)) return listed;
  const candidates = icuZones(country).filter(isValidTimeZone);
  if (candidates.length === 0) return 'UTC';
  // Eastern-most by standard time (the smaller of January's and July's offsets, so DST does
  // not reorder zones); ties go to the alphabetically first name, for a stable answer.
  const standard = (zone: string) => Math.min(offsetMs(Date.UTC(2025, 0, 15), zone), offsetMs(Date.UTC(2025, 6, 15), zone));
  return candidates
    .map((zone) => ({ zone, offset: standard(zone) }))
    .sort((a, b) => b.offset - a.offset || a.zone.localeCompare(b.zone))[0]!.zone;
}

// ---------------------------------------------------------------------------------------
// Calendar

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday (month, day) by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
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
  return { month, day };
}

/**
 * French public holidays (jours fériés, Code du travail L3133-1) as YYYY-MM-DD, sorted. Good
 * Friday and 26 December, observed only in Alsace-Moselle, are not included.
 */
export function frenchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const easterPlus = (days: number) => {
    const t = new Date(Date.UTC(year, easter.month - 1, easter.day + days));
    return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  };
  return [
    isoDate(year, 1, 1),
    easterPlus(1), // Easter Monday
    isoDate(year, 5, 1),
    isoDate(year, 5, 8),
    easterPlus(39), // Ascension
    easterPlus(50), // Whit Monday
    isoDate(year, 7, 14),
    isoDate(year, 8, 15),
    isoDate(year, 11, 1),
    isoDate(year, 11, 11),
    isoDate(year, 12, 25),
  ].sort();
}

// ---------------------------------------------------------------------------------------
// Local time

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of `instant` in `zone`. */
function localParts(instant: number, zone: string): LocalParts {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const out: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/**
 * The instant at which the wall clock in `zone` reads `minutes` past midnight on the given
 * day. On a fall-back day the first such instant; when the time does not exist (spring
 * forward), the first instant after it, i.e. the transition itself.
 */
export function zonedInstant(year: number, month: number, day: number, minutes: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const day0 = 24 * 3600 * 1000;
  const before = offsetMs(wall - day0, zone);
  const after = offsetMs(wall + day0, zone);
  const matches = [wall - before, wall - after].filter((t) => {
    const p = localParts(t, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  if (matches.length) return Math.min(...matches);
  // In a gap the clock jumps past the wanted time: the answer is the jump itself, the first
  // instant whose wall time is later. It lies between the two candidates; offsets change on
  // whole minutes, so a binary search over minutes finds it exactly.
  const wallOf = (t: number) => {
    const p = localParts(t, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  };
  const minute = 60 * 1000;
  let lo = Math.floor((wall - Math.max(before, after)) / minute); // wall time still before
  let hi = Math.ceil((wall - Math.min(before, after)) / minute); // wall time already after
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid * minute) >= wall) hi = mid;
    else lo = mid;
  }
  return hi * minute;
}

function parseClock(value: string, what: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`quiet hours ${what} must be "HH:MM", got "${value}"`);
  return minutes;
}

/**
 * When a marketing message to `phone` may be sent: null when `now` is inside the allowed
 * window, else the exact instant the next window opens (its local start on the next allowed
 * day). The country's rule applies in the customer's zone (profile time zone first).
 */
export function nextAllowedSendTime(
  now: Date,
  phone: string,
  timezone?: string | null,
  rules: QuietHoursRules = DEFAULT_QUIET_HOURS,
): Date | null {
  const country = phoneCountry(phone);
  const rule = (country && rules.byCountry[country]) || rules.default;
  const zone = zoneForPhone(phone, timezone);
  const start = parseClock(rule.start, 'start');
  const end = parseClock(rule.end, 'end');
  if (start >= end) throw new RangeError('quiet hours start must be before end');
  if (!rule.days.some((d) => d >= 0 && d <= 6)) throw new RangeError('quiet hours allow no day of the week');

  const holidayCache = new Map<number, Set<string>>();
  const isHoliday = (y: number, m: number, d: number) => {
    if (rule.holidays !== 'FR') return false;
    let set = holidayCache.get(y);
    if (!set) {
      set = new Set(frenchPublicHolidays(y));
      holidayCache.set(y, set);
    }
    return set.has(isoDate(y, m, d));
  };
  const allowedDay = (y: number, m: number, d: number) =>
    rule.days.includes(new Date(Date.UTC(y, m - 1, d)).getUTCDay()) && !isHoliday(y, m, d);

  const t = now.getTime();
  const local = localParts(t, zone);
  const seconds = local.hour * 3600 + local.minute * 60 + local.second;
  if (allowedDay(local.year, local.month, local.day) && seconds >= start * 60 && seconds < end * 60) return null;

  // Today (if the window is still ahead) or the following days; 14 days covers any week
  // pattern plus a run of holidays.
  for (let offset = 0; offset <= 14; offset++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!allowedDay(y, m, d)) continue;
    const opens = zonedInstant(y, m, d, start, zone);
    if (opens > t) return new Date(opens);
  }
  throw new RangeError('quiet hours leave no allowed moment in the next two weeks');
}
