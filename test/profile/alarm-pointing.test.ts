// The Profile's one alarm is pointed at its earliest timer once per stretch of work, not once
// per timer change (worker/profile/core.ts, `scheduleAlarm` / `pointAlarm`): a send adds and
// removes several timers (the in-flight watch, receipts, the directory write) and used to move
// the alarm at each. It is still armed before the carrier is asked (the watch is for the object
// dying during that wait), always ends where the earliest timer is, and a timer stored without
// its alarm (an entry point cut short) gets it back from the first entry point after the object wakes.
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { profile, setClock, subscribe, text, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const T = TUESDAY_10H_PARIS;

/** Counts the alarm calls the object makes on its storage from now on. */
async function countAlarmCalls(phone: string): Promise<{ set: number[]; deleted: number }> {
  const calls = { set: [] as number[], deleted: 0 };
  await runInDurableObject(profile(phone), (_p: Profile, state) => {
    const storage = state.storage;
    const set = storage.setAlarm.bind(storage);
    const del = storage.deleteAlarm.bind(storage);
    Object.assign(storage, {
      setAlarm: (at: number | Date, opts?: DurableObjectSetAlarmOptions) => {
        calls.set.push(Number(at));
        return set(at, opts);
      },
      deleteAlarm: (opts?: DurableObjectSetAlarmOptions) => {
        calls.deleted++;
        return del(opts);
      },
    });
  });
  return calls;
}

/** Where the alarm is, and where the earliest timer (or pending directory write) says it should be. */
async function alarmAndEarliest(phone: string): Promise<{ alarm: number | null; earliest: number | null; now: number }> {
  return runInDurableObject(profile(phone), async (p: Profile, state) => ({
    alarm: await state.storage.getAlarm(),
    earliest: p.core.store.earliestTimer(),
    now: p.core.now(),
  }));
}

describe('the alarm', () => {
  it('is pointed twice for a send (before the carrier is asked, then once at the end), and ends at the earliest timer', async () => {
    const phone = uniquePhone('rcs');
    await subscribe(phone);
    await setClock(phone, T);
    const calls = await countAlarmCalls(phone);
    const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('New collection'), campaign_id: 'c-alarm' });
    expect(out).toMatchObject({ ok: true, status: 'sent', channel: 'rcs' });
    // Before: once for the watch, once when it was removed, once for the receipts, once for the
    // results, once at the end (five). Now: the watch, then the end.
    expect(calls.set.length + calls.deleted).toBe(2);
    const { alarm, earliest, now } = await alarmAndEarliest(phone);
    expect(earliest).not.toBeNull();
    // The test clock is frozen at T: the real alarm is the same distance ahead of the real clock.
    expect(alarm).not.toBeNull();
    expect(Math.abs((alarm as number) - Date.now() - ((earliest as number) - now))).toBeLessThan(5_000);
  });

  it('is not set again when it already points at the earliest timer', async () => {
    const phone = uniquePhone('sms');
    await subscribe(phone);
    // Real clock here: one timer an hour ahead, nothing sooner.
    const due = Date.now() + 3_600_000;
    await runInDurableObject(profile(phone), async (p: Profile) => {
      p.core.store.addTimer('release', due, { id: 'later' }, 'release:later');
      await p.core.scheduleAlarm();
    });
    const calls = await countAlarmCalls(phone);
    await runInDurableObject(profile(phone), async (p: Profile) => {
      await p.core.scheduleAlarm();
      await p.core.scheduleAlarm();
    });
    expect(calls).toEqual({ set: [], deleted: 0 });
    expect(await runInDurableObject(profile(phone), (_p: Profile, state) => state.storage.getAlarm())).toBe(due);
  });

  it('is armed again by the first entry point after the object wakes with a timer and no alarm (one cut short)', async () => {
    const phone = uniquePhone('sms');
    await subscribe(phone);
    await profile(phone).send(phone, { purpose: 'transactional', content: text('Your order shipped') });
    // A timer is stored and the alarm lost, as when the object dies between the two.
    await runInDurableObject(profile(phone), async (p: Profile, state) => {
      p.core.store.addTimer('release', Date.now() + 60_000, { id: 'nothing' }, 'release:cut-short');
      await state.storage.deleteAlarm();
    });
    expect(await runInDurableObject(profile(phone), (_p: Profile, state) => state.storage.getAlarm())).toBeNull();
    // The object is evicted: its next call builds a new instance, whose first entry point checks the alarm.
    await evictDurableObject(profile(phone));
    expect(await runInDurableObject(profile(phone), (_p: Profile, state) => state.storage.getAlarm())).toBeNull();
    await profile(phone).addNote(phone, 'called back', 'agent-1');
    const alarm = await runInDurableObject(profile(phone), (_p: Profile, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
  });
});
