/**
 * Profile: one Durable Object per customer (E.164 number), SQLite storage. It owns the
 * customer's profile, consent and its log, RCS capability cache, every message in and out
 * with its status history, interactions, events, callback dedupe keys and pending timers
 * behind one alarm. Consent check and send are one serialized step here.
 *
 * The rules live in worker/profile/: store.ts (tables), send.ts (send pipeline), inbound.ts
 * (keywords, taps, receipts), automations.ts (postback rules), timers.ts (the alarm),
 * postbacks.ts. Every entry point runs through `core.run`, which sends the Inbox what it
 * changed in one call when it ends.
 */
import { DurableObject } from 'cloudflare:workers';
import { decodeCursor, encodeCursor } from './lib/cursor';
import type { InboundEvent, StoreEvent } from '../schemas/events';
import type { MessageView, TrackEvent } from '../schemas/messages';
import { PURPOSES, type ConsentLogEntry, type ProfileUpsert, type ProfileView } from '../schemas/profile';
import type { ProfileEventView } from '../schemas/console-api';
import { Core } from './profile/core';
import { CUSTOMER_REQUEST, mayUndoCustomersOptOut, optedOutByCustomer } from './profile/consent-rules';
import { ingest, optOut } from './profile/inbound';
import { migrate } from './profile/migrations';
import { accept } from './profile/send';
import { outcomeFor, sendCampaign } from './profile/campaign';
import type { ProfileRow } from './profile/store';
import { runDueTimers } from './profile/timers';
import { recordEvent, storeEvent } from './profile/shop';
import { startSignup } from './profile/signup';
import { clicked } from './results/record';
import type {
  CampaignOutcome,
  CampaignSendRequest,
  ConsentChange,
  ConsentRefusal,
  IngestResult,
  MessagePage,
  OptInOutcome,
  OptInRequest,
  ProfileRpc,
  RecordOptOutOutcome,
  SendOutcome,
  SendRequest,
} from './profile.types';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** The seq a cursor points before, or null when it is not one we issued. */
function decodeSeqCursor(cursor: string): number | null {
  const value = decodeCursor(cursor);
  return value?.length === 1 && Number.isSafeInteger(value[0]) && (value[0] as number) >= 0 ? (value[0] as number) : null;
}

export class Profile extends DurableObject<Env> implements ProfileRpc {
  readonly core: Core;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.core = new Core(ctx, env);
    void ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql));
  }

  async upsert(phone: string, input: ProfileUpsert, actor: string): Promise<ProfileView | ConsentRefusal> {
    return this.core.run(() => this.upsertNow(phone, input, actor));
  }

  private async upsertNow(phone: string, input: ProfileUpsert, actor: string): Promise<ProfileView | ConsentRefusal> {
    const store = this.core.store;
    const source = input.consent?.source === 'import' ? 'import' : 'api';
    // Refused whole, before any write: a bad request changes nothing.
    const blocked = PURPOSES.filter((p) => input.consent?.[p] === 'subscribed' && store.customerOptedOut(p));
    if (blocked.length) return optedOutByCustomer(blocked);
    store.ensureProfile(phone);
    const fields: Partial<ProfileRow> = { updated_at: this.core.now() };
    if (input.first_name !== undefined) fields.first_name = input.first_name;
    if (input.last_name !== undefined) fields.last_name = input.last_name;
    if (input.email !== undefined) fields.email = input.email;
    if (input.locale !== undefined) fields.locale = input.locale;
    if (input.timezone !== undefined) fields.timezone = input.timezone;
    if (input.properties) {
      // Shallow merge; a null value removes the key.
      const merged: Record<string, unknown> = { ...store.properties() };
      for (const [k, v] of Object.entries(input.properties)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      fields.properties = JSON.stringify(merged);
    }
    store.updateProfile(fields);
    const consent = input.consent;
    if (consent) {
      if (consent.marketing) store.setConsent('marketing', consent.marketing, source, consent.source, actor, consent.source);
      if (consent.transactional) store.setConsent('transactional', consent.transactional, source, consent.source, actor, consent.source);
    }
    await this.core.mirrorNow();
    return store.profileView() as ProfileView;
  }

  async get(_phone: string): Promise<ProfileView | null> {
    return this.core.store.profileView();
  }

  async send(phone: string, req: SendRequest): Promise<SendOutcome> {
    return this.core.run(async () => {
      const outcome = await accept(this.core, phone, req);
      // An agent's reply is conversation activity; API and campaign sends are not.
      if (outcome.ok && !outcome.duplicate && req.purpose === 'support' && req.author) {
        const content = req.content;
        const preview =
          content.type === 'text'
            ? content.text
            : content.type === 'card'
              ? (content.card.title ?? '')
              : (this.core.store.message(outcome.id)?.text ?? '');
        await this.core.activity(
          { direction: 'out', channel: outcome.channel, preview: preview.slice(0, 140), kind: 'agent_reply' },
          outcome.id,
        );
      }
      return outcome;
    });
  }

  async sendCampaign(phone: string, req: CampaignSendRequest): Promise<CampaignOutcome> {
    return this.core.run(() => sendCampaign(this.core, phone, req));
  }

  async campaignOutcome(_phone: string, campaignId: string): Promise<CampaignOutcome | null> {
    return outcomeFor(this.core, campaignId);
  }

  async listMessages(_phone: string, opts: { cursor?: string | null; limit?: number } = {}): Promise<MessagePage> {
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.limit ?? DEFAULT_PAGE) || DEFAULT_PAGE));
    const before = opts.cursor ? decodeSeqCursor(opts.cursor) : null;
    // An error value, not a throw: RPC callers map it to a 400 without try/catch.
    if (opts.cursor && before === null) return { messages: [], next_cursor: null, error: 'invalid_cursor' };
    const store = this.core.store;
    const { rows, more } = store.page(before, limit);
    const histories = store.histories(rows.map((r) => r.id));
    const last = rows.at(-1);
    return {
      messages: rows.map((r) => store.view(r, histories.get(r.id) ?? [])),
      next_cursor: more && last ? encodeCursor([last.seq]) : null,
    };
  }

  async ingest(event: InboundEvent): Promise<IngestResult> {
    return this.core.run(() => ingest(this.core, event));
  }

  async track(event: TrackEvent): Promise<{ duplicate: boolean }> {
    return this.core.run(async () => {
      this.core.store.ensureProfile(event.phone);
      const now = this.core.now();
      const added = await recordEvent(
        this.core,
        {
          id: event.id ?? crypto.randomUUID(),
          name: event.name,
          properties: event.properties ?? {},
          value: event.value ?? null,
          at: event.time ? Date.parse(event.time) : now,
        },
        'now',
      );
      return { duplicate: !added };
    });
  }

  async storeEvent(event: StoreEvent): Promise<{ duplicate: boolean }> {
    return this.core.run(() => storeEvent(this.core, event));
  }

  async subscribe(phone: string, req: OptInRequest): Promise<OptInOutcome> {
    return this.core.run(() => startSignup(this.core, phone, req));
  }

  async setConsent(phone: string, change: ConsentChange): Promise<ProfileView | ConsentRefusal> {
    return this.core.run(() => this.setConsentNow(phone, change));
  }

  private async setConsentNow(phone: string, change: ConsentChange): Promise<ProfileView | ConsentRefusal> {
    const store = this.core.store;
    if (change.status === 'subscribed' && !mayUndoCustomersOptOut(change.source) && store.customerOptedOut(change.purpose)) {
      return optedOutByCustomer([change.purpose]);
    }
    store.ensureProfile(phone);
    if (store.setConsent(change.purpose, change.status, change.source, change.text, change.actor)) {
      const last = store.page(null, 1).rows[0];
      await this.core.activity({
        direction: 'out',
        channel: last?.channel ?? 'sms',
        preview: `${change.purpose}: ${change.status}`,
        kind: 'consent',
      });
      await this.core.mirrorNow();
    }
    return store.profileView() as ProfileView;
  }

  /**
   * An agent records the customer's message `messageId` ("ne m'envoyez plus rien") as their
   * opt-out: it is the customer's request, so it gets the keyword opt-out's one confirmation
   * and only the customer can undo it; the log says agent, the agent's id and the words.
   */
  async recordOptOut(phone: string, messageId: string, actor: string): Promise<RecordOptOutOutcome> {
    return this.core.run(() => this.recordOptOutNow(phone, messageId, actor));
  }

  private async recordOptOutNow(_phone: string, messageId: string, actor: string): Promise<RecordOptOutOutcome> {
    const store = this.core.store;
    const row = store.profile() ? store.message(messageId) : null;
    if (!row) return { ok: false, error: 'not_found', message: `No message ${messageId} in this conversation.` };
    if (row.direction !== 'in' || row.kind !== 'message' || !row.text) {
      return { ok: false, error: 'not_customer_text', message: 'message_id: must be a text message the customer sent' };
    }
    const changed = await optOut(this.core, row.text, { source: 'agent', actor, label: CUSTOMER_REQUEST });
    return { ok: true, changed, profile: store.profileView() as ProfileView };
  }

  /** The consent log, newest first (the console's profile panel). */
  async consentLog(_phone: string): Promise<ConsentLogEntry[]> {
    return this.core.store.consentLog();
  }

  /**
   * The customer's latest tracked events (orders with amounts, product views), newest first,
   * for the console's profile panel. Read-only; added by the console backend (additive).
   */
  async recentEvents(_phone: string, limit = 20): Promise<ProfileEventView[]> {
    return this.core.store.events.recent(limit);
  }

  async addNote(phone: string, text: string, author: string): Promise<MessageView> {
    return this.core.run(() => this.addNoteNow(phone, text, author));
  }

  private async addNoteNow(phone: string, text: string, author: string): Promise<MessageView> {
    const store = this.core.store;
    store.ensureProfile(phone);
    const last = store.page(null, 1).rows[0];
    // A note is never sent: it is recorded for agents only.
    const reason = 'internal note (never sent)';
    const row = store.insertMessage({
      direction: 'out',
      channel: last?.channel ?? 'sms',
      purpose: 'system',
      kind: 'note',
      status: 'received',
      reason,
      text,
      author,
    });
    const view = store.insertedView(row, reason);
    await this.core.activity({ direction: 'out', channel: row.channel, preview: text.slice(0, 140), kind: 'note' }, view);
    await this.core.mirrorSoon();
    return view;
  }

  async agentEvent(phone: string, type: 'typing' | 'read'): Promise<void> {
    const store = this.core.store;
    store.ensureProfile(phone);
    const lastIn = store.lastInbound();
    store.addInteraction(type === 'typing' ? 'agent_typing' : 'agent_read', lastIn?.id ?? null, null, null, null);
    if (lastIn?.channel !== 'rcs') return;
    try {
      const rcs = this.core.rcs();
      if (type === 'typing') await rcs.sendAgentEvent(phone, { type: 'typing' });
      else if (lastIn.provider_message_id) await rcs.sendAgentEvent(phone, { type: 'read', messageId: lastIn.provider_message_id });
    } catch (err) {
      // Typing and read marks are cosmetic: never fail the agent's action for them.
      console.error('agent event failed', err);
    }
  }

  /**
   * A short link of message `messageId` was opened (worker/results/links.ts): one click per
   * message for its results. False when the message is no campaign's or flow's here.
   */
  async recordClick(_phone: string, messageId: string): Promise<boolean> {
    return this.core.run(async () => {
      if (!this.core.store.profile()) return false;
      const ok = clicked(this.core, messageId);
      if (ok) this.core.store.addInteraction('click', messageId, null, null, 'short link');
      return ok;
    });
  }

  override async alarm(): Promise<void> {
    this.core.alarmFired();
    await this.core.run(() => runDueTimers(this.core));
  }
}
