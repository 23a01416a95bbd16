/**
 * The send pipeline (docs/architecture.md, "Sending a message"; docs/compliance.md): validate, consent gate,
 * frequency cap and quiet hours (marketing), channel choice from the capability cache,
 * record-then-send with our message id as the provider's idempotency key, RCS→SMS fallback
 * exactly once, and every status change recorded with its reason.
 *
 * `accept` does everything that must be atomic (idempotency, consent, recording) without an
 * await in between, so two concurrent calls can never both send. `dispatch` runs for fresh
 * sends, held/scheduled releases, retries and fallbacks alike, and re-checks consent each time.
 */
import * as v from 'valibot';
import { ContentSchema, type Content } from '../../schemas/content';
import { phoneCountry } from '../../schemas/phone';
import { config } from '../config';
import type { SendOutcome, SendRefusal, SendRequest } from '../profile.types';
import { simulatesReceipts } from '../providers/sandbox/provider';
import type { SendResult, TrafficType } from '../providers/types';
import type { BrandSettings } from '../settings';
import type { Core } from './core';
import { smsVersion } from '../../schemas/sms';
import { frequencyCapped } from '../compliance/frequency';
import { DEFAULT_QUIET_HOURS, nextAllowedSendTime, zoneForPhone, type QuietHoursRules } from '../compliance/quiet-hours';
import { requiredFeatures, STOP_POSTBACK, withoutStopSuggestion, withPostbacks, withStopSuggestion } from './postbacks';
import { iso } from '../lib/time';
import { shortenForSend } from '../results/links';
import type { MessagePurpose, MessageRow } from './store';
import { CANCELLED_REASON, campaignCancelled, capModeOf } from './campaign-state';
import { watched } from './inflight';

const DAY = 86_400_000;
/** A positive capability answer only means "connected in the last 31 days" (docs/carriers.md). */
export const CAPABILITY_TTL_MS = 7 * DAY;
export const CARE_WINDOW_MS = DAY;
const MAX_SEND_ATTEMPTS = 5;
const MAX_REVOKE_ATTEMPTS = 5;

const TRAFFIC: Record<Exclude<MessagePurpose, 'system'>, TrafficType> = {
  marketing: 'PROMOTION',
  transactional: 'TRANSACTION',
  support: 'TRANSACTION',
};

const REFUSALS: Record<Exclude<SendRefusal, 'invalid_content'>, string> = {
  marketing_not_subscribed: 'This customer has not subscribed to marketing messages.',
  transactional_opted_out: 'This customer opted out (STOP) and has not written since.',
  outside_care_window: 'This customer opted out, and has not written to the brand in the last 24 hours since.',
};

/** The consent gate (docs/compliance.md), evaluated at the moment of sending. */
export function consentGate(core: Core, purpose: MessagePurpose): Exclude<SendRefusal, 'invalid_content'> | null {
  const store = core.store;
  if (purpose === 'system') return null;
  if (purpose === 'marketing') return store.consent('marketing').status === 'subscribed' ? null : 'marketing_not_subscribed';
  // Transactional and support: refused only after an opt-out, unless the customer wrote again
  // since, within the 24-hour care window.
  if (store.consent('transactional').status !== 'unsubscribed') return null;
  const optedOutAt = store.consentUpdatedAt('transactional') ?? 0;
  const lastInbound = store.profile()?.last_inbound_at ?? null;
  const now = core.now();
  if (lastInbound !== null && lastInbound > optedOutAt && now - lastInbound < CARE_WINDOW_MS) return null;
  return purpose === 'support' ? 'outside_care_window' : 'transactional_opted_out';
}

const firstIssue = (issues: readonly v.BaseIssue<unknown>[]) => {
  const i = issues[0];
  const path = i?.path?.map((p) => String(p.key)).join('.') || 'content';
  return `content.${path}: ${i?.message ?? 'invalid'}`.replace('content.content', 'content');
};

export interface AcceptOptions {
  /** Internal sends (opt-out confirmation, HELP answer) skip the consent gate. */
  system?: { traffic: TrafficType };
}

/** Validates, gates and records a send, then dispatches it (or leaves it to a timer). */
export async function accept(core: Core, phone: string, req: SendRequest, opts: AcceptOptions = {}): Promise<SendOutcome> {
  const parsed = v.safeParse(ContentSchema, req.content);
  if (!parsed.success) return { ok: false, error: 'invalid_content', message: firstIssue(parsed.issues) };
  const store = core.store;
  store.ensureProfile(phone);

  // From here to the insert: no await, so idempotency and consent are one serialized step.
  if (req.idempotency_key) {
    const first = store.messageByIdempotencyKey(req.idempotency_key);
    if (first) return { ok: true, id: first.id, status: first.status, channel: first.channel, duplicate: true };
  }
  const purpose: MessagePurpose = opts.system ? 'system' : req.purpose;
  const refusal = consentGate(core, purpose);
  if (refusal) return { ok: false, error: refusal, message: REFUSALS[refusal] };

  const id = crypto.randomUUID();
  const { content, offered } = withPostbacks(parsed.output, id);
  const now = core.now();
  const sendAt = req.send_at ? Date.parse(req.send_at) : NaN;
  const scheduled = Number.isFinite(sendAt) && sendAt > now;
  const p = store.profile();
  store.insertMessage({
    id,
    direction: 'out',
    channel: p?.rcs_capable === 1 ? 'rcs' : 'sms',
    purpose,
    traffic: opts.system?.traffic ?? TRAFFIC[req.purpose],
    status: scheduled ? 'scheduled' : 'queued',
    reason: scheduled ? `scheduled for ${iso(sendAt)}` : null,
    content,
    fallback_text: req.fallback_text ?? null,
    campaign_id: req.campaign_id ?? null,
    author: req.author ?? null,
    idempotency_key: req.idempotency_key ?? null,
    send_at: scheduled ? sendAt : null,
  });
  for (const s of offered) store.addSuggestion(id, s.idx, s.postback, s.type, s.text, s.url);
  // Its words reach the search index with the next directory write (from the alarm); a
  // campaign's or flow's are not indexed (Store.unindexedMessages).
  if (!req.campaign_id) await core.mirrorSoon();
  if (scheduled) {
    store.addTimer('release', sendAt, { id }, `release:${id}`);
    await core.scheduleAlarm();
  } else {
    await dispatch(core, id);
  }
  const row = store.message(id) as MessageRow;
  const outcome: SendOutcome = { ok: true, id, status: row.status, channel: row.channel, duplicate: false };
  const reason = lastReason(core, id);
  if (reason) outcome.reason = reason;
  if (row.fallback_sms_id) {
    const sms = store.message(row.fallback_sms_id);
    if (sms) outcome.channel = sms.channel;
  }
  return outcome;
}

function lastReason(core: Core, id: string): string | null {
  const h = core.store.histories([id]).get(id);
  return h?.at(-1)?.reason ?? null;
}

/**
 * Takes a recorded message (queued, held, scheduled) through the remaining steps. Safe to
 * call again: a message no longer waiting is left alone.
 */
export async function dispatch(core: Core, id: string): Promise<void> {
  const row = core.store.message(id);
  if (row?.direction !== 'out') return;
  if (row.status !== 'queued' && row.status !== 'held' && row.status !== 'scheduled') return;
  // Watched: a restart in the middle never leaves it queued for good (./inflight.ts).
  await watched(core, id, () => dispatchNow(core, id));
}

async function dispatchNow(core: Core, id: string): Promise<void> {
  const store = core.store;
  const row = store.message(id);
  if (!row) return;
  const brand = await core.brand();
  // A campaign's recipient still waiting gets nothing once the campaign is cancelled.
  const cancelled = row.campaign_id && row.status !== 'queued' && !row.fallback_of ? await campaignCancelled(core, row.campaign_id) : false;
  // Re-read after the await: a STOP may have been processed meanwhile.
  const fresh = store.message(id);
  if (!fresh || (fresh.status !== 'queued' && fresh.status !== 'held' && fresh.status !== 'scheduled')) return;
  const purpose = (fresh.purpose ?? 'transactional') as MessagePurpose;
  const waited = fresh.status !== 'queued';
  const now = core.now();
  if (cancelled === 'unknown') {
    store.addTimer('release', now + 30_000, { id }, `release:${id}`);
    await core.scheduleAlarm();
    return;
  }
  if (cancelled) {
    store.setStatus(id, 'skipped', CANCELLED_REASON);
    await core.notifyMessage(id);
    return;
  }

  const refusal = consentGate(core, purpose);
  if (refusal) {
    const why = waited ? 'opted out before release' : fresh.fallback_of ? 'opted out before fallback' : REFUSALS[refusal];
    store.setStatus(id, 'skipped', `${why} (${refusal})`);
    await core.notifyMessage(id);
    return;
  }

  if (purpose === 'marketing') {
    const p = store.profile();
    // The fallback SMS is the same message on another channel, not a second message.
    const lastOther = p?.last_marketing_at != null && p.last_marketing_id !== id ? iso(p.last_marketing_at) : null;
    if (!fresh.fallback_of && p?.last_marketing_at != null && frequencyCapped(lastOther, new Date(now), brand.frequencyCapHours)) {
      if (capModeOf(core, fresh) === 'defer') {
        // The campaign asked to wait for the cap instead of skipping: released when it allows.
        const allowedAt = p.last_marketing_at + brand.frequencyCapHours * 3_600_000;
        store.setStatus(id, 'held', `frequency cap: held until ${iso(allowedAt)} (window ${brand.frequencyCapHours} h)`);
        store.addTimer('release', allowedAt, { id }, `release:${id}`);
        await core.scheduleAlarm();
        return;
      }
      store.setStatus(
        id,
        'skipped',
        `frequency cap: another marketing message was sent at ${iso(p.last_marketing_at)} (window ${brand.frequencyCapHours} h)`,
      );
      await core.notifyMessage(id);
      return;
    }
    const opens = nextAllowedSendTime(new Date(now), core.phone(), p?.timezone ?? null, quietHoursRules(brand));
    if (opens) {
      const allowedAt = opens.getTime();
      store.setStatus(id, 'held', `quiet hours in ${zoneForPhone(core.phone(), p?.timezone ?? null)}: held until ${iso(allowedAt)}`);
      store.addTimer('release', allowedAt, { id }, `release:${id}`);
      await core.scheduleAlarm();
      return;
    }
    if (!fresh.fallback_of) store.updateProfile({ last_marketing_at: now, last_marketing_id: id });
  }
  if (waited) store.setStatus(id, 'queued', 'released');

  if (fresh.fallback_of) {
    await sendSms(core, id, brand);
    return;
  }
  const content = JSON.parse(fresh.content ?? 'null') as Content | null;
  if (!content) {
    await sendSms(core, id, brand);
    return;
  }
  const rcs = core.rcs();
  const capable = rcs.handlesFallback || (await capabilityFits(core, content));
  if (capable) await sendRcs(core, id, content, purpose, brand);
  else await sendSms(core, id, brand, 'not RCS-capable: sent as SMS');
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The default quiet hours with the brand's configured window ends (20:00 FR, 21:00 US). */
function quietHoursRules(brand: BrandSettings): QuietHoursRules {
  const { FR, US } = DEFAULT_QUIET_HOURS.byCountry;
  const byCountry = { ...DEFAULT_QUIET_HOURS.byCountry };
  if (FR) byCountry.FR = { ...FR, end: clock(brand.quietHoursFranceEnd) };
  if (US) byCountry.US = { ...US, end: clock(brand.quietHoursUsEnd) };
  return { byCountry, default: DEFAULT_QUIET_HOURS.default };
}

/** Reads the capability cache, refreshing it when unknown or stale. */
async function capabilityFits(core: Core, content: Content): Promise<boolean> {
  const store = core.store;
  let p = store.profile();
  if (!p) return false;
  const now = core.now();
  if (p.rcs_capable === null || p.rcs_checked_at === null || now - p.rcs_checked_at > CAPABILITY_TTL_MS) {
    await core.settleAlarm();
    try {
      const cap = await core.rcs().checkCapability(p.phone);
      store.updateProfile({ rcs_capable: cap.capable ? 1 : 0, rcs_features: JSON.stringify(cap.features), rcs_checked_at: core.now() });
      await core.mirrorSoon();
    } catch (err) {
      // Unknown stays unknown; a stale positive answer is still the best guess.
      console.error('capability check failed', err);
    }
    p = store.profile();
    if (!p) return false;
  }
  if (p.rcs_capable !== 1) return false;
  const features = JSON.parse(p.rcs_features ?? '[]') as string[];
  // Some providers report no feature list: assume a capable device handles standard content.
  return features.length === 0 || requiredFeatures(content).every((f) => features.includes(f));
}

async function sendRcs(core: Core, id: string, content: Content, purpose: MessagePurpose, brand: BrandSettings): Promise<void> {
  const store = core.store;
  const row = store.message(id) as MessageRow;
  let sent = content;
  if (purpose === 'marketing' && brand.rcsStopSuggestion) {
    sent = withStopSuggestion(content);
    if (sent !== content) store.addSuggestion(id, 1000, STOP_POSTBACK, 'reply', 'Stop', null);
  }
  store.updateMessage(id, { channel: 'rcs', content: JSON.stringify(sent), attempts: row.attempts + 1 });
  const rcs = core.rcs();
  // A provider that falls back to SMS itself sends this text: its links become short links too.
  const smsText = fallbackTextFor(core, row, brand);
  const fallbackText = rcs.handlesFallback ? await shortenForSend(core, row, smsText) : smsText;
  const seconds = config(core.env).fallbackSeconds;
  // The consoles hear of what led here (a tap, a STOP) before the carrier answers.
  await core.flushInbox();
  let result: SendResult;
  try {
    result = await rcs.send({
      id,
      to: core.phone(),
      content: sent,
      traffic: (row.traffic as TrafficType | null) ?? 'TRANSACTION',
      // The carrier's own TTL backs up our deadline (revoke) a little later.
      ttlSeconds: Math.max(10, seconds + 60),
      fallbackText,
    });
  } catch (err) {
    result = { ok: false, kind: 'unavailable', message: err instanceof Error ? err.message : String(err) };
  }
  if (result.ok) {
    const channel = result.channel ?? 'rcs';
    const awaiting = markSent(core, id, `sent by ${rcs.name}${channel === 'sms' ? ' as SMS (provider fallback)' : ''}`, {
      provider_message_id: result.providerMessageId,
      channel,
    });
    if (awaiting && channel === 'rcs' && !rcs.handlesFallback) {
      store.addTimer('deadline', core.now() + seconds * 1000, { id, attempts: 0 }, `deadline:${id}`);
    }
    await simulateReceipts(core, rcs, result.providerMessageId, channel);
    await core.scheduleAlarm();
    await core.notifyMessage(id);
    return;
  }
  if (result.kind === 'not_reachable') {
    store.updateProfile({ rcs_capable: 0, rcs_checked_at: core.now() });
    await fallback(core, id, 'not_reachable', `RCS send answered not reachable: ${result.message}`);
    await core.mirrorSoon();
    return;
  }
  await sendFailed(core, id, result);
}

/**
 * A receipt for a message we do not know yet: Twilio names a message by the SID its answer to
 * the send gives us, and its callback can come before that answer. Kept as a timer an hour
 * (then dropped), brought forward when a send stores that id (`markSent`).
 */
export const EARLY_RECEIPT = 'early_receipt';
export const EARLY_RECEIPT_MS = 3_600_000;
export const earlyReceiptPrefix = (providerMessageId: string) => `${EARLY_RECEIPT}:${providerMessageId}:`;

/** Statuses a message has while its send is under way. */
const SENDING = new Set(['queued', 'scheduled', 'held']);

/**
 * The carrier accepted the message. Its receipt may have come first (RBM's events name our own
 * id, and the object takes other calls while it waits for the answer): a message already
 * delivered, read or failed keeps that status, and the send is only noted in its history.
 * True when the message is now `sent`, waiting for its delivery.
 */
function markSent(core: Core, id: string, reason: string, fields: Pick<MessageRow, 'provider_message_id' | 'channel'>): boolean {
  const store = core.store;
  // Receipts that came before this answer run at the next alarm (the callers re-arm it).
  if (fields.provider_message_id) store.bringForward(earlyReceiptPrefix(fields.provider_message_id), core.now());
  const now = store.message(id);
  if (!now || SENDING.has(now.status)) {
    store.setStatus(id, 'sent', reason, fields);
    return true;
  }
  store.updateMessage(id, fields);
  if (!store.hasHistory(id, 'sent')) store.addHistory(id, 'sent', `${reason} (answered after the carrier's ${now.status} receipt)`);
  return false;
}

/** The SMS text: the sender's `fallback_text`, else generated; marketing gets the opt-out mention. */
function fallbackTextFor(_core: Core, row: MessageRow, brand: BrandSettings): string {
  // The stored content may carry the Stop chip the RCS message got; the SMS has the mention.
  const content = row.content ? withoutStopSuggestion(JSON.parse(row.content) as Content) : null;
  if (!content && !row.fallback_text) return row.text ?? '';
  return smsVersion(content, { fallbackText: row.fallback_text, purpose: row.purpose, optOutMention: brand.optOutMention });
}

async function sendSms(core: Core, id: string, brand: BrandSettings, reason: string | null = null): Promise<void> {
  const store = core.store;
  const row = store.message(id) as MessageRow;
  // A fallback SMS carries its text already, as does a retry; a direct SMS is rendered from the content now.
  const base = (row.fallback_of || row.attempts > 0) && row.text ? row.text : fallbackTextFor(core, row, brand);
  store.updateMessage(id, { channel: 'sms', text: base, attempts: row.attempts + 1 });
  const sms = core.sms();
  await core.flushInbox();
  // Marketing links become short links (worker/results/links.ts); a retry keeps the ones it has.
  const text = await shortenForSend(core, row, base);
  if (text !== base) store.updateMessage(id, { text });
  let result: SendResult;
  try {
    result = await sms.send({ id, to: core.phone(), text });
  } catch (err) {
    result = { ok: false, kind: 'unavailable', message: err instanceof Error ? err.message : String(err) };
  }
  if (result.ok) {
    markSent(core, id, reason ?? `sent by ${sms.name}`, { provider_message_id: result.providerMessageId, channel: 'sms' });
    await simulateReceipts(core, sms, result.providerMessageId, 'sms');
    await core.scheduleAlarm();
    await core.notifyMessage(id);
    return;
  }
  if (result.kind === 'not_reachable') {
    store.setStatus(id, 'failed', `SMS not deliverable: ${result.message}`);
    await core.notifyMessage(id);
    return;
  }
  await sendFailed(core, id, result);
}

async function sendFailed(core: Core, id: string, result: Extract<SendResult, { ok: false }>): Promise<void> {
  const store = core.store;
  const row = store.message(id) as MessageRow;
  if (result.kind === 'unavailable' && row.attempts < MAX_SEND_ATTEMPTS) {
    const delay = 30_000 * 2 ** (row.attempts - 1);
    store.addHistory(id, 'queued', `provider unavailable (${result.message}): retry ${row.attempts + 1} in ${delay / 1000} s`);
    store.addTimer('retry', core.now() + delay, { id }, `retry:${id}`);
    await core.scheduleAlarm();
    return;
  }
  if (result.kind === 'rejected' && result.code === '21610') {
    // Twilio 21610: the recipient replied STOP at the carrier; honour it everywhere.
    const a = store.setConsent('marketing', 'unsubscribed', 'carrier', `carrier error 21610: ${result.message}`, null);
    const b = store.setConsent('transactional', 'unsubscribed', 'carrier', `carrier error 21610: ${result.message}`, null);
    if (a || b) await core.mirrorSoon();
  }
  const reason =
    result.kind === 'unavailable'
      ? `provider unavailable after ${row.attempts} attempts: ${result.message}`
      : result.kind === 'unknown'
        ? // Never resent: the carrier may have it, and a second send could deliver it twice.
          `outcome unknown (${result.message}): not resent, the carrier may have accepted it`
        : `rejected: ${result.message}`;
  store.setStatus(id, 'failed', result.kind === 'rejected' && result.code ? `${reason} (code ${result.code})` : reason);
  await core.notifyMessage(id);
}

async function simulateReceipts(core: Core, provider: object, providerMessageId: string, channel: 'rcs' | 'sms'): Promise<void> {
  if (!simulatesReceipts(provider)) return;
  const phone = core.phone();
  const receipts = await provider.simulatedReceipts(phone, channel);
  for (const r of receipts) {
    const due = core.now() + r.afterMs;
    core.store.addTimer(
      'receipt',
      due,
      {
        provider: 'sandbox',
        type: 'status',
        phone,
        id: `${providerMessageId}:${r.status}`,
        at: iso(due),
        channel,
        provider_message_id: providerMessageId,
        status: r.status,
      },
      `receipt:${providerMessageId}:${r.status}`,
    );
  }
}

/**
 * RCS→SMS fallback, exactly once per message: the SMS is a new message linked to the RCS one
 * (`fallback: {from, reason}`), and the RCS message ends as `fell_back`.
 */
export async function fallback(core: Core, rcsId: string, trigger: string, reason: string): Promise<void> {
  const store = core.store;
  const row = store.message(rcsId);
  if (!row || row.fallback_sms_id || row.delivered_at !== null) return;
  if (row.status === 'delivered' || row.status === 'read' || row.status === 'failed' || row.status === 'skipped') return;
  const brand = await core.brand();
  // Re-check after the await (the guard above may have changed meanwhile).
  const again = store.message(rcsId);
  if (!again || again.fallback_sms_id || again.delivered_at !== null) return;
  const smsId = crypto.randomUUID();
  store.updateMessage(rcsId, { fallback_sms_id: smsId });
  store.setStatus(rcsId, 'fell_back', `${reason}: sent as SMS fallback`);
  store.deleteTimer(`deadline:${rcsId}`);
  store.insertMessage({
    id: smsId,
    direction: 'out',
    channel: 'sms',
    purpose: (again.purpose ?? 'transactional') as MessagePurpose,
    traffic: (again.traffic as TrafficType | null) ?? null,
    status: 'queued',
    reason: `SMS fallback of ${rcsId} (${trigger})`,
    text: fallbackTextFor(core, again, brand),
    campaign_id: again.campaign_id,
    author: again.author,
    fallback_of: rcsId,
    fallback_reason: trigger,
  });
  await core.notifyMessage(rcsId);
  await dispatch(core, smsId);
}

/** Deadline timer: no DELIVERED in time → revoke; fall back only when the revoke succeeded. */
export async function onDeadline(core: Core, id: string, attempts: number): Promise<void> {
  const store = core.store;
  const row = store.message(id);
  if (!row || row.delivered_at !== null || row.fallback_sms_id || row.status !== 'sent') return;
  await core.settleAlarm();
  const result = await core.rcs().revoke(core.phone(), row.provider_message_id ?? id);
  const now = store.message(id);
  if (!now || now.delivered_at !== null || now.fallback_sms_id) return;
  const seconds = config(core.env).fallbackSeconds;
  if (result === 'revoked') {
    store.setStatus(id, 'revoked', `not delivered within ${seconds} s: revoked`);
    await fallback(core, id, 'deadline', `not delivered within ${seconds} s`);
  } else if (result === 'already_delivered') {
    store.setStatus(id, 'delivered', 'revoke answered already delivered: no SMS', { delivered_at: core.now() });
    await core.notifyMessage(id);
  } else if (attempts + 1 < MAX_REVOKE_ATTEMPTS) {
    store.addHistory(id, 'sent', `revoke failed (attempt ${attempts + 1}); retrying`);
    store.addTimer('deadline', core.now() + 60_000 * (attempts + 1), { id, attempts: attempts + 1 }, `deadline:${id}`);
    await core.scheduleAlarm();
  } else {
    // Never send SMS without knowing the RCS message is undelivered (no double delivery).
    store.addHistory(id, 'sent', `revoke failed ${MAX_REVOKE_ATTEMPTS} times: no SMS fallback`);
  }
}

export function isUsNumber(phone: string): boolean {
  return phoneCountry(phone) === 'US';
}
