// A Profile alarm that throws (a D1 or carrier hiccup in a timer's handler, or after the work
// is done) is retried, and its effects happen exactly once: the RCS→SMS fallback, a flow's
// delayed step, a held campaign message. The fault is injected through the object's test hook
// (`core.fault`, null in production); the carriers are counting stand-ins.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { saveFlow, loadFlow } from '../../worker/flows/index';
import type { Profile } from '../../worker/profile.do';
import { TIMER_RETRY_MS } from '../../worker/profile/timers';
import {
  advanceTo,
  type CarrierCalls,
  countingCarriers,
  messages,
  profile,
  setClock,
  subscribe,
  text,
  timers,
  TUESDAY_10H_PARIS,
  uniquePhone,
} from './helpers';

const T0 = TUESDAY_10H_PARIS;
const DEADLINE = T0 + 300_000;

/** Makes the alarm throw once at `point` (for a timer of `kind`); counts how often it was reached. */
async function throwOnce(phone: string, point: 'timer' | 'timer_done' | 'alarm_end', kind?: string): Promise<{ reached: number }> {
  const seen = { reached: 0 };
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.fault = (at, k) => {
      if (at !== point || (kind !== undefined && k !== kind)) return;
      seen.reached += 1;
      if (seen.reached === 1) throw new Error(`injected fault at ${at} ${k ?? ''}`);
    };
  });
  return seen;
}

/** The platform's retry of a failed alarm: the handler runs again. */
const retryAlarm = (phone: string) => runInDurableObject(profile(phone), (p: Profile) => p.alarm());

async function sendRcs(phone: string): Promise<string> {
  const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your parcel arrives today') });
  if (!out.ok) throw new Error('send refused');
  expect(out).toMatchObject({ status: 'sent', channel: 'rcs' });
  return out.id;
}

async function expectOneFallback(phone: string, calls: CarrierCalls, rcsId: string): Promise<void> {
  expect(calls.rcs).toEqual([rcsId]);
  expect(calls.revokes).toEqual([rcsId]);
  expect(calls.sms).toHaveLength(1);
  const [sms, rcs, ...more] = await messages(phone);
  expect(more).toHaveLength(0);
  expect(rcs).toMatchObject({ id: rcsId, status: 'fell_back' });
  expect(sms).toMatchObject({ id: calls.sms[0], status: 'sent', channel: 'sms', fallback: { from: rcsId } });
}

describe('a throwing alarm, the RCS→SMS fallback deadline', () => {
  it('throws before acting: the deadline runs again later and the SMS goes out once', async () => {
    const phone = uniquePhone('rcs');
    const calls = await countingCarriers(phone);
    const id = await sendRcs(phone);
    const fault = await throwOnce(phone, 'timer', 'deadline');

    await advanceTo(phone, DEADLINE + 1_000);
    expect(fault.reached).toBe(1);
    expect(calls.sms).toHaveLength(0);
    const again = (await timers(phone)).find((t) => t.kind === 'deadline');
    expect(again?.due_at).toBe(DEADLINE + 1_000 + TIMER_RETRY_MS);

    await advanceTo(phone, DEADLINE + 1_000 + TIMER_RETRY_MS);
    await advanceTo(phone, DEADLINE + 3_600_000);
    expect(fault.reached).toBe(2);
    await expectOneFallback(phone, calls, id);
    expect(await timers(phone)).toEqual([]);
  });

  it('throws after the SMS went out: the retry finds the work done and sends nothing more', async () => {
    const phone = uniquePhone('rcs');
    const calls = await countingCarriers(phone);
    const id = await sendRcs(phone);
    const fault = await throwOnce(phone, 'timer_done', 'deadline');

    await advanceTo(phone, DEADLINE + 1_000);
    expect(calls.sms).toHaveLength(1);
    await advanceTo(phone, DEADLINE + 1_000 + TIMER_RETRY_MS);
    await advanceTo(phone, DEADLINE + 3_600_000);
    expect(fault.reached).toBe(2);
    await expectOneFallback(phone, calls, id);
  });

  it('the alarm throws as it ends: the platform retries it, and nothing runs twice', async () => {
    const phone = uniquePhone('rcs');
    const calls = await countingCarriers(phone);
    const id = await sendRcs(phone);
    // The directory write the send asked for, now: no real alarm may reach the hook first.
    await advanceTo(phone, T0 + 10_000);
    const fault = await throwOnce(phone, 'alarm_end');

    await expect(advanceTo(phone, DEADLINE + 1_000)).rejects.toThrow(/injected fault at alarm_end/);
    expect(calls.sms).toHaveLength(1);
    await retryAlarm(phone);
    await retryAlarm(phone);
    expect(fault.reached).toBeGreaterThanOrEqual(3);
    await expectOneFallback(phone, calls, id);
  });
});

describe('a throwing alarm, flows and campaigns', () => {
  it("a flow's delayed step (abandoned checkout) throws once: it runs again later and sends once", async () => {
    const before = (await loadFlow(env, 'abandoned_checkout')).enabled;
    await saveFlow(env, 'abandoned_checkout', { enabled: true }, 'test');
    try {
      const phone = uniquePhone('sms');
      const calls = await countingCarriers(phone);
      await subscribe(phone);
      await profile(phone).track({
        phone,
        name: 'Started Checkout',
        id: `checkout:${phone}`,
        value: 68,
        properties: { checkout_token: `tok-${phone}`, recovery_url: 'https://shop.example/checkouts/recover?key=abc' },
      });
      const step = (await timers(phone)).find((t) => t.kind === 'flow');
      if (!step) throw new Error('no flow timer');
      const fault = await throwOnce(phone, 'timer', 'flow');

      await advanceTo(phone, step.due_at);
      expect(fault.reached).toBe(1);
      expect(calls.rcs).toHaveLength(0);
      await advanceTo(phone, step.due_at + TIMER_RETRY_MS);
      // Later, before the RCS deadline (the stand-in carrier never delivers): nothing more.
      await advanceTo(phone, step.due_at + TIMER_RETRY_MS + 60_000);
      expect(calls.rcs).toHaveLength(1);
      const out = (await messages(phone)).filter((m) => m.direction === 'out');
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ id: calls.rcs[0], status: 'sent', purpose: 'marketing' });
    } finally {
      await saveFlow(env, 'abandoned_checkout', { enabled: before }, 'test');
    }
  });

  it('a held campaign message whose release throws once: released later, sent once, outcome sent', async () => {
    const SUNDAY_PARIS = Date.parse('2026-03-08T14:00:00Z');
    const MONDAY_8H_PARIS = Date.parse('2026-03-09T07:00:00Z');
    const phone = uniquePhone('rcs');
    const calls = await countingCarriers(phone);
    await subscribe(phone);
    await setClock(phone, SUNDAY_PARIS);
    const campaignId = `fault-${crypto.randomUUID()}`;
    const held = await profile(phone).sendCampaign(phone, {
      campaign_id: campaignId,
      variant: 'a',
      content: text('Spring sale: 20 % off'),
      fallback_text: null,
      cap_mode: 'skip',
    });
    expect(held).toMatchObject({ outcome: 'held' });
    const fault = await throwOnce(phone, 'timer', 'release');

    await advanceTo(phone, MONDAY_8H_PARIS);
    expect(fault.reached).toBe(1);
    expect(calls.rcs).toHaveLength(0);
    await advanceTo(phone, MONDAY_8H_PARIS + TIMER_RETRY_MS);
    await advanceTo(phone, MONDAY_8H_PARIS + TIMER_RETRY_MS + 60_000);
    expect(calls.rcs).toHaveLength(1);
    const [m, ...more] = await messages(phone);
    expect(more).toHaveLength(0);
    expect(m).toMatchObject({ id: calls.rcs[0], status: 'sent' });
    const outcome = await env.DB.prepare('SELECT outcome FROM campaign_recipients WHERE campaign_id = ? AND phone = ?')
      .bind(campaignId, phone)
      .first<{ outcome: string }>();
    expect(outcome?.outcome).toBe('sent');
  });
});
