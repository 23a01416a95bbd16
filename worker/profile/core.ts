/**
 * What every Profile module shares: storage, the clock, providers, brand settings, the one
 * alarm, and the side channels (Inbox, D1 directory mirror). Side channels never throw: an
 * Inbox or D1 hiccup must not lose the customer's message, which is already stored. The ingest
 * hot path awaits neither: Inbox notifications go through a durable outbox drained by the
 * alarm (`queueInbox`), and the directory row is written from the alarm (`mirrorSoon`).
 */
import type { ConversationActivity } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import { inboxStub, type InboxNotification, type ThreadEvent } from '../inbox.do';
import { rcsProvider, smsProvider } from '../providers';
import type { RcsProvider, SmsProvider } from '../providers/types';
import { getBrandSettings, type BrandSettings } from '../settings';
import { Store, iso } from './store';

/** How long directory changes coalesce before the alarm writes the D1 row (a customer's burst of messages: one write). */
export const MIRROR_DELAY_MS = 5000;
/** A failed directory write is retried this much later (the mark stays until it succeeds). */
const MIRROR_RETRY_MS = 30_000;
/** Brand settings change rarely (an admin's edit); a short cache keeps D1 off each keyword. */
const BRAND_TTL_MS = 10_000;
/** Inbox notifications delivered per Inbox call. */
const OUTBOX_BATCH = 100;
/** First retry of a failed Inbox delivery, doubling per failure up to the max. */
const OUTBOX_BACKOFF_MS = 1000;
const OUTBOX_MAX_BACKOFF_MS = 60_000;

/** An `inbox_outbox` row: the notification, with messages by id (rendered at delivery). */
type OutboxEntry =
  | { type: 'conversation'; activity: ConversationActivity; messageId: string | null }
  | { type: 'message'; phone: string; messageId: string }
  | { type: 'thread'; phone: string; event: ThreadEvent };

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
      this.alarmAt = null;
      return;
    }
    // Relative to the injectable clock, so a test clock never makes the real alarm spin.
    await this.setAlarmAt(Date.now() + Math.max(0, earliest - this.now()));
  }

  /**
   * A conversation-level change: surfaces the conversation and queues the Inbox notification
   * in the same synchronous step (transactional outbox, delivered from the alarm). With
   * `messageId`, the message that caused it travels in the same notification, so the Inbox
   * sees the conversation row before its message.
   */
  async activity(a: Omit<ConversationActivity, 'phone' | 'name' | 'at'>, messageId?: string): Promise<void> {
    const p = this.store.profile();
    if (!p) return;
    this.store.updateProfile({ surfaced: 1, last_activity_at: this.now() });
    const name = [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
    await this.queueInbox({ type: 'conversation', activity: { ...a, phone: p.phone, name, at: iso(this.now()) }, messageId: messageId ?? null });
  }

  /** A per-message change: forwarded only when the conversation is already in the inbox. */
  async notifyMessage(id: string): Promise<void> {
    const p = this.store.profile();
    if (!p || p.surfaced !== 1 || !this.store.message(id)) return;
    await this.queueInbox({ type: 'message', phone: p.phone, messageId: id });
  }

  async notifyTyping(): Promise<void> {
    const p = this.store.profile();
    if (!p || p.surfaced !== 1) return;
    await this.queueInbox({ type: 'thread', phone: p.phone, event: { type: 'typing', at: iso(this.now()) } });
  }

  /**
   * The real time the alarm was last pointed at (null: none, or it already fired). Lets the
   * hot path skip a setAlarm when the alarm is already due at or before now.
   */
  private alarmAt: number | null = null;

  /** The alarm run in progress, if any (its work is awaited by `settle`). */
  private alarmRun: Promise<void> | null = null;

  /** Runs one alarm: the alarm it was armed with is spent, and its run is tracked. */
  async runAlarm(body: () => Promise<void>): Promise<void> {
    this.alarmAt = null;
    const run = body().finally(() => {
      if (this.alarmRun === run) this.alarmRun = null;
    });
    this.alarmRun = run;
    await run;
  }

  /** Resolves once no alarm run is in progress (tests assert after the live alarm's work). */
  async settle(): Promise<void> {
    while (this.alarmRun) await this.alarmRun.catch(() => undefined);
  }

  private async setAlarmAt(at: number): Promise<void> {
    await this.ctx.storage.setAlarm(at);
    this.alarmAt = at;
  }

  /**
   * Writes the notification to the outbox (durable with the change it describes) and makes
   * sure the alarm is due now. Messages are rendered at delivery, so the Inbox gets the
   * message as it is then (a status that moved since is not sent stale).
   */
  private async queueInbox(entry: OutboxEntry): Promise<void> {
    const dueAt = this.store.enqueueInbox(JSON.stringify(entry));
    // Backing off: the alarm is already armed for the retry, which carries this row too.
    if (dueAt > this.now()) return;
    const t = Date.now();
    if (this.alarmAt !== null && this.alarmAt <= t) return;
    await this.setAlarmAt(t);
  }

  private draining: Promise<boolean> | null = null;

  /**
   * Delivers the outbox now, in order (from the alarm, and from console-facing calls whose
   * callers expect the Inbox to have seen the change on return). One drain at a time: a
   * caller arriving during one waits for it, then delivers whatever was queued meanwhile.
   * False when the Inbox failed (the rows stay, backing off; the alarm is re-armed for them).
   */
  async flushInbox(): Promise<boolean> {
    while (this.draining) await this.draining;
    const run = this.drainInbox().finally(() => {
      this.draining = null;
    });
    this.draining = run;
    return run;
  }

  private async drainInbox(): Promise<boolean> {
    // Bounded so one drain never runs away; leftovers are due now, so the alarm comes back.
    for (let round = 0; round < 20; round++) {
      const rows = this.store.inboxOutbox(OUTBOX_BATCH);
      const last = rows.at(-1);
      if (!last) return true;
      const batch: InboxNotification[] = [];
      for (const r of rows) {
        const n = this.render(r.payload);
        if (n) batch.push(n);
      }
      try {
        if (batch.length > 0) await inboxStub(this.env).deliver(batch);
        this.store.ackInboxOutbox(last.seq);
      } catch (err) {
        const attempts = rows[0]?.attempts ?? 0;
        console.error(`inbox delivery failed (attempt ${attempts + 1})`, err);
        this.store.retryInboxOutbox(this.now() + Math.min(OUTBOX_MAX_BACKOFF_MS, OUTBOX_BACKOFF_MS * 2 ** attempts));
        await this.scheduleAlarm();
        return false;
      }
    }
    return true;
  }

  /** An outbox row as the Inbox call it stands for; null for a row that no longer applies. */
  private render(payload: string): InboxNotification | null {
    let entry: OutboxEntry;
    try {
      // Written by queueInbox only, from this type.
      entry = JSON.parse(payload) as OutboxEntry;
    } catch (err) {
      console.error('unreadable inbox outbox row dropped', err);
      return null;
    }
    if (entry.type === 'thread') return entry;
    const row = entry.messageId ? this.store.message(entry.messageId) : null;
    const message: MessageView | null = row ? this.store.view(row) : null;
    if (entry.type === 'conversation') return { type: 'conversation', activity: entry.activity, message };
    return message ? { type: 'thread', phone: entry.phone, event: { type: 'message', message } } : null;
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
   * Writes a pending directory row. From the alarm, only once it is due (`dueBy`): the alarm
   * now also fires at once for every Inbox notification, and writing the row on each of those
   * would undo the burst coalescing. Without `dueBy`, writes whatever is pending. A failed
   * write stays marked and is retried.
   */
  async flushDirectory(dueBy?: number): Promise<void> {
    const pending = this.store.directorySync();
    if (!pending) return;
    if (dueBy !== undefined && pending.due_at > dueBy) return;
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
