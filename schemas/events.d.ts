/**
 * The one normalized inbound event type. Every provider webhook (sandbox, rbm, twilio) is
 * verified, validated and turned into a list of these before it reaches a Profile object.
 */
import * as v from 'valibot';
export declare const InboundEventSchema: v.VariantSchema<"type", [v.ObjectSchema<{
    readonly type: v.LiteralSchema<"message", undefined>;
    readonly text: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly media: v.OptionalSchema<v.ArraySchema<v.ObjectSchema<{
        readonly url: v.StringSchema<undefined>;
        readonly content_type: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    }, undefined>, undefined>, undefined>;
    readonly location: v.OptionalSchema<v.ObjectSchema<{
        readonly latitude: v.NumberSchema<undefined>;
        readonly longitude: v.NumberSchema<undefined>;
    }, undefined>, undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>, v.ObjectSchema<{
    readonly type: v.LiteralSchema<"tap", undefined>;
    readonly postback: v.StringSchema<undefined>;
    readonly text: v.StringSchema<undefined>;
    readonly kind: v.PicklistSchema<["reply", "action"], undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>, v.ObjectSchema<{
    readonly type: v.LiteralSchema<"status", undefined>;
    readonly provider_message_id: v.StringSchema<undefined>;
    readonly status: v.PicklistSchema<["sent", "delivered", "read", "failed", "ttl_revoked", "ttl_revoke_failed"], undefined>;
    readonly error_code: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly reason: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>, v.ObjectSchema<{
    readonly type: v.LiteralSchema<"typing", undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>, v.ObjectSchema<{
    readonly type: v.LiteralSchema<"unsubscribe", undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>, v.ObjectSchema<{
    readonly type: v.LiteralSchema<"subscribe", undefined>;
    readonly provider: v.PicklistSchema<["sandbox", "rbm", "twilio"], undefined>;
    readonly phone: v.StringSchema<undefined>;
    readonly id: v.StringSchema<undefined>;
    readonly at: v.StringSchema<undefined>;
    readonly channel: v.PicklistSchema<["rcs", "sms"], undefined>;
}, undefined>], undefined>;
export type InboundEvent = v.InferOutput<typeof InboundEventSchema>;
