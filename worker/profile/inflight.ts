/**
 * A send interrupted by a restart (a deploy, an evicted object) must not leave its message
 * `queued` forever, nor a campaign waiting on it. While a message is being dispatched it has an
 * `inflight:<id>` timer a few seconds ahead and its id in this instance's memory; a send that
 * ends deletes both. When the timer fires and this instance is not sending it, the object was
 * restarted mid-send: sent again under the same id where the carrier deduplicates (RBM's
 * messageId, the sandbox), or `failed` as an unknown outcome where it does not (Twilio), so it
 * is never delivered twice (docs/carriers.md, "Faults, timeouts and retries").
 */
import type { Core } from './core';

export const INFLIGHT_TIMER = 'inflight';
/** How often a send still in progress is checked on (the timer is re-armed while it is). */
export const INFLIGHT_CHECK_MS = 5_000;

const key = (id: string) => `${INFLIGHT_TIMER}:${id}`;

/** Ids being dispatched by this instance (empty after a restart, which is the point). */
const sending = new WeakMap<Core, Set<string>>();
function ids(core: Core): Set<string> {
  const known = sending.get(core);
  if (known) return known;
  const fresh = new Set<string>();
  sending.set(core, fresh);
  return fresh;
}

/** Runs `send` with the watch armed: the message is picked up again if the object dies meanwhile. */
export async function watched(core: Core, id: string, send: () => Promise<void>): Promise<void> {
  ids(core).add(id);
  core.store.addTimer(INFLIGHT_TIMER, core.now() + INFLIGHT_CHECK_MS, { id }, key(id));
  // Armed before the carrier is asked: the watch is for the object dying during that wait.
  await core.pointAlarm();
  try {
    await send();
  } finally {
    ids(core).delete(id);
    // The alarm may point at the watch: re-pointed, or it would wake the object for nothing.
    if (core.store.deleteTimer(key(id))) await core.scheduleAlarm();
  }
}

/**
 * The `inflight` timer: still sending here (re-armed), done (nothing), or interrupted.
 * `dispatch` is the send path's (passed in: the send path imports this module).
 */
export async function onInflight(core: Core, id: string, dispatch: (core: Core, id: string) => Promise<void>): Promise<void> {
  if (ids(core).has(id)) {
    core.store.addTimer(INFLIGHT_TIMER, core.now() + INFLIGHT_CHECK_MS, { id }, key(id));
    return;
  }
  const row = core.store.message(id);
  if (row?.direction !== 'out' || row.status !== 'queued' || core.store.hasTimer(`retry:${id}`)) return;
  const provider = row.channel === 'sms' ? core.sms().name : core.rcs().name;
  if (provider === 'twilio' && row.attempts > 0) {
    core.store.setStatus(
      id,
      'failed',
      'outcome unknown (interrupted by a restart while the carrier was called): not resent, the carrier may have accepted it',
    );
    await core.notifyMessage(id);
    return;
  }
  core.store.addHistory(id, 'queued', 'interrupted by a restart: sent again under the same id');
  await dispatch(core, id);
}
