/**
 * The inbound pipeline inside the Profile (docs/architecture.md, "Receiving a callback"): drop
 * duplicates, apply keywords (consent), record the message / tap / status, run postback
 * automations, then tell the Inbox. Storage writes happen before any await, so a failure
 * later (a reply that cannot be sent, an Inbox outage) never loses what the customer did.
 */
import type { InboundEvent } from '../../schemas/events';
import type { MessageStatus } from '../../schemas/messages';
import type { ConsentSource } from '../../schemas/profile';
import type { IngestResult } from '../profile.types';
import type { BrandSettings } from '../settings';
import type { Core } from './core';
import { classifyKeyword, confirmsDoubleOptIn, keywordListsFor } from '../compliance/keywords';
import { runAutomation } from './automations';
import { STOP_POSTBACK } from './postbacks';
import { accept, EARLY_RECEIPT, EARLY_RECEIPT_MS, earlyReceiptPrefix, fallback, isUsNumber } from './send';
import { confirmSignup, pendingSignup, startSignup } from './signup';
import * as results from '../results/record';

type Ev<T extends InboundEvent['type']> = Extract<InboundEvent, { type: T }>;

export async function ingest(core: Core, event: InboundEvent): Promise<IngestResult> {
  // What a keyword depends on (the brand's own words) is read before the first write: from the
  // message's insert to its consent change there is no await, so no send to this customer can
  // run in between (an await on I/O lets the object take its next request).
  const brand = event.type === 'message' && event.text ? await core.brand() : null;
  const store = core.store;
  store.ensureProfile(event.phone);
  if (!store.dedupe(`${event.provider}:${event.type}:${event.id}`)) return { duplicate: true };
  switch (event.type) {
    case 'status':
      await onStatus(core, event);
      return { duplicate: false };
    case 'message':
      return onMessage(core, event, brand);
    case 'tap':
      await onTap(core, event);
      return { duplicate: false };
    case 'typing':
      await core.notifyTyping();
      return { duplicate: false };
    case 'unsubscribe':
      // RBM sends this with the keyword message: optOut is idempotent, one change, one confirmation.
      await optOut(core, null, { source: 'keyword', actor: event.actor ?? null });
      return { duplicate: false, keyword: 'opt_out' };
    case 'subscribe':
      await optIn(core, null, event.actor);
      return { duplicate: false, keyword: 'opt_in' };
  }
}

const RANK: Partial<Record<MessageStatus, number>> = { queued: 0, scheduled: 0, held: 0, sent: 1, delivered: 2, read: 3 };

/** A receipt; `early`: it was kept for a message unknown when it came (see EARLY_RECEIPT). */
export async function onStatus(core: Core, event: Ev<'status'>, early = false): Promise<void> {
  const store = core.store;
  const row = store.messageByProviderId(event.provider_message_id);
  if (!row) {
    if (early) {
      console.warn(`status ${event.status} for unknown message ${event.provider_message_id}`);
      return;
    }
    // Its send may not have heard the carrier's answer yet: kept until it does.
    store.addTimer(EARLY_RECEIPT, core.now() + EARLY_RECEIPT_MS, event, `${earlyReceiptPrefix(event.provider_message_id)}${event.id}`);
    await core.scheduleAlarm();
    return;
  }
  const id = row.id;
  // A receipt that changes nothing (a repeat) costs no Inbox event; one that removes a timer
  // re-points the alarm.
  let changed = false;
  let timers = false;
  // Twilio chooses RCS or SMS inside its Messaging Service: its callbacks tell which was used
  // (`rcs:` sender), so the message shows the channel the customer actually got.
  if (event.provider === 'twilio' && row.direction === 'out' && event.status !== 'failed' && event.channel !== row.channel) {
    store.updateMessage(id, { channel: event.channel });
    changed = true;
  }
  const rank = RANK[row.status];
  const why = event.reason ?? `${event.provider} ${event.status}`;
  switch (event.status) {
    case 'sent':
      if (rank !== undefined && rank < 1) {
        store.setStatus(id, 'sent', why);
        changed = true;
      }
      break;
    case 'delivered':
    case 'read': {
      // The first receipt of delivery stamps it, with the status change when there is one (one UPDATE).
      const stamp = row.delivered_at === null ? { delivered_at: core.now() } : null;
      timers = store.deleteTimer(`deadline:${id}`);
      if (rank !== undefined && rank < RANK[event.status]!) {
        store.setStatus(id, event.status, why, stamp ?? {});
        changed = true;
        break;
      }
      if (stamp) {
        store.updateMessage(id, stamp);
        changed = true;
      }
      if (rank === undefined) {
        // Late receipt after revoke/fallback/failure: keep the final status, record the fact.
        if (!store.hasHistory(id, event.status)) {
          store.addHistory(id, event.status, `late ${event.status} while ${row.status}`);
          changed = true;
        }
      } else if (!store.hasHistory(id, event.status)) {
        // Out of order (READ before DELIVERED): keep "read", record the receipt.
        store.addHistory(id, event.status, `${why} (after ${row.status})`);
        changed = true;
      }
      break;
    }
    case 'failed':
      if (event.error_code === '21610') {
        const a = store.setConsent('marketing', 'unsubscribed', 'carrier', `carrier error 21610`, null);
        const b = store.setConsent('transactional', 'unsubscribed', 'carrier', `carrier error 21610`, null);
        if (a || b) await core.mirrorSoon();
      }
      if (row.status !== 'delivered' && row.status !== 'read' && row.status !== 'fell_back') {
        store.setStatus(id, 'failed', event.error_code ? `${why} (code ${event.error_code})` : why);
        timers = store.deleteTimer(`deadline:${id}`);
        changed = true;
      }
      break;
    case 'ttl_revoked':
      // Ignored when DELIVERED came first (docs/carriers.md, "Status mapping").
      if (row.delivered_at !== null || row.channel !== 'rcs') break;
      if (row.status !== 'fell_back') store.setStatus(id, 'revoked', 'carrier TTL expired: revoked');
      await fallback(core, id, 'ttl_revoked', 'carrier TTL expired');
      changed = true;
      timers = true;
      break;
    case 'ttl_revoke_failed':
      store.addHistory(id, row.status, 'carrier TTL revoke failed (message may still be delivered)');
      changed = true;
      break;
  }
  if (timers) await core.scheduleAlarm();
  if (changed) await core.notifyMessage(id);
}

/** The profile columns a customer's message or tap moves (written with the activity mark). */
const inboundMark = (core: Core) => ({ last_inbound_at: core.now() });

async function onMessage(core: Core, event: Ev<'message'>, brand: BrandSettings | null): Promise<IngestResult> {
  const store = core.store;
  // The customer wrote at arrival, before any opt-out this message records: a STOP must not
  // count as "wrote again since the opt-out" (the care window, send.ts).
  const mark = inboundMark(core);
  const kind = event.location ? 'location' : event.media?.length ? 'file' : 'message';
  const text = event.text ?? (event.location ? `${event.location.latitude},${event.location.longitude}` : null);
  const row = store.insertMessage({
    direction: 'in',
    channel: event.channel,
    purpose: null,
    kind,
    status: 'received',
    text,
    media: event.media ?? null,
    provider_message_id: event.id,
    author: event.actor ?? null,
  });
  // YES / OUI is a keyword only while a signup waits for it; JOIN is the brand's own word.
  const signup = event.text ? pendingSignup(core) : null;
  const lists = brand ? keywordListsFor(brand.signupKeywords) : undefined;
  const match = event.text ? classifyKeyword(event.text, { awaitingDoubleOptIn: signup !== null, lists }) : null;
  const actor = event.actor ?? null;
  const stop: OptOutBy = { source: 'keyword', actor };
  const optedOut = match?.kind === 'opt_out' && applyOptOut(core, event.text ?? null, stop);
  await core.activity(
    {
      direction: 'in',
      channel: event.channel,
      preview: (text ?? (kind === 'file' ? '📎' : '')).slice(0, 140),
      kind: 'message',
      flagged: match?.flagged ?? false,
    },
    store.insertedView(row),
    mark,
  );
  if (match?.kind !== 'opt_out') results.replied(core);
  if (match?.kind === 'opt_out') {
    if (optedOut) await announceOptOut(core, event.text ?? null, stop);
  } else if (match && signup && confirmsDoubleOptIn(match, lists)) {
    await confirmSignup(core, signup, event.text ?? '', actor);
    return { duplicate: false, keyword: 'confirm' };
  } else if (match?.kind === 'opt_in') await optIn(core, event.text ?? null, event.actor);
  else if (match?.kind === 'help') await help(core);
  else if (match?.kind === 'signup') {
    const word = match.keyword ?? 'JOIN';
    await startSignup(core, event.phone, {
      purpose: 'marketing',
      source: `keyword:${word}`,
      via: 'keyword',
      double: true,
      // The word says the language: INSCRIPTION is French, JOIN is not.
      ...(word === 'INSCRIPTION' ? { locale: 'fr' } : {}),
      actor,
    });
  } else await core.mirrorSoon();
  return { duplicate: false, keyword: match?.kind ?? null };
}

/**
 * Taps on a campaign message that need no agent: opening its link, dialling, adding to a
 * calendar, viewing a place. A reply chip ("Talk to someone", "I'll take it") and any free
 * text do surface the conversation; so does any tap on a one-to-one message.
 */
function metricOnly(trace: { type: string; campaign_id: string | null } | null): boolean {
  return (
    trace?.campaign_id != null && (trace.type === 'url' || trace.type === 'dial' || trace.type === 'calendar' || trace.type === 'location')
  );
}

async function onTap(core: Core, event: Ev<'tap'>): Promise<void> {
  const store = core.store;
  const trace = store.suggestionByPostback(event.postback);
  const row = store.insertMessage({
    direction: 'in',
    channel: event.channel,
    purpose: null,
    kind: 'tap',
    status: 'received',
    text: event.text,
    postback: event.postback,
    in_reply_to: trace?.message_id ?? null,
    campaign_id: trace?.campaign_id ?? null,
    provider_message_id: event.id,
    author: event.actor ?? null,
  });
  store.addInteraction(trace?.type === 'url' ? 'click' : 'tap', trace?.message_id ?? null, event.postback, trace?.url ?? null, event.text);
  if (trace && event.postback !== STOP_POSTBACK) results.tapped(core, trace.message_id);
  // The Stop chip takes effect before the first await, like a typed STOP (see ingest).
  const stop: OptOutBy = { source: 'keyword', actor: event.actor ?? null };
  const isStop = event.postback === STOP_POSTBACK || classifyKeyword(event.text).kind === 'opt_out';
  const optedOut = isStop && applyOptOut(core, event.text, stop);
  if (metricOnly(trace)) {
    // A campaign's link, call or calendar chip: a result to count, not a conversation. It stays
    // in the thread and the interactions, and never reaches the one Inbox object
    // (docs/architecture.md, "Which campaign taps reach the Inbox").
    store.updateProfile(inboundMark(core));
  } else {
    await core.activity(
      { direction: 'in', channel: event.channel, preview: event.text.slice(0, 140), kind: 'tap' },
      store.insertedView(row),
      inboundMark(core),
    );
  }

  if (isStop) {
    if (optedOut) await announceOptOut(core, event.text, stop);
    return;
  }
  await runAutomation(core, event.postback);
  await core.mirrorSoon();
}

const french = (core: Core) => {
  const p = core.store.profile();
  return p?.locale ? p.locale.startsWith('fr') : (p?.phone.startsWith('+33') ?? false);
};

/** Who wrote an opt-out: the customer's keyword by default; an agent recording the customer's words. */
export interface OptOutBy {
  source: ConsentSource;
  actor: string | null;
  /** Consent label (CUSTOMER_REQUEST for an agent-recorded customer sentence). */
  label?: string;
}

/**
 * Opt-out of every purpose; exactly one confirmation, only when something changed. True when
 * it changed something.
 */
export async function optOut(core: Core, text: string | null, by: OptOutBy = { source: 'keyword', actor: null }): Promise<boolean> {
  if (!applyOptOut(core, text, by)) return false;
  await announceOptOut(core, text, by);
  return true;
}

/** The opt-out itself, synchronous (storage only): true when it changed something. */
function applyOptOut(core: Core, text: string | null, by: OptOutBy): boolean {
  const store = core.store;
  const a = store.setConsent('marketing', 'unsubscribed', by.source, text, by.actor, by.label);
  const b = store.setConsent('transactional', 'unsubscribed', by.source, text, by.actor, by.label);
  if (a || b) results.unsubscribed(core);
  return a || b;
}

/** What follows an opt-out that changed something: the inbox activity and one confirmation. */
async function announceOptOut(core: Core, text: string | null, by: OptOutBy): Promise<void> {
  const brand = await core.brand();
  // An agent's recording is not news from the customer: it neither counts as unread nor reopens.
  const byCustomer = by.source !== 'agent';
  await core.activity({
    direction: byCustomer ? 'in' : 'out',
    channel: lastChannel(core),
    preview: byCustomer ? (text ?? 'Unsubscribed') : 'Unsubscribed',
    kind: 'consent',
  });
  const confirmation = french(core)
    ? `${brand.brandName} : vous êtes désinscrit(e) et ne recevrez plus de messages. Envoyez START pour vous réinscrire.`
    : `${brand.brandName}: you are unsubscribed and will receive no more messages. Reply START to resubscribe.`;
  await accept(
    core,
    core.phone(),
    { purpose: 'transactional', content: { type: 'text', text: confirmation } },
    { system: { traffic: 'ACKNOWLEDGEMENT' } },
  );
  await core.mirrorSoon();
}

/**
 * Opt back in (START, SUBSCRIBE): undoes an opt-out, one confirmation when something changed.
 * It restores only what the customer had: marketing comes back only if they once subscribed
 * to it (START is not a signup; JOIN is).
 */
export async function optIn(core: Core, text: string | null, actor: string | null = null): Promise<void> {
  const store = core.store;
  const undo = (p: 'marketing' | 'transactional') =>
    store.consent(p).status === 'unsubscribed' && (p === 'transactional' || store.everSubscribed(p))
      ? store.setConsent(p, 'subscribed', 'keyword', text, actor)
      : false;
  const a = undo('marketing');
  const b = undo('transactional');
  if (!a && !b) return;
  const brand = await core.brand();
  await core.activity({ direction: 'in', channel: lastChannel(core), preview: text ?? 'Subscribed', kind: 'consent' });
  const confirmation = french(core)
    ? `${brand.brandName} : vous êtes de nouveau inscrit(e). Envoyez STOP pour vous désinscrire.`
    : `${brand.brandName}: you are subscribed again. Reply STOP to unsubscribe.`;
  await accept(
    core,
    core.phone(),
    { purpose: 'transactional', content: { type: 'text', text: confirmation } },
    { system: { traffic: 'TRANSACTION' } },
  );
  await core.mirrorSoon();
}

/** HELP / INFO / AIDE: brand name, what the program is, how to stop (+ US rates notice). */
async function help(core: Core): Promise<void> {
  const brand = await core.brand();
  const phone = core.phone();
  // The help text usually names the brand already (the default does): prefix it only when not.
  // In the customer's language: the profile's, else their number's country's (French numbers
  // read French); the English text when the brand wrote one.
  const text = !french(core) && brand.helpTextEn ? brand.helpTextEn : brand.helpText;
  const parts = [text.includes(brand.brandName) ? text : `${brand.brandName}${french(core) ? ' :' : ':'} ${text}`];
  // CTIA handbook: program name, message frequency, rates notice and how to stop.
  if (isUsNumber(phone)) parts.push('Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out.');
  else if (!/stop/i.test(text)) parts.push(french(core) ? 'Répondez STOP pour vous désinscrire.' : 'Reply STOP to opt out.');
  await accept(
    core,
    phone,
    { purpose: 'transactional', content: { type: 'text', text: parts.join(' ') } },
    { system: { traffic: 'TRANSACTION' } },
  );
}

function lastChannel(core: Core): 'rcs' | 'sms' {
  const last = core.store.page(null, 1).rows[0];
  return last?.channel ?? 'sms';
}
