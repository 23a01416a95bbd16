import type { TouchKind } from '../../schemas/results';
import type { Core } from '../profile/core';
import type { MessageRow } from '../profile/store';
import type { OutboxItem } from '../profile/store-results';

/**
 * A burst (sent, then delivered and read within seconds) goes to D1 in one batch, with the
 * directory row its send marked (due MIRROR_DELAY_MS later, the same 5 s).
 */
export const RESULTS_DELAY_MS = 5000;
/** First retry of a failed D1 write; doubles up to RESULTS_RETRY_MAX_MS. */
const RESULTS_RETRY_MS = 30_000;
const RESULTS_RETRY_MAX_MS = 3_600_000;
/** Items per D1 batch. */
const BATCH = 50;
/** A reply or a STOP counts for the last campaign or flow message sent within this window. */
export const REPLY_WINDOW_MS = 3 * 86_400_000;
/** The event whose `value` is attributed (Shopify's orders/create produces the same). */
export const ORDER_EVENT = 'Placed Order';

/** The results timer's id (one per object). */
export const RESULTS_TIMER_ID = 'results:flush';

function touch(
  core: Core,
  row: Pick<MessageRow, 'id' | 'fallback_of' | 'campaign_id' | 'channel'>,
  kind: TouchKind,
  at: number,
  moveChannel = false,
): void {
  if (!row.campaign_id) return;
  const added = core.store.results.touch(
    { message_id: row.fallback_of ?? row.id, kind, source_id: row.campaign_id, phone: core.phone(), channel: row.channel, at },
    moveChannel,
  );
  if (added) core.resultsDirty = true;
}

/**
 * A message changed (sent, delivered, read, failed, fell back): records the touches its state
 * now shows. Derived from the state, not from the callback, so a repeated callback adds nothing.
 */
export function messageChanged(core: Core, id: string): void {
  const row = core.store.message(id);
  if (row?.direction !== 'out' || !row.campaign_id) return;
  const now = core.now();
  const s = row.status;
  const reached = row.delivered_at !== null;
  // The last physical message of the chain says which channel the message went out on.
  if ((s === 'sent' || s === 'delivered' || s === 'read' || reached) && row.fallback_sms_id === null) touch(core, row, 'sent', now, true);
  if (reached) touch(core, row, 'delivered', row.delivered_at ?? now);
  if (s === 'read' || (reached && core.store.hasHistory(id, 'read'))) touch(core, row, 'read', now);
  // A carrier's failure after accepting it; a send refused on the spot is the sender's own outcome (a campaign counts those).
  if (s === 'failed' && row.provider_message_id !== null) touch(core, row, 'failed', now);
}

/** A tap on a suggestion of message `messageId` (not the Stop chip: that is an unsubscribe). */
export function tapped(core: Core, messageId: string): void {
  const row = core.store.message(messageId);
  if (row?.direction === 'out') touch(core, row, 'tapped', core.now());
}

/** A short link of message `messageId` was opened; false when it is no message of a campaign or flow here. */
export function clicked(core: Core, messageId: string): boolean {
  const row = core.store.message(messageId);
  if (row?.direction !== 'out' || !row.campaign_id) return false;
  touch(core, row, 'clicked', core.now());
  return true;
}

/** The customer wrote (not a STOP): a reply to the last campaign or flow message within the window. */
export function replied(core: Core): void {
  const last = core.store.results.lastSourceMessage(core.now() - REPLY_WINDOW_MS);
  if (last) touch(core, last, 'replied', core.now());
}

/** The customer opted out: an unsubscribe caused by the last campaign or flow message within the window. */
export function unsubscribed(core: Core): void {
  const last = core.store.results.lastSourceMessage(core.now() - REPLY_WINDOW_MS);
  if (last) touch(core, last, 'unsubscribed', core.now());
}

/** A tracked event: a `Placed Order` becomes an order (D1 counts it once by its id). */
export function orderTracked(
  core: Core,
  event: { name: string; properties?: Record<string, unknown>; value?: number | null },
  id: string,
  at: number,
): void {
  if (event.name !== ORDER_EVENT) return;
  const props = event.properties ?? {};
  const currency = typeof props.currency === 'string' ? props.currency.slice(0, 8) : null;
  const items = Array.isArray(props.items) ? props.items : [];
  core.store.results.order({ order_id: id, phone: core.phone(), value: event.value ?? 0, currency, at, items });
  core.resultsDirty = true;
}

/** Arms the alarm for the outbox when something was queued during this entry point. */
export async function scheduleResults(core: Core): Promise<void> {
  if (!core.resultsDirty) return;
  core.resultsDirty = false;
  if (core.store.hasTimer(RESULTS_TIMER_ID)) return;
  core.store.addTimer('results', core.now() + RESULTS_DELAY_MS, { attempts: 0 }, RESULTS_TIMER_ID);
  await core.scheduleAlarm();
}

function statement(db: D1Database, item: OutboxItem): D1PreparedStatement {
  if (item.type === 'order') {
    const o = item.order;
    return db
      .prepare(
        'INSERT INTO orders (order_id, phone, value, currency, at, items) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING',
      )
      .bind(o.order_id, o.phone, o.value, o.currency, o.at, JSON.stringify(o.items));
  }
  const t = item.touch;
  // The object's row is the truth: a `sent` whose channel moved is written again with the new one.
  return db
    .prepare(
      `INSERT INTO touches (message_id, kind, source_id, phone, channel, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (message_id, kind) DO UPDATE SET channel = excluded.channel`,
    )
    .bind(t.message_id, t.kind, t.source_id, t.phone, t.channel, t.at);
}

/** The next batch of the outbox as statements, and the last item's id to confirm once D1 took them. */
export interface ResultsBatch {
  statements: D1PreparedStatement[];
  lastId: number;
}

/**
 * The outbox's next batch, to ride in another write to `db` (the directory's, from the same
 * alarm: one D1 round trip instead of two); null when empty or when results go elsewhere.
 */
export function resultsBatch(core: Core, db: D1Database): ResultsBatch | null {
  if ((core.resultsDb ?? core.env.DB) !== db) return null;
  const items = core.store.results.pending(BATCH);
  const last = items.at(-1);
  return last ? { statements: items.map((i) => statement(db, i)), lastId: last.id } : null;
}

/**
 * D1 took a batch: it leaves the outbox. An outbox now empty needs no timer (it would only
 * wake the object to find nothing); one with more keeps it.
 */
export function resultsWritten(core: Core, batch: ResultsBatch): void {
  core.store.results.confirm(batch.lastId);
  if (core.store.results.hasPending()) return;
  core.store.deleteTimer(RESULTS_TIMER_ID);
  core.resultsDirty = false;
}

function retryResults(core: Core, attempts: number, err: unknown): void {
  console.error(`results: D1 write failed (attempt ${attempts + 1}), retrying`, err);
  const delay = Math.min(RESULTS_RETRY_MAX_MS, RESULTS_RETRY_MS * 2 ** attempts);
  core.store.addTimer('results', core.now() + delay, { attempts: attempts + 1 }, RESULTS_TIMER_ID);
}

/** A batch that rode in a failed write: the items stay, and the timer comes back for them. */
export function resultsFailed(core: Core, err: unknown): void {
  retryResults(core, 0, err);
}

/**
 * The `results` timer: writes the outbox to D1 in batches; what D1 confirmed leaves the outbox,
 * the rest stays and the timer comes back later (backoff), so every item arrives exactly once.
 */
export async function flushResults(core: Core, attempts: number): Promise<void> {
  const db = core.resultsDb ?? core.env.DB;
  await core.settleAlarm();
  for (let round = 0; round < 20; round++) {
    const batch = resultsBatch(core, db);
    if (!batch) return;
    try {
      await db.batch(batch.statements);
    } catch (err) {
      retryResults(core, attempts, err);
      return;
    }
    resultsWritten(core, batch);
  }
  // More than one alarm's share: the rest right away.
  if (core.store.results.hasPending()) core.store.addTimer('results', core.now(), { attempts: 0 }, RESULTS_TIMER_ID);
}
