// A send cut by a restart (the object died while the carrier was being called) is found by its
// `inflight` timer: sent again under the same id where the carrier deduplicates, failed as an
// unknown outcome with Twilio, and left alone while the send is really still in progress here.
// The restart itself, with the real Worker, is test/node/restart.test.ts.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { INFLIGHT_CHECK_MS } from '../../worker/profile/inflight';
import { advanceTo, countingCarriers, messages, profile, text, timers, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const T0 = TUESDAY_10H_PARIS;

/** What a restart in the middle of a send leaves: the message queued, one attempt made, the watch armed. */
async function cutSend(phone: string, channel: 'rcs' | 'sms'): Promise<string> {
  return runInDurableObject(profile(phone), async (p: Profile) => {
    const store = p.core.store;
    store.ensureProfile(phone);
    store.updateProfile({ rcs_capable: channel === 'rcs' ? 1 : 0, rcs_features: '[]', rcs_checked_at: T0 });
    const row = store.insertMessage({
      direction: 'out',
      channel,
      purpose: 'transactional',
      traffic: 'TRANSACTION',
      status: 'queued',
      reason: null,
      content: text('Your parcel arrives today'),
      text: channel === 'sms' ? 'Your parcel arrives today' : null,
    });
    store.updateMessage(row.id, { attempts: 1 });
    store.addTimer('inflight', T0 + INFLIGHT_CHECK_MS, { id: row.id }, `inflight:${row.id}`);
    await p.core.scheduleAlarm();
    return row.id;
  });
}

describe('a send cut by a restart', () => {
  it('with RBM: sent again under the same message id, once', async () => {
    const phone = uniquePhone('rcs');
    const calls = await countingCarriers(phone);
    const id = await cutSend(phone, 'rcs');
    await advanceTo(phone, T0 + INFLIGHT_CHECK_MS);
    await advanceTo(phone, T0 + 2 * INFLIGHT_CHECK_MS);
    expect(calls.rcs).toEqual([id]);
    const [m] = await messages(phone);
    expect(m).toMatchObject({ id, status: 'sent', channel: 'rcs' });
    expect(m?.history.map((h) => h.reason)).toContain('interrupted by a restart: sent again under the same id');
  });

  it('with Twilio: never sent again, failed as an unknown outcome', async () => {
    const phone = uniquePhone('sms');
    const calls = await countingCarriers(phone);
    const id = await cutSend(phone, 'sms');
    await advanceTo(phone, T0 + INFLIGHT_CHECK_MS);
    expect(calls.sms).toEqual([]);
    const [m] = await messages(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m?.history.at(-1)?.reason).toMatch(/^outcome unknown \(interrupted by a restart/);
    expect(await timers(phone)).toEqual([]);
  });

  it('a send still in progress in this instance is left alone (the watch is re-armed), then ends sent once', async () => {
    const phone = uniquePhone('rcs');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls = await countingCarriers(phone, gate);
    const sending = profile(phone).send(phone, { purpose: 'transactional', content: text('Your parcel arrives today') });
    // The carrier is being called; the watch comes due meanwhile.
    for (let i = 0; i < 50 && calls.rcs.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await advanceTo(phone, T0 + INFLIGHT_CHECK_MS);
    expect((await timers(phone)).find((t) => t.kind === 'inflight')?.due_at).toBe(T0 + 2 * INFLIGHT_CHECK_MS);
    release();
    const out = await sending;
    expect(out).toMatchObject({ ok: true, status: 'sent' });
    await advanceTo(phone, T0 + 2 * INFLIGHT_CHECK_MS);
    expect(calls.rcs).toHaveLength(1);
    expect((await timers(phone)).some((t) => t.kind === 'inflight')).toBe(false);
  });
});
