// Quiet hours (worker/compliance/quiet-hours.ts): France Mon–Sat 08:00–20:00 without Sundays
// and public holidays, US 08:00–21:00, held sends released at the exact next local window
// start across DST changes, and the customer's zone from profile or phone country.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  easterSunday,
  frenchPublicHolidays,
  nextAllowedSendTime,
  US_QUIET_HOURS_STRICT,
  zonedInstant,
  zoneForPhone,
} from '../worker/compliance/quiet-hours';

const FR = '+33612345678';
const US = '+12015550123'; // New Jersey
const CA = '+15062345678';
const GB = '+447400123456';
const JP = '+81312345678';

const at = (iso: string) => new Date(iso);
const next = (iso: string, phone: string, timezone?: string | null) => nextAllowedSendTime(at(iso), phone, timezone)?.toISOString() ?? null;

describe('nextAllowedSendTime in France', () => {
  it('holds a Sunday send in Paris until Monday 08:00 Paris', () => {
    expect(next('2026-03-08T09:00:00Z', FR)).toBe('2026-03-09T07:00:00.000Z'); // Sun 10:00 CET → Mon 08:00 CET
  });
  it('holds Saturday 07:59 until 08:00 the same morning', () => {
    expect(next('2026-03-07T06:59:00Z', FR)).toBe('2026-03-07T07:00:00.000Z');
  });
  it('allows 08:00 sharp', () => {
    expect(next('2026-03-07T07:00:00Z', FR)).toBeNull();
  });
  it('allows 19:59:59 and holds 20:00 until 08:00 the next day', () => {
    expect(next('2026-03-10T18:59:59Z', FR)).toBeNull();
    expect(next('2026-03-10T19:00:00Z', FR)).toBe('2026-03-11T07:00:00.000Z'); // Tue 20:00 → Wed 08:00
  });
  it('holds a send on 14 July until the 15th at 08:00', () => {
    expect(next('2026-07-14T08:00:00Z', FR)).toBe('2026-07-15T06:00:00.000Z'); // CEST
  });
  it('holds a send on Easter Monday until Tuesday 08:00', () => {
    expect(next('2026-04-06T10:00:00Z', FR)).toBe('2026-04-07T06:00:00.000Z');
  });
  it('skips Sunday 25 December after Christmas Eve on a Saturday at 20:00', () => {
    expect(next('2022-12-24T19:00:00Z', FR)).toBe('2022-12-26T07:00:00.000Z');
  });
  it('skips Sunday 24 and Monday 25 December when Christmas is a Monday', () => {
    expect(next('2023-12-23T19:30:00Z', FR)).toBe('2023-12-26T07:00:00.000Z');
  });
  it('releases at 08:00 summer time after the spring-forward Sunday', () => {
    // Sat 28 Mar 2026 20:00 CET; clocks go forward on Sunday 29; Monday 08:00 CEST = 06:00Z.
    expect(next('2026-03-28T19:00:00Z', FR)).toBe('2026-03-30T06:00:00.000Z');
  });
  it('releases at 08:00 winter time after the fall-back Sunday', () => {
    // Sat 24 Oct 2026 20:00 CEST; clocks go back on Sunday 25; Monday 08:00 CET = 07:00Z.
    expect(next('2026-10-24T18:00:00Z', FR)).toBe('2026-10-26T07:00:00.000Z');
  });
  it("applies France's rule in the profile's own time zone", () => {
    // Mon 2026-03-09 07:00 in Tokyo is 23:00Z Sunday: held until 08:00 Tokyo.
    expect(next('2026-03-08T22:00:00Z', FR, 'Asia/Tokyo')).toBe('2026-03-08T23:00:00.000Z');
  });
});

describe('nextAllowedSendTime in the United States', () => {
  it('allows 20:59 in New York and holds 21:00 until 08:00 the next day', () => {
    expect(next('2026-01-15T01:59:00Z', US)).toBeNull(); // Wed 20:59 EST
    expect(next('2026-01-15T02:00:00Z', US)).toBe('2026-01-15T13:00:00.000Z'); // 21:00 EST → 08:00 EST
  });
  it('sends on a Sunday (no French Sunday rule)', () => {
    expect(next('2026-03-01T15:00:00Z', US)).toBeNull();
  });
  it('releases at 08:00 daylight time on the spring-forward Sunday', () => {
    // Sat 7 Mar 2026 21:30 EST; DST starts Sunday 8 at 02:00: 08:00 EDT = 12:00Z.
    expect(next('2026-03-08T02:30:00Z', US)).toBe('2026-03-08T12:00:00.000Z');
  });
  it('releases at 08:00 standard time on the fall-back Sunday', () => {
    // Sat 31 Oct 2026 22:00 EDT; DST ends Sunday 1 Nov: 08:00 EST = 13:00Z.
    expect(next('2026-11-01T02:00:00Z', US)).toBe('2026-11-01T13:00:00.000Z');
  });
  it('offers a stricter 20:00 end for states that ask for it', () => {
    const rules = { ...DEFAULT_QUIET_HOURS, byCountry: { ...DEFAULT_QUIET_HOURS.byCountry, US: US_QUIET_HOURS_STRICT } };
    expect(nextAllowedSendTime(at('2026-01-15T01:00:00Z'), US, null, rules)?.toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });
  it("uses the profile's zone over the number's, e.g. a New Jersey number living in Los Angeles", () => {
    expect(next('2026-01-15T02:00:00Z', US, 'America/Los_Angeles')).toBeNull(); // 18:00 PST
  });
});

describe('nextAllowedSendTime elsewhere', () => {
  it('allows 08:00 to 21:00 every day in Great Britain', () => {
    expect(next('2026-03-08T20:59:00Z', GB)).toBeNull(); // Sunday 20:59 GMT
    expect(next('2026-03-08T21:00:00Z', GB)).toBe('2026-03-09T08:00:00.000Z');
  });
  it('refuses a rule with no allowed day rather than looping', () => {
    const rules = { byCountry: {}, default: { start: '08:00', end: '21:00', days: [] } };
    expect(() => nextAllowedSendTime(at('2026-03-08T12:00:00Z'), GB, null, rules)).toThrow(RangeError);
  });
});

describe('zoneForPhone', () => {
  it('uses a valid profile time zone', () => {
    expect(zoneForPhone(FR, 'America/Martinique')).toBe('America/Martinique');
  });
  it('ignores an invalid profile time zone and uses the country', () => {
    expect(zoneForPhone(FR, 'Mars/Olympus')).toBe('Europe/Paris');
  });
  it('uses the eastern-most zone of a multi-zone country', () => {
    expect(zoneForPhone(US)).toBe('America/New_York');
    expect(zoneForPhone(CA)).toBe('America/St_Johns');
    expect(zoneForPhone('+61412345678')).toBe('Australia/Sydney');
    expect(zoneForPhone('+5511961234567')).toBe('America/Sao_Paulo');
  });
  it("finds a single-zone country's zone from the runtime's region data", () => {
    expect(zoneForPhone(JP)).toBe('Asia/Tokyo');
  });
  it('falls back to UTC for a number without a country', () => {
    expect(zoneForPhone('+999')).toBe('UTC');
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the eleven holidays of 2026 with the Easter-based ones', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06', // Easter Monday
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // Whit Monday
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });
  it('moves Ascension and Whit Monday with Easter', () => {
    expect(frenchPublicHolidays(2025)).toEqual(expect.arrayContaining(['2025-04-21', '2025-05-29', '2025-06-09']));
  });
});

describe('easterSunday', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
    [1943, 4, 25],
  ])('puts Easter %i on month %i day %i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('zonedInstant', () => {
  it('moves a wall time that does not exist to the end of the spring-forward gap', () => {
    expect(new Date(zonedInstant(2026, 3, 29, 2 * 60 + 30, 'Europe/Paris')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
  it('picks the first of the two instants of an ambiguous fall-back wall time', () => {
    expect(new Date(zonedInstant(2026, 10, 25, 2 * 60 + 30, 'Europe/Paris')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('nextAllowedSendTime where the window start falls in a DST gap', () => {
  it('opens the window at the jump when 08:00 does not exist that day', () => {
    // Rule starting at 02:30 in Paris on the spring-forward day (02:00 → 03:00): opens at 03:00 CEST.
    const rules = { byCountry: {}, default: { start: '02:30', end: '21:00', days: [0, 1, 2, 3, 4, 5, 6] } };
    expect(nextAllowedSendTime(at('2026-03-29T00:10:00Z'), FR, null, rules)?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});
