/** Phone numbers are E.164 everywhere (`+33612345678`); this is the one parser. */
import * as v from 'valibot';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Normalizes a phone number to E.164, or returns null when it is not a valid number. */
export function toE164(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** The ISO country of an E.164 number ("FR", "US"), or null. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** A valid phone number, normalized to E.164 on output. */
export const PhoneSchema = v.pipe(
  v.string('must be a string'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const e164 = toE164(dataset.value);
    if (!e164) {
      addIssue({ message: 'must be a valid phone number in E.164 format, e.g. +33612345678' });
      return NEVER;
    }
    return e164;
  }),
);
