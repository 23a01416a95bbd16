/**
 * The one alarm: runs every due timer (quiet-hour release, scheduled send, fallback deadline,
 * send retry, simulated sandbox receipt, a flow's delayed send, results for D1, the Inbox's
 * backlog), writes a pending D1 directory row, then points the alarm at the next one.
 */
import * as v from 'valibot';
import { InboundEventSchema } from '../../schemas/events';
import { type Core, INBOX_SYNC_TIMER } from './core';
import type { TimerRow } from './store';
import { ingest, onStatus } from './inbound';
import { dispatch, EARLY_RECEIPT, onDeadline } from './send';
import { INFLIGHT_TIMER, onInflight } from './inflight';
import { afterCampaignMessage, syncOutcomes } from './campaign';
import { FLOW_TIMER, onFlowTimer } from './flows';
import { flushResults } from '../results/record';

const AttemptsPayload = v.object({ attempts: v.optional(v.number(), 0) });
/** A timer whose handler threw runs again this much later, doubling, this many times in all. */
export const TIMER_RETRY_MS = 30_000;
export const TIMER_MAX_FAILURES = 8;

/**
 * Puts a timer whose handler threw back, for later: every handler is safe to run again (it
 * checks the state it acts on), so a retry completes what the failed run did not, and never
 * repeats what it did. A timer the handler already re-armed under the same id is left as is.
 */
function retryLater(core: Core, timer: TimerRow, err: unknown): void {
  const failures = Number(timer.failures ?? 0) + 1;
  if (failures >= TIMER_MAX_FAILURES) {
    console.error(`timer ${timer.id} (${timer.kind}) failed ${failures} times: dropped`, err);
    return;
  }
  const due = core.now() + TIMER_RETRY_MS * 2 ** (failures - 1);
  console.error(`timer ${timer.id} (${timer.kind}) failed (${failures}); retrying in ${(due - core.now()) / 1000} s`, err);
  core.store.sql.exec(
    'INSERT OR IGNORE INTO timers (id, kind, due_at, payload, failures) VALUES (?, ?, ?, ?, ?)',
    timer.id,
    timer.kind,
    due,
    timer.payload,
    failures,
  );
}
const IdPayload = v.object({ id: v.string(), attempts: v.optional(v.number(), 0) });

export async function runDueTimers(core: Core): Promise<void> {
  const store = core.store;
  /** The results timer came due (its attempts so far): written at the end, with the directory. */
  let resultsDue: number | null = null;
  let ranTimers = false;
  // Bounded batches so one alarm never runs away; leftovers re-arm the alarm immediately.
  for (let round = 0; round < 10; round++) {
    const due = store.dueTimers(core.now());
    if (due.length === 0) break;
    ranTimers = true;
    for (const timer of due) {
      store.deleteTimer(timer.id);
      try {
        core.fault?.('timer', timer.kind);
        const payload: unknown = JSON.parse(timer.payload);
        if (timer.kind === 'results') {
          resultsDue = v.parse(AttemptsPayload, payload).attempts;
        } else if (timer.kind === 'campaign_sync') {
          await syncOutcomes(core);
        } else if (timer.kind === INBOX_SYNC_TIMER) {
          // The Inbox was unreachable: its backlog again (re-armed if it still fails).
          await core.flushInbox();
        } else if (timer.kind === 'receipt') {
          const event = v.parse(InboundEventSchema, payload);
          // The sandbox's own receipt, run once by its timer (deleted above; a retry after a
          // throw is a repeat onStatus ignores): no callback key to record.
          if (event.type === 'status') await onStatus(core, event);
          else await ingest(core, event);
        } else if (timer.kind === EARLY_RECEIPT) {
          const event = v.parse(InboundEventSchema, payload);
          if (event.type === 'status') await onStatus(core, event, true);
        } else if (timer.kind === FLOW_TIMER) {
          await onFlowTimer(core, payload);
        } else {
          const { id, attempts } = v.parse(IdPayload, payload);
          if (timer.kind === 'release' || timer.kind === 'retry') await dispatch(core, id);
          else if (timer.kind === INFLIGHT_TIMER) await onInflight(core, id, dispatch);
          else if (timer.kind === 'deadline') await onDeadline(core, id, attempts);
          else console.warn(`unknown timer kind ${timer.kind}`);
          // A campaign recipient's outcome follows its message (released, sent, skipped, cancelled).
          await afterCampaignMessage(core, id);
        }
        core.fault?.('timer_done', timer.kind);
      } catch (err) {
        retryLater(core, timer, err);
      }
    }
  }
  core.fault?.('alarm_end');
  // The directory write coalesced since the last alarm (mirrorSoon), including any the timers
  // above just marked, with the results waiting (one round trip); then the results left, if due.
  // An alarm that came for other timers (receipts) leaves a directory write not yet due to the
  // next of them when one comes before it; otherwise it writes now (Core.flushDirectory).
  await core.flushDirectory(ranTimers && resultsDue === null);
  if (resultsDue !== null) await flushResults(core, resultsDue);
  await core.scheduleAlarm();
}
