// The events mirror: an event recorded on a Profile object reaches the D1 directory with its
// next directory write and then shows in a segment; when that D1 write fails, the event keeps
// its durable mark and the alarm's retry writes it, so nothing recorded is lost. The row's
// order figures (count, total, average, first and last order) and country come along. A backlog
// longer than one write goes out over consecutive writes.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { SegmentDefinition } from '../../schemas/segments';
import type { Profile } from '../../worker/profile.do';
import { MIRROR_DELAY_MS } from '../../worker/profile/core';
import { EVENTS_PER_WRITE } from '../../worker/profile/directory';
import { segmentPage } from '../../worker/segments';
import { profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';

const viewed = (tag: string): SegmentDefinition => ({
  all: [{ event: 'Viewed Category', where: [{ field: 'properties.category', op: 'equals', value: tag }] }],
});
const members = async (d: SegmentDefinition) => (await segmentPage(env, d, null, 10, TUESDAY_10H_PARIS)).phones;

describe('the events mirror', () => {
  it('shows an event recorded on a Profile in a segment once the directory write ran', async () => {
    const phone = uniquePhone('sms');
    const tag = `cat-${crypto.randomUUID()}`;
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).track({
      phone,
      name: 'Viewed Category',
      id: `view-${tag}`,
      time: '2026-03-10T08:00:00.000Z',
      properties: { category: tag },
    });
    // Not an order: the write is coalesced behind a durable mark, due after the delay.
    expect(await runInDurableObject(profile(phone), (p: Profile) => p.core.store.directorySync()?.due_at)).toBe(
      TUESDAY_10H_PARIS + MIRROR_DELAY_MS,
    );
    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => expect(await members(viewed(tag))).toEqual([phone]));
    expect(await runInDurableObject(profile(phone), (p: Profile) => p.core.store.events.hasUnmirrored())).toBe(false);
  });

  it('keeps an order whose D1 write failed marked, and the alarm retry writes it with the order figures', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const failed = await runInDurableObject(profile(phone), async (p: Profile) => {
      const db = p.core.env.DB;
      const batch = db.batch;
      db.batch = async () => {
        throw new Error('D1 is unavailable');
      };
      try {
        await p.track({ phone, name: 'Placed Order', id: `ord-${phone}`, value: 180, time: '2026-03-09T12:00:00.000Z' });
      } finally {
        db.batch = batch;
      }
      return { pending: p.core.store.directorySync(), unmirrored: p.core.store.events.hasUnmirrored() };
    });
    expect(failed.unmirrored).toBe(true);
    expect(failed.pending?.due_at).toBe(TUESDAY_10H_PARIS + MIRROR_DELAY_MS);
    const inD1 = () => env.DB.prepare('SELECT name, value FROM profile_events WHERE phone = ?').bind(phone).all();
    expect((await inD1()).results).toEqual([]);

    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => expect((await inD1()).results).toEqual([{ name: 'Placed Order', value: 180 }]));
    const row = await env.DB.prepare(
      'SELECT country, orders_count, total_spent, average_order, first_order_at, last_order_at FROM profiles WHERE phone = ?',
    )
      .bind(phone)
      .first();
    expect(row).toEqual({
      country: 'FR',
      orders_count: 1,
      total_spent: 180,
      average_order: 180,
      first_order_at: '2026-03-09T12:00:00.000Z',
      last_order_at: '2026-03-09T12:00:00.000Z',
    });
    const bigSpenders: SegmentDefinition = {
      all: [
        { field: 'country', op: 'in', value: ['FR'] },
        { event: 'Placed Order', in_last_days: 7, sum: { op: 'at_least', value: 180 } },
      ],
    };
    expect(await members(bigSpenders)).toContain(phone);
    expect(
      await runInDurableObject(profile(phone), (p: Profile) => [p.core.store.events.hasUnmirrored(), p.core.store.directorySync()]),
    ).toEqual([false, null]);
  });
  it('writes a backlog longer than one write: the rest follows at once from the alarm, and no mark is left', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const total = EVENTS_PER_WRITE + 6;
    // Recorded while D1 refuses every write: all of them wait, marked.
    await runInDurableObject(profile(phone), async (p: Profile) => {
      const db = p.core.env.DB;
      const batch = db.batch;
      db.batch = async () => {
        throw new Error('D1 is unavailable');
      };
      try {
        for (let i = 0; i < total; i++) {
          await p.track({ phone, name: 'Viewed Product', id: `view-${i}`, time: '2026-03-10T08:00:00.000Z' });
        }
      } finally {
        db.batch = batch;
      }
    });
    const inD1 = async () =>
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM profile_events WHERE phone = ?').bind(phone).first<{ n: number }>())?.n;
    expect(await inD1()).toBe(0);
    // The first write takes one full batch and leaves the rest due at once: the object's own
    // alarm writes it, with nothing else calling it.
    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => expect(await inD1()).toBe(total), { timeout: 5000 });
    expect(
      await runInDurableObject(profile(phone), (p: Profile) => [p.core.store.events.hasUnmirrored(), p.core.store.directorySync()]),
    ).toEqual([false, null]);
  });
});
