/** Messages in and out, their statuses, and the `/v1/messages` contract. */
import * as v from 'valibot';
import { type Content } from './content';
export declare const ChannelSchema: v.PicklistSchema<["rcs", "sms"], undefined>;
export type Channel = v.InferOutput<typeof ChannelSchema>;
/** Every status a message can take (architecture.md, send pipeline step 7). */
export declare const MESSAGE_STATUSES: readonly ["queued", "scheduled", "held", "sent", "delivered", "read", "failed", "revoked", "fell_back", "skipped", "received"];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** Body of `POST /v1/messages` (contract). */
export declare const SendMessageSchema: v.StrictObjectSchema<{
    readonly to: v.SchemaWithPipe<readonly [v.StringSchema<"must be a string">, v.RawTransformAction<string, string>]>;
    readonly purpose: v.PicklistSchema<["marketing", "transactional"], "must be \"marketing\" or \"transactional\"">;
    readonly content: v.VariantSchema<"type", [v.ObjectSchema<{
        readonly type: v.LiteralSchema<"text", undefined>;
        readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, 3072, "must be at most 3072 characters">]>;
        readonly suggestions: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
            readonly type: v.LiteralSchema<"reply", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"url", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"dial", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
            readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
            readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"calendar", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"share_location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[], 11, "at most 11 suggestions">]>, undefined>;
    }, undefined>, v.ObjectSchema<{
        readonly type: v.LiteralSchema<"media", undefined>;
        readonly media: v.ObjectSchema<{
            readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.StartsWithAction<string, "https://", "must start with https://">, v.MaxLengthAction<string, 2048, undefined>]>;
            readonly height: v.OptionalSchema<v.PicklistSchema<["short", "medium", "tall"], undefined>, undefined>;
            readonly alt: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 200, undefined>]>, undefined>;
        }, undefined>;
        readonly text: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 3072, undefined>]>, undefined>;
        readonly suggestions: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
            readonly type: v.LiteralSchema<"reply", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"url", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"dial", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
            readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
            readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"calendar", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"share_location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[], 11, "at most 11 suggestions">]>, undefined>;
    }, undefined>, v.ObjectSchema<{
        readonly type: v.LiteralSchema<"card", undefined>;
        readonly card: v.SchemaWithPipe<readonly [v.ObjectSchema<{
            readonly title: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 200, "must be at most 200 characters">]>, undefined>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 2000, "must be at most 2000 characters">]>, undefined>;
            readonly media: v.OptionalSchema<v.ObjectSchema<{
                readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.StartsWithAction<string, "https://", "must start with https://">, v.MaxLengthAction<string, 2048, undefined>]>;
                readonly height: v.OptionalSchema<v.PicklistSchema<["short", "medium", "tall"], undefined>, undefined>;
                readonly alt: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 200, undefined>]>, undefined>;
            }, undefined>, undefined>;
            readonly buttons: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
                readonly type: v.LiteralSchema<"reply", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"url", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"dial", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"location", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
                readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
                readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"calendar", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
                readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
                readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
                readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"share_location", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[], 4, "a card has at most 4 buttons">]>, undefined>;
        }, undefined>, v.CheckAction<{
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }, "a card needs a title, a description or media">]>;
        readonly suggestions: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
            readonly type: v.LiteralSchema<"reply", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"url", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"dial", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
            readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
            readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"calendar", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"share_location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[], 11, "at most 11 suggestions">]>, undefined>;
    }, undefined>, v.SchemaWithPipe<readonly [v.ObjectSchema<{
        readonly type: v.LiteralSchema<"carousel", undefined>;
        readonly cards: v.SchemaWithPipe<readonly [v.ArraySchema<v.SchemaWithPipe<readonly [v.ObjectSchema<{
            readonly title: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 200, "must be at most 200 characters">]>, undefined>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 2000, "must be at most 2000 characters">]>, undefined>;
            readonly media: v.OptionalSchema<v.ObjectSchema<{
                readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.StartsWithAction<string, "https://", "must start with https://">, v.MaxLengthAction<string, 2048, undefined>]>;
                readonly height: v.OptionalSchema<v.PicklistSchema<["short", "medium", "tall"], undefined>, undefined>;
                readonly alt: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 200, undefined>]>, undefined>;
            }, undefined>, undefined>;
            readonly buttons: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
                readonly type: v.LiteralSchema<"reply", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"url", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"dial", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"location", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
                readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
                readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"calendar", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
                readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
                readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
                readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>, v.ObjectSchema<{
                readonly type: v.LiteralSchema<"share_location", undefined>;
                readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
                readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
            }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[], 4, "a card has at most 4 buttons">]>, undefined>;
        }, undefined>, v.CheckAction<{
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }, "a card needs a title, a description or media">]>, undefined>, v.MinLengthAction<{
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }[], 2, "a carousel has at least 2 cards">, v.MaxLengthAction<{
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }[], 10, "a carousel has at most 10 cards">]>;
        readonly width: v.OptionalSchema<v.PicklistSchema<["small", "medium"], undefined>, undefined>;
        readonly suggestions: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.VariantSchema<"type", [v.ObjectSchema<{
            readonly type: v.LiteralSchema<"reply", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"url", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly url: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.UrlAction<string, "must be a URL">, v.RegexAction<string, "must be an http or https URL">, v.MaxLengthAction<string, 2048, undefined>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"dial", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "must be an E.164 number">]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly latitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -90, undefined>, v.MaxValueAction<number, 90, undefined>]>;
            readonly longitude: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.MinValueAction<number, -180, undefined>, v.MaxValueAction<number, 180, undefined>]>;
            readonly label: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 100, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"calendar", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly start: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly end: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>;
            readonly title: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 100, undefined>]>;
            readonly description: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, 500, undefined>]>, undefined>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>, v.ObjectSchema<{
            readonly type: v.LiteralSchema<"share_location", undefined>;
            readonly text: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, number, `must be at most ${number} characters`>]>;
            readonly postback: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 2048, undefined>]>, undefined>;
        }, undefined>], undefined>, undefined>, v.MaxLengthAction<({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[], 11, "at most 11 suggestions">]>, undefined>;
    }, undefined>, v.BaseValidation<{
        type: "carousel";
        cards: {
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }[];
        width?: "medium" | "small" | undefined;
        suggestions?: ({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[] | undefined;
    }, {
        type: "carousel";
        cards: {
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }[];
        width?: "medium" | "small" | undefined;
        suggestions?: ({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[] | undefined;
    }, v.CheckIssue<{
        type: "carousel";
        cards: {
            title?: string | undefined;
            description?: string | undefined;
            media?: {
                url: string;
                height?: "short" | "medium" | "tall" | undefined;
                alt?: string | undefined;
            } | undefined;
            buttons?: ({
                type: "reply";
                text: string;
                postback?: string | undefined;
            } | {
                type: "url";
                text: string;
                url: string;
                postback?: string | undefined;
            } | {
                type: "dial";
                text: string;
                phone: string;
                postback?: string | undefined;
            } | {
                type: "location";
                text: string;
                latitude: number;
                longitude: number;
                label?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "calendar";
                text: string;
                start: string;
                end: string;
                title: string;
                description?: string | undefined;
                postback?: string | undefined;
            } | {
                type: "share_location";
                text: string;
                postback?: string | undefined;
            })[] | undefined;
        }[];
        width?: "medium" | "small" | undefined;
        suggestions?: ({
            type: "reply";
            text: string;
            postback?: string | undefined;
        } | {
            type: "url";
            text: string;
            url: string;
            postback?: string | undefined;
        } | {
            type: "dial";
            text: string;
            phone: string;
            postback?: string | undefined;
        } | {
            type: "location";
            text: string;
            latitude: number;
            longitude: number;
            label?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "calendar";
            text: string;
            start: string;
            end: string;
            title: string;
            description?: string | undefined;
            postback?: string | undefined;
        } | {
            type: "share_location";
            text: string;
            postback?: string | undefined;
        })[] | undefined;
    }>>]>], undefined>;
    readonly fallback_text: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 1600, "must be at most 1600 characters">]>, undefined>;
    readonly idempotency_key: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 200, undefined>]>, undefined>;
    readonly send_at: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>, undefined>;
}, undefined>;
export type SendMessageInput = v.InferInput<typeof SendMessageSchema>;
/** Body of `POST /v1/events` (contract). */
export declare const TrackEventSchema: v.StrictObjectSchema<{
    readonly phone: v.SchemaWithPipe<readonly [v.StringSchema<"must be a string">, v.RawTransformAction<string, string>]>;
    readonly name: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.MinLengthAction<string, 1, "must not be empty">, v.MaxLengthAction<string, 100, undefined>]>;
    readonly properties: v.OptionalSchema<v.RecordSchema<v.StringSchema<undefined>, v.UnknownSchema, undefined>, undefined>;
    readonly value: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.FiniteAction<number, undefined>]>, undefined>;
    readonly time: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.IsoTimestampAction<string, "must be an ISO 8601 timestamp">]>, undefined>;
    readonly id: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 200, undefined>]>, undefined>;
}, undefined>;
export type TrackEvent = v.InferOutput<typeof TrackEventSchema>;
export interface StatusChange {
    status: MessageStatus;
    at: string;
    reason: string | null;
}
/** A message as `GET /v1/profiles/{phone}/messages` and the console return it. */
export interface MessageView {
    id: string;
    direction: 'out' | 'in';
    channel: Channel;
    status: MessageStatus;
    purpose?: 'marketing' | 'transactional' | 'support' | 'system';
    /** Outbound rich content as composed (and, for RCS, as the customer saw it). */
    content?: Content;
    /** SMS body (outbound SMS, fallback) or inbound text. */
    text?: string;
    /** Inbound taps: the postback of the suggestion tapped, and what it was traced to. */
    postback?: string;
    in_reply_to?: string | null;
    /** Kind of inbound item: a typed message, a tap on a suggestion, a shared location, a file. */
    kind?: 'message' | 'tap' | 'location' | 'file' | 'note';
    fallback?: {
        from: string;
        reason: string;
    } | null;
    media?: {
        url: string;
        content_type?: string;
    }[];
    author?: string | null;
    campaign_id?: string | null;
    history: StatusChange[];
    created_at: string;
    updated_at: string;
}
