/**
 * What every Profile module shares: storage, the clock, providers, the cached settings
 * (brand, postback rules), the one alarm, and the side channels (Inbox, D1 directory mirror).
 * Side channels never throw: an Inbox or D1 hiccup must not lose the customer's message,
 * which is already stored. Inbox changes are queued during an entry point (`run`) and sent in
 * one call when it ends, or before the object waits on a carrier; the directory row is
 * written from the alarm (`mirrorSoon`), never awaited on the ingest hot path.
 */
import type { ConversationActivity } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import { inboxStub, type InboxOp } from '../inbox/client';
import { iso } from '../lib/time';
import { rcsProvider, smsProvider } from '../providers';
import type { RcsProvider, SmsProvider } from '../providers/types';
import { type BrandSettings, SettingsReader } from '../settings';
import { countryOf, directoryWrite, EVENTS_PER_WRITE } from './directory';
import { type ProfileRow, Store } from './store';
import { messageChanged, RESULTS_TIMER_ID, resultsBatch, resultsFailed, resultsWritten, scheduleResults } from '../results/record';

/** How long directory changes coalesce before the alarm writes the D1 row (a customer's burst of messages: one write). */
export const MIRROR_DELAY_MS = 5000;
/** Messages indexed per directory write. */
const SEARCH_BATCH = 200;
/** D1 takes 100 bound values a statement: 33 rows of (body, phone, id). */
const SEARCH_ROWS_PER_INSERT = 33;

function searchInserts(db: D1Database, phone: string, words: { id: string; body: string }[]): D1PreparedStatement[] {
  const rows = words.filter((w) => w.body.trim());
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += SEARCH_ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + SEARCH_ROWS_PER_INSERT);
    out.push(
      db
        .prepare(`INSERT INTO message_search (body, phone, message_id) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`)
        .bind(...chunk.flatMap((w) => [w.body, phone, w.id])),
    );
  }
  return out;
}
/** `mirror()` wrote a full batch of events: there may be more to write. */
const MORE_EVENTS = 'more_events';
/** A failed directory write is retried this much later (the mark stays until it succeeds). */
const MIRROR_RETRY_MS = 30_000;
/** Inbox changes the Inbox did not take are sent again this much later, from the alarm. */
export const INBOX_RETRY_MS = 30_000;
export const INBOX_SYNC_TIMER = 'inbox_sync';
/** Backlog rows sent per Inbox call (a long outage catches up over a few alarms). */
const BACKLOG_BATCH = 50;
/** Past this many waiting rows the oldest go (logged): a bound on an object's storage. */
const BACKLOG_MAX = 2_000;

/**
 * An Inbox change waiting to be sent. A message named by id is read when sent (its latest
 * state), once, where it last changed.
 */
type QueuedOp =
  | InboxOp
  | { type: 'message_id'; id: string }
  | { type: 'activity_id'; activity: Extract<InboxOp, { type: 'activity' }>['activity']; id: string };

export class Core {
  readonly store: Store;
  readonly settings: SettingsReader;
  /** Injectable clock (tests move time instead of sleeping). */
  now: () => number = () => Date.now();
  /** Test hooks: replace the configured providers for this object. */
  rcsOverride: RcsProvider | null = null;
  smsOverride: SmsProvider | null = null;
  /**
   * Test hook, null (inert) unless a test sets it: called at named points of the alarm
   * (`timer` before a timer's handler, `timer_done` after it, `alarm_end`) so a test can make
   * the alarm throw there and check it is retried and idempotent (test/profile/alarm-faults.test.ts).
   */
  fault: ((point: 'timer' | 'timer_done' | 'alarm_end' | 'inbox', kind?: string) => void) | null = null;
  /** Test hook: the D1 database results are written to (worker/results/record.ts). */
  resultsDb: D1Database | null = null;
  /** Results were queued for D1 during this entry point: the alarm must be armed. */
  resultsDirty = false;
  private outbox: QueuedOp[] = [];
  /** Entry points (`run`) in progress: while any is, Inbox changes wait for its end. */
  private running = 0;
  /** The number's country for the directory, parsed once per instance (the phone never changes). */
  private country: { value: string | null } | undefined;

  constructor(
    readonly ctx: DurableObjectState,
    readonly env: Env,
  ) {
    this.store = new Store(ctx.storage, () => this.now());
    this.settings = new SettingsReader(env);
  }

  rcs(): RcsProvider {
    return this.rcsOverride ?? rcsProvider(this.env);
  }

  sms(): SmsProvider {
    return this.smsOverride ?? smsProvider(this.env);
  }

  /** Brand settings (the isolate's cached copy, see worker/settings.ts; D1 on a miss: a wait outside). */
  async brand(): Promise<BrandSettings> {
    await this.settleAlarm();
    return this.settings.brand();
  }

  phone(): string {
    const p = this.store.profile();
    if (!p) throw new Error('profile not initialised');
    return p.phone;
  }

  /**
   * Timers changed during the running entry point: the alarm is pointed once, before the next
   * wait on something outside this object (`pointAlarm`) or when the entry point ends, instead
   * of once per change (a send adds and removes several timers in one synchronous stretch).
   */
  private alarmStale = false;
  /** The alarm as this instance last pointed it (undefined: not known since it woke or fired). */
  private alarmAt: number | null | undefined = undefined;
  /**
   * This instance has not compared the alarm with its timers yet: the first entry point after a
   * wake does, so a timer stored by an entry point cut short before its alarm was pointed (the
   * object died in between) still runs. An alarm wake needs no check: its handler re-points it.
   */
  private alarmUnchecked = true;

  /** Points the one alarm at the earliest timer (or clears it): now outside an entry point, else before the next wait. */
  async scheduleAlarm(): Promise<void> {
    if (this.running > 0) this.alarmStale = true;
    else await this.pointAlarm();
  }

  /**
   * Points the alarm now if timers changed since it was last pointed. Called before every wait
   * on a carrier, the Inbox or D1: the object may be evicted during it, and a stored timer must
   * never be left without the alarm that runs it. Unchanged, no storage call is made.
   */
  async pointAlarm(): Promise<void> {
    this.alarmStale = false;
    this.alarmUnchecked = false;
    const earliest = this.store.earliestTimer();
    // Relative to the injectable clock, so a test clock never makes the real alarm spin.
    const at = earliest === null ? null : Date.now() + Math.max(0, earliest - this.now());
    const current = this.alarmAt === undefined ? await this.ctx.storage.getAlarm() : this.alarmAt;
    this.alarmAt = at;
    if (at === current) return;
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  /** The alarm fired: the runtime clears it after this handler unless it is set again. */
  alarmFired(): void {
    this.alarmAt = null;
    this.alarmUnchecked = false;
  }

  /** Points the alarm if timers changed during this entry point (before a wait, and at its end), or if it was never checked since the object woke. */
  async settleAlarm(): Promise<void> {
    if (this.alarmStale || this.alarmUnchecked) await this.pointAlarm();
  }

  /**
   * Runs one entry point (an RPC method, the alarm) and sends the Inbox what it changed in one
   * call at the end: a tap with its automated answer is one Inbox round trip, not three.
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      await scheduleResults(this);
      await this.flushInbox();
      await this.settleAlarm();
    }
  }

  private async queue(op: QueuedOp): Promise<void> {
    this.outbox.push(op);
    // Outside an entry point (a caller that does not use `run`): send at once.
    if (this.running === 0) await this.flushInbox();
  }

  /** True once a read found no backlog (kept in memory: only this object writes it). */
  private backlogEmpty = false;

  /**
   * Sends the queued Inbox changes (and a profile event when consent changed) in one call.
   * Called when an entry point ends, and before waiting on a carrier so the consoles are not
   * kept waiting for its answer. Changes the Inbox did not take before (it was unreachable) go
   * first, in order; when the call fails they all wait in storage for the alarm, so the
   * conversation list catches up once the Inbox answers again.
   */
  async flushInbox(): Promise<void> {
    const ops = this.takeInboxOps();
    const backlog = this.backlogEmpty
      ? []
      : this.store.sql
          .exec<{ seq: number; ops: string }>('SELECT seq, ops FROM inbox_backlog ORDER BY seq LIMIT ?', BACKLOG_BATCH)
          .toArray();
    // Known empty from this read on, until a failed call keeps changes (each send and alarm asked otherwise).
    if (backlog.length === 0) this.backlogEmpty = true;
    if (ops.length === 0 && backlog.length === 0) return;
    const waiting = backlog.flatMap((r) => JSON.parse(r.ops) as InboxOp[]);
    await this.settleAlarm();
    try {
      this.fault?.('inbox');
      await inboxStub(this.env).apply([...waiting, ...ops]);
    } catch (err) {
      console.error('inbox apply failed; kept for the alarm', err);
      await this.keepForInbox(ops);
      return;
    }
    const last = backlog.at(-1);
    if (!last) return;
    this.store.sql.exec('DELETE FROM inbox_backlog WHERE seq <= ?', last.seq);
    // A backlog longer than one call: the rest at once, from the alarm.
    if (backlog.length === BACKLOG_BATCH) {
      this.store.addTimer(INBOX_SYNC_TIMER, this.now(), {}, INBOX_SYNC_TIMER);
      await this.scheduleAlarm();
    }
  }

  /** Stores changes the Inbox did not take and arms the alarm to send them again. */
  private async keepForInbox(ops: InboxOp[]): Promise<void> {
    // Typing marks are of the moment: stale by the time the Inbox is back.
    const kept = ops.filter((op) => op.type !== 'typing');
    const sql = this.store.sql;
    if (kept.length) {
      sql.exec('INSERT INTO inbox_backlog (ops) VALUES (?)', JSON.stringify(kept));
      this.backlogEmpty = false;
    }
    const over = sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM inbox_backlog').one().n - BACKLOG_MAX;
    if (over > 0) {
      console.error(`inbox backlog over ${BACKLOG_MAX} rows: the ${over} oldest dropped`);
      sql.exec('DELETE FROM inbox_backlog WHERE seq IN (SELECT seq FROM inbox_backlog ORDER BY seq LIMIT ?)', over);
    }
    if (!this.store.hasTimer(INBOX_SYNC_TIMER)) {
      this.store.addTimer(INBOX_SYNC_TIMER, this.now() + INBOX_RETRY_MS, {}, INBOX_SYNC_TIMER);
      await this.scheduleAlarm();
    }
  }

  /** The queued changes (and a profile event when consent changed) as Inbox ops, emptying the queue. */
  private takeInboxOps(): InboxOp[] {
    const queued = this.outbox;
    this.outbox = [];
    const consent = this.store.takeConsentChanges();
    const p = this.store.profile();
    if (!p || (queued.length === 0 && consent.length === 0)) return [];
    const ops: InboxOp[] = [];
    // A message changed several times (queued, sent) is sent once, as it is now, where it last changed.
    const lastChange = new Map<string, number>();
    queued.forEach((op, i) => {
      if (op.type === 'message_id' || op.type === 'activity_id') lastChange.set(op.id, i);
    });
    const current = (id: string, i: number) => {
      const row = lastChange.get(id) === i ? this.store.message(id) : null;
      return row ? this.store.view(row) : null;
    };
    queued.forEach((op, i) => {
      if (op.type === 'activity_id') ops.push({ type: 'activity', activity: op.activity, message: current(op.id, i) });
      else if (op.type !== 'message_id') ops.push(op);
      else if (p.surfaced === 1) {
        const message = current(op.id, i);
        if (message) ops.push({ type: 'message', phone: p.phone, message });
      }
    });
    // Like message ticks, only for a conversation in the inbox: a bulk consent import through
    // the API must not reach the one Inbox object customer by customer.
    if (consent.length > 0 && p.surfaced === 1) {
      const profile = this.store.profileView();
      if (profile) ops.push({ type: 'profile', phone: p.phone, profile, consent_log: consent });
    }
    return ops;
  }

  /**
   * A conversation-level change: surfaces the conversation and tells the Inbox, with the
   * message that caused it (one event for the row and the bubble): its view, or its id when it
   * may still change before the Inbox hears of it. `fields`: profile columns to write with the
   * activity mark (one UPDATE).
   */
  async activity(
    a: Omit<ConversationActivity, 'phone' | 'name' | 'at'>,
    message: MessageView | string | null = null,
    fields: Partial<Omit<ProfileRow, 'phone'>> = {},
  ): Promise<void> {
    const p = this.store.profile();
    if (!p) return;
    this.store.updateProfile({ ...fields, surfaced: 1, last_activity_at: this.now() });
    const name = [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
    const activity = { ...a, phone: p.phone, name, at: iso(this.now()) };
    await this.queue(
      typeof message === 'string' ? { type: 'activity_id', activity, id: message } : { type: 'activity', activity, message },
    );
  }

  /**
   * A per-message change: forwarded only when the conversation is already in the inbox. A
   * campaign's or flow's message also records its results touches here (never in the Inbox).
   */
  async notifyMessage(id: string): Promise<void> {
    messageChanged(this, id);
    await this.queue({ type: 'message_id', id });
  }

  async notifyTyping(): Promise<void> {
    const p = this.store.profile();
    if (p?.surfaced !== 1) return;
    await this.queue({ type: 'typing', phone: p.phone, at: iso(this.now()) });
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
   * Writes a pending directory row (from the alarm). Writing the current state early is
   * harmless, so it runs whenever the alarm does, due or not, except when `waitForTimers` (the
   * alarm came for another timer, a simulated receipt say) and another timer comes before the
   * write's own time: then the write waits and takes that timer's changes along. With nothing
   * before it, this alarm writes now rather than arm one more for the write alone (a campaign
   * message's last receipt carries the row and its touches). A failed write stays marked and is
   * retried. Results waiting in the outbox (sent, delivered and read touches) ride in the same
   * batch: one D1 round trip per alarm, not one per kind of write.
   */
  async flushDirectory(waitForTimers = false): Promise<void> {
    if (waitForTimers) {
      const due = this.store.directoryDueAt();
      if (due === null || (due > this.now() && this.store.timerDueBy(due, RESULTS_TIMER_ID))) return;
    }
    const pending = this.store.directorySync();
    if (!pending) return;
    const results = resultsBatch(this, this.env.DB);
    const written = await this.mirror(results?.statements);
    if (written) {
      this.store.clearDirectorySync(pending.gen);
      if (results) resultsWritten(this, results);
      // A backlog of events longer than one write: the next batch goes at once.
      if (written === MORE_EVENTS) this.store.markDirectoryDirty(this.now());
    } else {
      this.store.retryDirectorySync(this.now() + MIRROR_RETRY_MS);
      if (results) resultsFailed(this, 'with the directory write');
    }
  }

  /**
   * For direct API writes (upsert, track, consent), whose callers expect the directory to
   * follow at once: writes now, and leaves a durable mark for the alarm when D1 fails.
   */
  async mirrorNow(): Promise<void> {
    const written = await this.mirror();
    if (!written || written === MORE_EVENTS) await this.mirrorSoon();
  }

  /**
   * Writes the D1 directory row and a batch of unmirrored events now, in one D1 transaction
   * (eventually consistent; the object stays the truth), then clears those events' marks.
   * False when D1 failed: every mark stays; `MORE_EVENTS` when it took a full batch of events. Hot paths use `mirrorSoon()`.
   */
  async mirror(alongside: D1PreparedStatement[] = []): Promise<boolean | typeof MORE_EVENTS> {
    const p = this.store.profile();
    if (p) this.country ??= { value: countryOf(p.phone) };
    const write = p ? directoryWrite(this.env.DB, this.store, this.now(), this.country?.value ?? null) : null;
    // The words of messages since the last write go in the same batch (one D1 round trip).
    const words = write ? this.store.unindexedMessages(SEARCH_BATCH) : [];
    const statements = p && write ? [...write.statements, ...searchInserts(this.env.DB, p.phone, words), ...alongside] : alongside;
    if (!statements.length) return true;
    await this.settleAlarm();
    try {
      await this.env.DB.batch(statements);
    } catch (err) {
      console.error('profiles directory mirror failed', err);
      return false;
    }
    if (!write) return true;
    this.store.events.markMirrored(write.eventIds);
    const last = words.at(-1);
    if (last) this.store.markIndexed(last.seq);
    // A long history (an object older than the index) goes in over several alarms.
    if (words.length === SEARCH_BATCH) await this.mirrorSoon();
    // A full batch of events may have left more behind (events recorded during the write marked the row themselves).
    return write.eventIds.length === EVENTS_PER_WRITE ? MORE_EVENTS : true;
  }
}
