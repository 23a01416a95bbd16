/** Phone numbers are E.164 everywhere (`+33612345678`); this is the one parser. */
import * as v from 'valibot';
/** Normalizes a phone number to E.164, or returns null when it is not a valid number. */
export declare function toE164(raw: string): string | null;
/** The ISO country of an E.164 number ("FR", "US"), or null. */
export declare function phoneCountry(e164: string): string | null;
/** A valid phone number, normalized to E.164 on output. */
export declare const PhoneSchema: v.SchemaWithPipe<readonly [v.StringSchema<"must be a string">, v.RawTransformAction<string, string>]>;
