/**
 * The one alarm: runs every due timer (quiet-hour release, scheduled send, fallback deadline,
 * send retry, simulated sandbox receipt, a flow's delayed send, results for D1), writes a pending D1 directory row, then points the
 * alarm at the next one.
 */
import * as v from 'valibot';
import { InboundEventSchema } from '../../schemas/events';
import type { Core } from './core';
import { ingest, onStatus } from './inbound';
import { dispatch, EARLY_RECEIPT, onDeadline } from './send';
import { afterCampaignMessage, syncOutcomes } from './campaign';
import { FLOW_TIMER, onFlowTimer } from './flows';
import { flushResults } from '../results/record';

const AttemptsPayload = v.object({ attempts: v.optional(v.number(), 0) });
const IdPayload = v.object({ id: v.string(), attempts: v.optional(v.number(), 0) });

export async function runDueTimers(core: Core): Promise<void> {
  const store = core.store;
  // Bounded batches so one alarm never runs away; leftovers re-arm the alarm immediately.
  for (let round = 0; round < 10; round++) {
    const due = store.dueTimers(core.now());
    if (due.length === 0) break;
    for (const timer of due) {
      store.deleteTimer(timer.id);
      try {
        const payload: unknown = JSON.parse(timer.payload);
        if (timer.kind === 'results') {
          const { attempts } = v.parse(AttemptsPayload, payload);
          await flushResults(core, attempts);
        } else if (timer.kind === 'campaign_sync') {
          await syncOutcomes(core);
        } else if (timer.kind === 'receipt') {
          const event = v.parse(InboundEventSchema, payload);
          await ingest(core, event);
        } else if (timer.kind === EARLY_RECEIPT) {
          const event = v.parse(InboundEventSchema, payload);
          if (event.type === 'status') await onStatus(core, event, true);
        } else if (timer.kind === FLOW_TIMER) {
          await onFlowTimer(core, payload);
        } else {
          const { id, attempts } = v.parse(IdPayload, payload);
          if (timer.kind === 'release' || timer.kind === 'retry') await dispatch(core, id);
          else if (timer.kind === 'deadline') await onDeadline(core, id, attempts);
          else console.warn(`unknown timer kind ${timer.kind}`);
          // A campaign recipient's outcome follows its message (released, sent, skipped, cancelled).
          await afterCampaignMessage(core, id);
        }
      } catch (err) {
        console.error(`timer ${timer.id} (${timer.kind}) failed`, err);
      }
    }
  }
  // The directory write coalesced since the last alarm (mirrorSoon), including any the timers
  // above just marked.
  await core.flushDirectory();
  await core.scheduleAlarm();
}
