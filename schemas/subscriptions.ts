/**
 * Signups (docs/api.md, "Subscriptions"): `POST /v1/subscriptions` and the hosted signup form.
 * Double opt-in unless the caller says otherwise and names where the consent was collected.
 */
import * as v from 'valibot';
import { PhoneSchema } from './phone';

/** Where a signup came from, as the consent log keeps it ("checkout_checkbox", "popup_summer"). */
const Source = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must name where the customer signed up, e.g. checkout_checkbox'),
  v.maxLength(100, 'must be at most 100 characters'),
);

export const SubscriptionRequestSchema = v.strictObject({
  phone: PhoneSchema,
  source: Source,
  purpose: v.optional(v.literal('marketing', 'must be "marketing" (transactional messages need no signup)'), 'marketing'),
  /** false: subscribed at once, for consent the caller collected itself (a checkout checkbox). */
  double_opt_in: v.optional(v.boolean('must be true or false'), true),
  locale: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale such as fr or fr-FR'))),
});
export type SubscriptionRequest = v.InferOutput<typeof SubscriptionRequestSchema>;

/** `202`: `pending` until the customer answers YES (double opt-in), `subscribed` at once otherwise or already. */
export interface SubscriptionResponse {
  status: 'pending' | 'subscribed';
}

/** The hosted form's fields (`application/x-www-form-urlencoded`). */
export const SignupFormSchema = v.object({
  phone: v.pipe(v.string('must be a phone number'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(40, 'is too long')),
  lang: v.optional(v.picklist(['fr', 'en'], 'must be fr or en')),
});
