/**
 * Only the customer can undo their own opt-out (docs/compliance.md, "Purposes and consent
 * states"). An opt-out is the customer's when it came from their words or their phone: a
 * keyword (STOP, ARRÊT), the carrier (Twilio 21610, RBM UNSUBSCRIBE), or a sentence of theirs
 * an agent recorded as an opt-out. After one, an agent, an import or an API call cannot set
 * that purpose back to `subscribed`: only the customer's own START (or YES to a signup they
 * started), which arrives as a `keyword` change. An opt-out an agent or the API decided on
 * its own can still be undone by them. Klaviyo and Twilio (error 21610 until START) agree.
 */
import type { ConsentSource, Purpose } from '../../schemas/profile';
import type { ConsentRefusal } from '../profile.types';

/** Consent label of an opt-out an agent recorded from the customer's own words. */
export const CUSTOMER_REQUEST = 'customer_request';

/** Whether an opt-out written with this log source and consent label is the customer's own. */
export function isCustomersOptOut(source: ConsentSource, label: string | null): boolean {
  return source === 'keyword' || source === 'carrier' || (source === 'agent' && label === CUSTOMER_REQUEST);
}

/** Only the customer's own words (START, YES, RBM SUBSCRIBE) may undo the customer's opt-out. */
export const mayUndoCustomersOptOut = (source: ConsentSource): boolean => source === 'keyword';

export function optedOutByCustomer(purposes: Purpose[]): ConsentRefusal {
  return {
    error: 'opted_out_by_customer',
    purposes,
    message: `The customer opted out of ${purposes.join(' and ')} messages themselves: only they can opt back in, by texting START or by confirming a signup they started.`,
  };
}
