/**
 * Double opt-in inside the Profile (docs/compliance.md, "Signups"). A signup (the API, the
 * hosted page, a JOIN / INSCRIPTION text) sends one confirmation request; the customer's YES /
 * OUI within 48 hours subscribes them to marketing, logged with the signup's source and time and
 * the confirming message. Silence changes nothing, a YES with no request pending is just a
 * word, and however often a number is signed up it gets at most one request a day, and none
 * for 30 days after three went unanswered.
 */
import { phoneCountry } from '../../schemas/phone';
import type { ConsentRefusal, OptInOutcome, OptInRequest } from '../profile.types';
import { optedOutByCustomer, signupMayReachOptedOut } from './consent-rules';
import type { Core } from './core';
import { accept } from './send';
import type { OptInRow } from './store-optin';

/** How long a confirmation request may be answered. */
export const CONFIRM_WITHIN_MS = 48 * 3_600_000;
/** However often a number is signed up, at most one confirmation request in this time. */
export const RESEND_AFTER_MS = 24 * 3_600_000;
/**
 * A number that left this many requests unanswered within QUIET_WINDOW_MS gets no more until
 * the window has passed: someone keeps signing up a stranger, who should not get a text a day.
 */
export const MAX_UNANSWERED = 3;
export const QUIET_WINDOW_MS = 30 * 24 * 3_600_000;

const frenchFor = (core: Core, locale: string | null | undefined): boolean => {
  if (locale) return locale.toLowerCase().startsWith('fr');
  const p = core.store.profile();
  return p?.locale ? p.locale.startsWith('fr') : phoneCountry(core.phone()) === 'FR';
};

/**
 * The request a YES answers now: the latest one, unanswered, sent within 48 hours and not
 * followed by an opt-out (a STOP after the request withdraws it).
 */
export function pendingSignup(core: Core): OptInRow | null {
  const row = core.store.optIns.pending('marketing', core.now(), CONFIRM_WITHIN_MS);
  if (!row) return null;
  const store = core.store;
  const outAt = store.consent('marketing').status === 'unsubscribed' ? store.consentUpdatedAt('marketing') : null;
  return outAt !== null && outAt > row.sent_at ? null : row;
}

export async function startSignup(core: Core, phone: string, req: OptInRequest): Promise<OptInOutcome | ConsentRefusal> {
  const store = core.store;
  // The brand's word (an API call) never reaches a customer who said STOP; nor does the page,
  // where anyone may type any number. Their own JOIN text may.
  if (store.customerOptedOut('marketing') && !signupMayReachOptedOut(req.via)) {
    if (req.via === 'api') return optedOutByCustomer(['marketing']);
    return { status: 'pending', sent: false };
  }
  store.ensureProfile(phone);
  if (store.consent('marketing').status === 'subscribed') return { status: 'subscribed', sent: false };
  const now = core.now();
  if (!req.double) {
    store.setConsent('marketing', 'subscribed', 'api', null, req.actor, req.source, { origin: req.source, at: now });
    await core.mirrorNow();
    return { status: 'subscribed', sent: false };
  }
  const last = store.optIns.latest('marketing');
  if (last && now - last.sent_at < RESEND_AFTER_MS && now >= last.sent_at) return { status: 'pending', sent: false };
  if (store.optIns.unanswered('marketing', now - QUIET_WINDOW_MS) >= MAX_UNANSWERED) return { status: 'pending', sent: false };

  const brand = await core.brand();
  const fr = frenchFor(core, req.locale);
  const us = phoneCountry(phone) === 'US';
  const text = fr
    ? `${brand.brandName} : pour recevoir les offres ${brand.programName} (jusqu'à ${brand.messagesPerMonth} msg/mois), répondez OUI dans les 48 h. Sans réponse, vous ne recevrez rien. STOP pour ne plus être contacté(e).`
    : `${brand.brandName}: reply YES within 48 hours to join ${brand.programName} (up to ${brand.messagesPerMonth} msgs/month).${us ? ' Msg & data rates may apply.' : ''} No reply, no messages. Reply STOP to opt out.`;
  // Written before the send: a second signup arriving while the carrier answers sends nothing.
  const requestId = store.optIns.add({
    purpose: 'marketing',
    source: req.source,
    via: req.via,
    locale: req.locale ?? null,
    actor: req.actor,
    messageId: null,
    sentAt: now,
  });
  const sent = await accept(
    core,
    phone,
    { purpose: 'transactional', content: { type: 'text', text } },
    { system: { traffic: 'TRANSACTION' } },
  );
  if (sent.ok) store.optIns.setMessage(requestId, sent.id);
  await core.mirrorSoon();
  return { status: 'pending', sent: true };
}

/** The customer's YES to `request`: subscribed, with the signup's source and time in the log, and one welcome. */
export async function confirmSignup(core: Core, request: OptInRow, text: string, actor: string | null): Promise<void> {
  const store = core.store;
  const now = core.now();
  store.optIns.confirm(request.id, now, text);
  const changed = store.setConsent('marketing', 'subscribed', 'keyword', text, actor, request.source, {
    origin: request.source,
    at: request.sent_at,
  });
  if (!changed) return;
  const brand = await core.brand();
  const fr = frenchFor(core, request.locale);
  const welcome = fr
    ? `${brand.brandName} : c'est confirmé, bienvenue dans ${brand.programName}. STOP pour vous désinscrire.`
    : `${brand.brandName}: you're in! Welcome to ${brand.programName}. Reply STOP to opt out.`;
  await accept(
    core,
    core.phone(),
    { purpose: 'transactional', content: { type: 'text', text: welcome } },
    { system: { traffic: 'TRANSACTION' } },
  );
  await core.mirrorSoon();
}
