// The Profile's Inbox outbox: an inbound message queues its Inbox notification in the Profile's
// SQLite with the change (the webhook never waits for the Inbox), the alarm delivers the queue
// in order in one Inbox call and deletes it, and an Inbox failure keeps every row, backing off,
// until a later delivery succeeds. Later events of a burst make no setAlarm call.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../schemas/console';
import { inboxStub } from '../../worker/inbox.do';
import type { Profile } from '../../worker/profile.do';
import { profile, runProfileAlarm, setClock, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const inbound = (phone: string, id: string, text: string) => ({
  provider: 'sandbox' as const,
  type: 'message' as const,
  phone,
  id,
  at: new Date().toISOString(),
  channel: 'sms' as const,
  text,
});

/** Replaces the object's INBOX binding with one whose every call fails (or restores it). */
function breakInbox(p: Profile, broken: boolean): void {
  const failing = { getByName: () => ({ deliver: async () => Promise.reject(new Error('inbox down')) }) };
  Object.defineProperty(p.core, 'env', { value: broken ? { ...env, INBOX: failing } : env, configurable: true, writable: false });
}

const outbox = (p: Profile) =>
  p.core.store.sql.exec<{ seq: number; payload: string; due_at: number; attempts: number }>('SELECT * FROM inbox_outbox ORDER BY seq').toArray();

describe('the Inbox outbox', () => {
  it('queues the notification with the inbound message and sets the alarm only for the first event of a burst', async () => {
    const phone = uniquePhone('sms');
    const result = await runInDurableObject(profile(phone), async (p: Profile, state) => {
      breakInbox(p, true);
      let setAlarms = 0;
      const storage = state.storage;
      const real = storage.setAlarm.bind(storage);
      storage.setAlarm = async (...args: Parameters<typeof storage.setAlarm>) => {
        setAlarms += 1;
        return real(...args);
      };
      try {
        await p.ingest(inbound(phone, 'burst-1', 'one'));
        await p.ingest(inbound(phone, 'burst-2', 'two'));
        await p.ingest(inbound(phone, 'burst-3', 'three'));
      } finally {
        storage.setAlarm = real;
      }
      const rows = outbox(p).map((r) => JSON.parse(r.payload) as { type: string; activity?: { preview: string } });
      breakInbox(p, false);
      return { setAlarms, rows, alarm: await state.storage.getAlarm() };
    });
    expect(result.rows.map((r) => [r.type, r.activity?.preview])).toEqual([
      ['conversation', 'one'],
      ['conversation', 'two'],
      ['conversation', 'three'],
    ]);
    // The first event: the outbox makes the alarm due now, and the new directory mark re-points
    // it (still now). The next two add no call: the alarm is already due.
    expect(result.setAlarms).toBeLessThanOrEqual(2);
    await runProfileAlarm(phone);
    expect(await runInDurableObject(profile(phone), (p: Profile) => outbox(p))).toEqual([]);
    expect(await inboxStub(env).get(phone)).toMatchObject({ phone, preview: 'three', unread: 3 });
  });

  it('keeps every row while the Inbox fails, backing off, then delivers them in order', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const cursor = await inboxStub(env).cursor();
    const failed = await runInDurableObject(profile(phone), async (p: Profile) => {
      breakInbox(p, true);
      await p.ingest({ ...inbound(phone, 'retry-1', 'Is it in stock?'), channel: 'rcs' });
      const delivered = await p.core.flushInbox();
      const afterFailure = outbox(p);
      // A notification written while backing off waits with the others (order, no hammering).
      await p.ingest({ ...inbound(phone, 'retry-2', 'Size 38?'), channel: 'rcs' });
      const queued = outbox(p);
      breakInbox(p, false);
      return { delivered, afterFailure, queued };
    });
    expect(failed.delivered).toBe(false);
    expect(failed.afterFailure).toHaveLength(1);
    expect(failed.afterFailure[0]).toMatchObject({ attempts: 1, due_at: TUESDAY_10H_PARIS + 1000 });
    expect(failed.queued.map((r) => r.due_at)).toEqual([TUESDAY_10H_PARIS + 1000, TUESDAY_10H_PARIS + 1000]);

    await runProfileAlarm(phone);
    expect(await runInDurableObject(profile(phone), (p: Profile) => outbox(p))).toEqual([]);
    const all: ServerEvent[] = (await inboxStub(env).eventsAfter(cursor)) ?? [];
    const mine = all.filter((e) => (e.type === 'conversation' && e.conversation.phone === phone) || (e.type === 'message' && e.phone === phone));
    expect(mine.map((e) => (e.type === 'message' ? `message:${e.message.text}` : 'conversation'))).toEqual([
      'conversation',
      'message:Is it in stock?',
      'conversation',
      'message:Size 38?',
    ]);
  });
});
