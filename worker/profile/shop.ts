/**
 * Store events inside the Profile: tracked events (`POST /v1/events`) and what the brand's
 * Shopify store says (orders, checkouts, the customer's fields and SMS consent, docs/carriers.md
 * "Shopify"). An event is recorded once per id; a Shopify delivery once per webhook id.
 */
import type { StoreEvent } from '../../schemas/events';
import { iso } from '../lib/time';
import { shopifyMayResubscribe } from './consent-rules';
import type { Core } from './core';
import { type EventInput, onEvent } from './flows';
import { orderTracked, scheduleResults } from '../results/record';
import type { ProfileRow } from './store';
import { isOrderEvent } from './store-events';

/**
 * Records an event; false when its id was recorded before. A new one starts its flows; an order
 * keeps the segment fields fresh.
 */
export async function recordEvent(core: Core, e: EventInput, mirror: 'now' | 'soon'): Promise<boolean> {
  const store = core.store;
  const now = core.now();
  if (!store.events.add({ ...e, receivedAt: now })) return false;
  // A Placed Order is an order for attribution, counted once by its id (worker/results).
  orderTracked(core, e, e.id, e.at);
  await scheduleResults(core);
  await onEvent(core, e);
  if (!isOrderEvent(e.name)) {
    // The event reaches D1 (segments read it there) with the next directory write.
    await core.mirrorSoon();
    return true;
  }
  // An order keeps the profile's order properties fresh, and the directory follows (with the
  // order in profile_events and the row's order figures).
  const props = store.properties();
  const count = (typeof props.orders_count === 'number' ? props.orders_count : 0) + 1;
  const total = (typeof props.total_spent === 'number' ? props.total_spent : 0) + (e.value ?? 0);
  props.orders_count = count;
  props.total_spent = Math.round(total * 100) / 100;
  props.average_basket = Math.round((total / count) * 100) / 100;
  props.last_order_at = iso(e.at);
  store.updateProfile({ properties: JSON.stringify(props), updated_at: now });
  if (mirror === 'now') await core.mirrorNow();
  else await core.mirrorSoon();
  return true;
}

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** One verified Shopify delivery for this customer. */
export async function storeEvent(core: Core, ev: StoreEvent): Promise<{ duplicate: boolean }> {
  const store = core.store;
  store.ensureProfile(ev.phone);
  if (!store.dedupe(`${ev.provider}:webhook:${ev.id}`)) return { duplicate: true };
  if (ev.event) {
    const at = Date.parse(ev.event.time);
    await recordEvent(core, { ...ev.event, at: Number.isFinite(at) ? at : core.now() }, 'soon');
  }
  if (ev.customer) await applyCustomer(core, ev.customer);
  return { duplicate: false };
}

async function applyCustomer(core: Core, c: NonNullable<StoreEvent['customer']>): Promise<void> {
  const store = core.store;
  const fields: Partial<ProfileRow> = {};
  if (c.first_name) fields.first_name = c.first_name.slice(0, 100);
  if (c.last_name) fields.last_name = c.last_name.slice(0, 100);
  if (c.email) fields.email = c.email.slice(0, 254);
  if (c.locale && LOCALE.test(c.locale)) fields.locale = c.locale;
  if (Object.keys(fields).length) store.updateProfile({ ...fields, updated_at: core.now() });
  const consent = c.sms_consent;
  if (consent) applyShopifyConsent(core, consent);
  await core.mirrorSoon();
}

/**
 * Shopify's `sms_marketing_consent`, imported as it is with its opt-in level and time
 * (docs/compliance.md, "Shopify consent"). `subscribed` and `unsubscribed` change marketing;
 * `not_subscribed`, `pending` (Shopify's own double opt-in under way) and `redacted` change
 * nothing. A consent older than ours is stale news; over the customer's own STOP, only a
 * newer confirmed opt-in counts.
 */
function applyShopifyConsent(core: Core, consent: NonNullable<NonNullable<StoreEvent['customer']>['sms_consent']>): void {
  const store = core.store;
  if (consent.state !== 'subscribed' && consent.state !== 'unsubscribed') return;
  const parsed = consent.consent_updated_at ? Date.parse(consent.consent_updated_at) : Number.NaN;
  const consentAt = Number.isFinite(parsed) ? parsed : null;
  const ours = store.consentUpdatedAt('marketing');
  if (consentAt !== null && ours !== null && consentAt <= ours) return;
  const level = consent.opt_in_level;
  if (consent.state === 'subscribed' && store.customerOptedOut('marketing') && !shopifyMayResubscribe(level, consentAt, ours)) return;
  const label = consent.state === 'subscribed' ? `shopify ${level ?? 'unknown'}` : 'shopify';
  store.setConsent('marketing', consent.state, 'shopify', null, null, label, { origin: level, at: consentAt });
}
