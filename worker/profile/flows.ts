/**
 * Flows inside the Profile (docs/api.md, "Flows"): a new store event starts the flows it
 * triggers, once per event (the send's idempotency key is the flow and the event id). A
 * delayed flow (abandoned checkout) waits in a Profile timer, so a restart loses nothing; the
 * event that cancels it (an order) deletes the timer. Messages carry `campaign_id =
 * flow_<key>`; marketing flows go through consent, quiet hours and the frequency cap as any
 * marketing send does.
 */
import * as v from 'valibot';
import type { JsonValue } from '../../schemas/profile';
import { type FlowKey, FlowKeySchema, flowSourceId } from '../../schemas/flows';
import { FLOWS, flowKeys } from '../flows/definitions';
import { loadFlow, loadFlows } from '../flows/index';
import { profileContext, renderContent } from '../templates';
import type { Core } from './core';
import { accept } from './send';

export const FLOW_TIMER = 'flow';
const FlowTimerPayload = v.object({ flow: FlowKeySchema, event_id: v.string() });

const timerPrefix = (key: FlowKey) => `flow:${key}:`;

/** An event as recorded on the profile, the input of the flows it may start. */
export interface EventInput {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  value: number | null;
  at: number;
}

/** A newly recorded event: cancels what it cancels, then starts (or schedules) what it triggers. */
export async function onEvent(core: Core, e: EventInput): Promise<void> {
  const triggered = flowKeys.filter((k) => FLOWS[k].trigger === e.name);
  const cancels = flowKeys.filter((k) => FLOWS[k].cancelledBy === e.name);
  if (!triggered.length && !cancels.length) return;
  const store = core.store;
  let timersChanged = false;
  for (const k of cancels) {
    timersChanged =
      store.sql.exec('DELETE FROM timers WHERE kind = ? AND id LIKE ?', FLOW_TIMER, `${timerPrefix(k)}%`).rowsWritten > 0 || timersChanged;
  }
  if (triggered.length) {
    await core.settleAlarm();
    const configs = await loadFlows(core.env);
    for (const k of triggered) {
      const config = configs.get(k);
      if (!config?.enabled) continue;
      if (config.delayMinutes === null) {
        await fire(core, k, e.id);
        continue;
      }
      // One reminder per checkout: a later update of the same checkout moves it (same timer id).
      const group = typeof e.properties.checkout_token === 'string' ? e.properties.checkout_token : e.id;
      store.addTimer(FLOW_TIMER, core.now() + config.delayMinutes * 60_000, { flow: k, event_id: e.id }, `${timerPrefix(k)}${group}`);
      timersChanged = true;
    }
  }
  if (timersChanged) await core.scheduleAlarm();
}

/** A delayed flow is due (from the alarm): sent if the flow is still on. */
export async function onFlowTimer(core: Core, payload: unknown): Promise<void> {
  const { flow, event_id } = v.parse(FlowTimerPayload, payload);
  await core.settleAlarm();
  if (!(await loadFlow(core.env, flow)).enabled) return;
  await fire(core, flow, event_id);
}

async function fire(core: Core, key: FlowKey, eventId: string): Promise<void> {
  const store = core.store;
  const event = store.events.get(eventId);
  const profile = store.profileView();
  if (!event || !profile) return;
  await core.settleAlarm();
  const config = await loadFlow(core.env, key);
  const rendered = renderContent(
    config.content,
    null,
    profileContext(profile, {
      name: event.name,
      properties: event.properties as Record<string, JsonValue>,
      value: event.value,
      time: event.time,
    }),
  );
  if (!rendered.ok) {
    // The brand's template does not render for this customer (a missing tracking URL): nothing
    // is sent rather than a broken message; the log says which field.
    console.warn(`flow ${key} for event ${eventId}: ${rendered.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return;
  }
  await accept(core, profile.phone, {
    purpose: FLOWS[key].purpose,
    content: rendered.content,
    ...(rendered.fallbackText ? { fallback_text: rendered.fallbackText } : {}),
    campaign_id: flowSourceId(key),
    idempotency_key: `${flowSourceId(key)}:${eventId}`,
    author: 'automation',
  });
}
