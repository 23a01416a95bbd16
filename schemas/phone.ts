/**
 * Phone numbers are E.164 everywhere (`+33612345678`); this is the one parser, for the API and
 * for carrier webhooks alike. It uses libphonenumber's full ("max") metadata: the small one
 * only checks lengths, so numbers in ranges no carrier has allocated would pass here and fail
 * later at the carrier. The console never imports this module (it keeps its bundle small).
 */
import * as v from 'valibot';
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type { CountryCode };

/** What a person may type around the digits; anything else (`;`, letters, `x 12`) is refused. */
const ALLOWED = /^\+?[0-9 ().-]+$/;

/**
 * ARCEP reserves 06 39 98 xx xx for fiction: no carrier routes it, so the demo data uses it and
 * it can never text a real person. libphonenumber calls it unallocated; we accept it by name.
 */
const FICTION = /^\+3363998\d{4}$/;

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Parses a number typed by a person or sent by a carrier. `+` and the country code are required
 * unless `defaultCountry` says how to read a national number (`06 18 10 02 49` in France).
 */
export function checkPhone(raw: string, defaultCountry?: CountryCode): PhoneCheck {
  const trimmed = raw.trim();
  if (!trimmed) return { ok: false, message: 'must not be empty' };
  if (trimmed.length > 40 || !ALLOWED.test(trimmed)) {
    return { ok: false, message: 'may only contain +, digits, spaces and ( ) . - (no extension, no other text)' };
  }
  if (!trimmed.startsWith('+') && !defaultCountry) {
    return { ok: false, message: 'must start with + and the country code (E.164), e.g. +33612345678' };
  }
  const parsed = parsePhoneNumberFromString(trimmed, { defaultCountry, extract: false });
  if (!parsed) return { ok: false, message: 'is not a phone number, e.g. +33612345678' };
  if (FICTION.test(parsed.number)) return { ok: true, e164: parsed.number };
  if (!parsed.isPossible())
    return { ok: false, message: `has the wrong number of digits for ${parsed.country ?? `+${parsed.countryCallingCode}`}` };
  if (!parsed.isValid()) {
    return {
      ok: false,
      message: `${parsed.number} is in a range no carrier has allocated${parsed.country ? ` in ${parsed.country}` : ''}: check the number`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** Normalizes a phone number to E.164, or returns null when it is not a valid number. */
export function toE164(raw: string, defaultCountry?: CountryCode): string | null {
  const result = checkPhone(raw, defaultCountry);
  return result.ok ? result.e164 : null;
}

/** An ISO country code a national number may be read in, or undefined ("fr" → "FR"). */
export function countryCode(raw: string | null | undefined): CountryCode | undefined {
  const upper = (raw ?? '').trim().toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

/**
 * A carrier's address of the customer → E.164, or null (the event is then dropped). Twilio
 * writes `whatsapp:+33…` or `rcs:+33…`; a national number is read in `country` when the
 * carrier said where the sender is, and refused otherwise.
 */
export function carrierPhone(raw: string | null | undefined, country?: CountryCode): string | null {
  if (!raw) return null;
  const bare = raw.trim().replace(/^(whatsapp|rcs|sms|tel):/i, '');
  return toE164(bare, country);
}

/** Countries of the numbers seen lately: a send asks several times (quiet hours, HELP, the directory). */
const countries = new Map<string, string | null>();

/** The ISO country of an E.164 number ("FR", "US"), or null. */
export function phoneCountry(e164: string): string | null {
  const known = countries.get(e164);
  if (known !== undefined) return known;
  const country = parsePhoneNumberFromString(e164)?.country ?? null;
  if (countries.size >= 10_000) countries.clear();
  countries.set(e164, country);
  return country;
}

/** A valid phone number, normalized to E.164 on output; the issue says what is wrong with it. */
export const PhoneSchema = v.pipe(
  v.string('must be a string'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = checkPhone(dataset.value);
    if (!result.ok) {
      addIssue({ message: result.message });
      return NEVER;
    }
    return result.e164;
  }),
);
