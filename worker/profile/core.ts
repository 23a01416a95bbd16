/**
 * What every Profile module shares: storage, the clock, providers, brand settings, the one
 * alarm, and the side channels (Inbox, D1 directory mirror). Side channels never throw: an
 * Inbox or D1 hiccup must not lose the customer's message, which is already stored. The ingest
 * hot path makes one Inbox call per event and never awaits D1 (the directory row is written
 * from the alarm, see `mirrorSoon`).
 */
import type { ConversationActivity } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import { inboxStub } from '../inbox.do';
import { rcsProvider, smsProvider } from '../providers';
import type { RcsProvider, SmsProvider } from '../providers/types';
import { getBrandSettings, type BrandSettings } from '../settings';
import { iso } from '../lib/time';
import { Store } from './store';

/** How long directory changes coalesce before the alarm writes the D1 row (a customer's burst of messages: one write). */
export const MIRROR_DELAY_MS = 5000;
/** A failed directory write is retried this much later (the mark stays until it succeeds). */
const MIRROR_RETRY_MS = 30_000;
/** Brand settings change rarely (an admin's edit); a short cache keeps D1 off each keyword. */
const BRAND_TTL_MS = 10_000;

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

  private brandCache: { at: number; value: Promise<BrandSettings> } | null = null;

  /** Brand settings, cached per object for BRAND_TTL_MS (real time: test clocks are frozen). */
  brand(): Promise<BrandSettings> {
    const t = Date.now();
    if (!this.brandCache || t - this.brandCache.at > BRAND_TTL_MS || t < this.brandCache.at) {
      // getBrandSettings never rejects (defaults on error), so the cached promise is safe to share.
      this.brandCache = { at: t, value: getBrandSettings(this.env) };
    }
    return this.brandCache.value;
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

  /**
   * A conversation-level change: surfaces the conversation and tells the Inbox. With
   * `messageId`, the message that caused it travels in the same Inbox call (one round trip
   * per event instead of activity + notifyMessage).
   */
  async activity(a: Omit<ConversationActivity, 'phone' | 'name' | 'at'>, messageId?: string): Promise<void> {
    const p = this.store.profile();
    if (!p) return;
    this.store.updateProfile({ surfaced: 1, last_activity_at: this.now() });
    const name = [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
    const row = messageId ? this.store.message(messageId) : null;
    const message: MessageView | null = row ? this.store.view(row) : null;
    try {
      await inboxStub(this.env).conversationEvent({ ...a, phone: p.phone, name, at: iso(this.now()) }, message);
    } catch (err) {
      console.error('inbox conversationEvent failed', err);
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
    if (p?.surfaced !== 1) return;
    try {
      await inboxStub(this.env).threadEvent(p.phone, { type: 'typing', at: iso(this.now()) });
    } catch (err) {
      console.error('inbox threadEvent failed', err);
    }
  }

  /**
   * Schedules the D1 directory write instead of awaiting it: the mark is stored with the
   * change (durable), and the alarm writes the row once per burst. Only a new mark may need
   * the alarm moved; a pending one already has it armed at or before its due time.
   */
  async mirrorSoon(): Promise<void> {
    if (this.store.markDirectoryDirty(this.now() + MIRROR_DELAY_MS)) await this.scheduleAlarm();
  }

  /**
   * Writes a pending directory row (from the alarm). Runs whenever the alarm does, due or not:
   * writing the current state early is harmless. A failed write stays marked and is retried.
   */
  async flushDirectory(): Promise<void> {
    const pending = this.store.directorySync();
    if (!pending) return;
    if (await this.mirror()) this.store.clearDirectorySync(pending.gen);
    else this.store.retryDirectorySync(this.now() + MIRROR_RETRY_MS);
  }

  /**
   * For direct API writes (upsert, track, consent), whose callers expect the directory to
   * follow at once: writes now, and leaves a durable mark for the alarm when D1 fails.
   */
  async mirrorNow(): Promise<void> {
    if (!(await this.mirror())) await this.mirrorSoon();
  }

  /**
   * Writes the D1 directory row now (eventually consistent; the object stays the truth).
   * False when D1 failed. Hot paths use `mirrorSoon()`.
   */
  async mirror(): Promise<boolean> {
    const view = this.store.profileView();
    const p = this.store.profile();
    if (!view || !p) return true;
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
      return true;
    } catch (err) {
      console.error('profiles directory mirror failed', err);
      return false;
    }
  }
}
