/**
 * What every Profile module shares: storage, the clock, providers, brand settings, the one
 * alarm, and the side channels (Inbox, D1 directory mirror). Side channels never throw: an
 * Inbox or D1 hiccup must not lose the customer's message, which is already stored.
 */
import type { ConversationActivity } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import { inboxStub } from '../inbox.do';
import { rcsProvider, smsProvider } from '../providers';
import type { RcsProvider, SmsProvider } from '../providers/types';
import { getBrandSettings, type BrandSettings } from '../settings';
import { Store, iso } from './store';

export class Core {
  readonly store: Store;
  /** Injectable clock (tests move time instead of sleeping). */
  now: () => number = () => Date.now();
  /** Test hooks: replace the configured providers for this object. */
  rcsOverride: RcsProvider | null = null;
  smsOverride: SmsProvider | null = null;

  constructor(
    readonly ctx: DurableObjectState,
    readonly env: Env,
  ) {
    this.store = new Store(ctx.storage.sql, () => this.now());
  }

  rcs(): RcsProvider {
    return this.rcsOverride ?? rcsProvider(this.env);
  }

  sms(): SmsProvider {
    return this.smsOverride ?? smsProvider(this.env);
  }

  brand(): Promise<BrandSettings> {
    return getBrandSettings(this.env);
  }

  phone(): string {
    const p = this.store.profile();
    if (!p) throw new Error('profile not initialised');
    return p.phone;
  }

  /** Points the one alarm at the earliest timer (or clears it). */
  async scheduleAlarm(): Promise<void> {
    const earliest = this.store.earliestTimer();
    if (earliest === null) {
      await this.ctx.storage.deleteAlarm();
      return;
    }
    // Relative to the injectable clock, so a test clock never makes the real alarm spin.
    await this.ctx.storage.setAlarm(Date.now() + Math.max(0, earliest - this.now()));
  }

  /** A conversation-level change: surfaces the conversation and tells the Inbox. */
  async activity(a: Omit<ConversationActivity, 'phone' | 'name' | 'at'>): Promise<void> {
    const p = this.store.profile();
    if (!p) return;
    this.store.updateProfile({ surfaced: 1, last_activity_at: this.now() });
    const name = [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
    try {
      await inboxStub(this.env).conversationActivity({ ...a, phone: p.phone, name, at: iso(this.now()) });
    } catch (err) {
      console.error('inbox conversationActivity failed', err);
    }
  }

  /** A per-message change: forwarded only when the conversation is already in the inbox. */
  async notifyMessage(id: string): Promise<void> {
    const p = this.store.profile();
    const row = this.store.message(id);
    if (!p || !row || p.surfaced !== 1) return;
    const message: MessageView = this.store.view(row);
    try {
      await inboxStub(this.env).threadEvent(p.phone, { type: 'message', message });
    } catch (err) {
      console.error('inbox threadEvent failed', err);
    }
  }

  async notifyTyping(): Promise<void> {
    const p = this.store.profile();
    if (!p || p.surfaced !== 1) return;
    try {
      await inboxStub(this.env).threadEvent(p.phone, { type: 'typing', at: iso(this.now()) });
    } catch (err) {
      console.error('inbox threadEvent failed', err);
    }
  }

  /** Writes the D1 directory row (eventually consistent; the object stays the truth). */
  async mirror(): Promise<void> {
    const view = this.store.profileView();
    const p = this.store.profile();
    if (!view || !p) return;
    try {
      await this.env.DB.prepare(
        `INSERT INTO profiles (phone, first_name, last_name, email, locale, timezone, properties, marketing, transactional, rcs_capable, last_activity, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (phone) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
           locale = excluded.locale, timezone = excluded.timezone, properties = excluded.properties, marketing = excluded.marketing,
           transactional = excluded.transactional, rcs_capable = excluded.rcs_capable, last_activity = excluded.last_activity,
           updated_at = excluded.updated_at`,
      )
        .bind(
          view.phone,
          view.first_name,
          view.last_name,
          view.email,
          view.locale,
          view.timezone,
          JSON.stringify(view.properties),
          view.consent.marketing.status,
          view.consent.transactional.status,
          p.rcs_capable,
          p.last_activity_at === null ? null : iso(p.last_activity_at),
          view.created_at,
          iso(this.now()),
        )
        .run();
    } catch (err) {
      console.error('profiles directory mirror failed', err);
    }
  }
}
