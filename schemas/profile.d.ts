/** Profiles and consent (architecture.md "Public contract", compliance.md "Purposes"). */
import * as v from 'valibot';
export declare const PURPOSES: readonly ["marketing", "transactional"];
export declare const PurposeSchema: v.PicklistSchema<readonly ["marketing", "transactional"], undefined>;
export type Purpose = v.InferOutput<typeof PurposeSchema>;
/** What a send is for: the two consent purposes, plus agent replies in the care window. */
export declare const SendPurposeSchema: v.PicklistSchema<["marketing", "transactional", "support"], undefined>;
export type SendPurpose = v.InferOutput<typeof SendPurposeSchema>;
export declare const ConsentStatusSchema: v.PicklistSchema<["subscribed", "unsubscribed", "never"], undefined>;
export type ConsentStatus = v.InferOutput<typeof ConsentStatusSchema>;
export declare const ConsentSourceSchema: v.PicklistSchema<["api", "keyword", "agent", "import", "carrier"], undefined>;
export type ConsentSource = v.InferOutput<typeof ConsentSourceSchema>;
/** Body of `PUT /v1/profiles/{phone}`. */
export declare const ProfileUpsertSchema: v.StrictObjectSchema<{
    readonly first_name: v.OptionalSchema<v.NullableSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>, undefined>;
    readonly last_name: v.OptionalSchema<v.NullableSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>, undefined>;
    readonly email: v.OptionalSchema<v.NullableSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.EmailAction<string, "must be an email address">]>, undefined>, undefined>;
    readonly locale: v.OptionalSchema<v.NullableSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be a locale such as fr or fr-FR">]>, undefined>, undefined>;
    readonly timezone: v.OptionalSchema<v.NullableSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.CheckAction<string, "must be an IANA time zone such as Europe/Paris">]>, undefined>, undefined>;
    readonly properties: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 64, undefined>]>, v.UnknownSchema, undefined>, undefined>;
    readonly consent: v.OptionalSchema<v.StrictObjectSchema<{
        readonly marketing: v.OptionalSchema<v.PicklistSchema<["subscribed", "unsubscribed"], "must be \"subscribed\" or \"unsubscribed\"">, undefined>;
        readonly transactional: v.OptionalSchema<v.PicklistSchema<["subscribed", "unsubscribed"], "must be \"subscribed\" or \"unsubscribed\"">, undefined>;
        readonly source: v.SchemaWithPipe<readonly [v.StringSchema<"must say where consent came from">, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 200, undefined>]>;
    }, undefined>, undefined>;
}, undefined>;
export type ProfileUpsert = v.InferOutput<typeof ProfileUpsertSchema>;
export interface ConsentState {
    status: ConsentStatus;
    updated_at: string | null;
    source: string | null;
}
export interface ConsentLogEntry {
    id: number;
    purpose: Purpose;
    status: ConsentStatus;
    at: string;
    source: ConsentSource;
    /** The words that caused the change (a keyword message, an API source label, an agent's reason). */
    text: string | null;
    /** Agent id or API key id. */
    actor: string | null;
}
/** `GET /v1/profiles/{phone}` (contract). */
export interface ProfileView {
    phone: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    locale: string | null;
    timezone: string | null;
    properties: Record<string, unknown>;
    consent: Record<Purpose, ConsentState>;
    rcs: {
        capable: boolean | null;
        checked_at: string | null;
        features?: string[];
    };
    created_at: string;
    updated_at: string;
    last_inbound_at: string | null;
}
