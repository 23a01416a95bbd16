/**
 * Only the customer can undo their own opt-out (docs/compliance.md, "Purposes and consent
 * states"). An opt-out is the customer's when it came from their words or their phone: a
 * keyword (STOP, ARRÊT), the carrier (Twilio 21610, RBM UNSUBSCRIBE), or a sentence of theirs
 * an agent recorded as an opt-out. After one, an agent, an import or an API call cannot set
 * that purpose back to `subscribed`: only the customer's own START, or their YES to a JOIN they
 * texted (never to an API call's or the signup page's signup, which cannot reach them), both
 * `keyword` changes; or a Shopify consent the customer confirmed
 * themselves (`confirmed_opt_in`) after their opt-out. An opt-out an agent or the API decided
 * on its own can still be undone by them. Klaviyo and Twilio (error 21610 until START) agree.
 */
import type { ConsentSource, Purpose } from '../../schemas/profile';
import type { ConsentRefusal } from '../profile.types';

/** Consent label of an opt-out an agent recorded from the customer's own words. */
export const CUSTOMER_REQUEST = 'customer_request';

/** Whether an opt-out written with this log source and consent label is the customer's own. */
export function isCustomersOptOut(source: ConsentSource, label: string | null): boolean {
  return source === 'keyword' || source === 'carrier' || (source === 'agent' && label === CUSTOMER_REQUEST);
}

/** Shopify's opt-in level of a consent the customer confirmed themselves (double opt-in at Shopify). */
export const SHOPIFY_CONFIRMED = 'confirmed_opt_in';

/**
 * Only the customer's own words (START, YES, RBM SUBSCRIBE) may undo the customer's opt-out, or
 * a Shopify consent they confirmed (`origin` = its opt-in level). The caller checks that such
 * a Shopify consent is newer than the opt-out (shopifyMayResubscribe).
 */
export const mayUndoCustomersOptOut = (source: ConsentSource, origin?: string | null): boolean =>
  source === 'keyword' || (source === 'shopify' && origin === SHOPIFY_CONFIRMED);

/**
 * Whether a signup may text a customer who opted out themselves: only their own JOIN. An API
 * call is the brand's word, and anyone may type anyone's number into the signup page.
 */
export const signupMayReachOptedOut = (via: 'api' | 'page' | 'keyword'): boolean => via === 'keyword';

/**
 * A Shopify `subscribed` over the customer's own opt-out: only when the customer confirmed it
 * (`confirmed_opt_in`) after opting out here. A single opt-in, or one older than the opt-out,
 * is the store's word, not the customer's newer one.
 */
export function shopifyMayResubscribe(level: string | null, consentAt: number | null, optedOutAt: number | null): boolean {
  return level === SHOPIFY_CONFIRMED && consentAt !== null && optedOutAt !== null && consentAt > optedOutAt;
}

export function optedOutByCustomer(purposes: Purpose[]): ConsentRefusal {
  return {
    error: 'opted_out_by_customer',
    purposes,
    message: `The customer opted out of ${purposes.join(' and ')} messages themselves: only they can opt back in, by texting START or by confirming a signup they started.`,
  };
}
