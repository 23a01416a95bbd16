// track(): an order event is stored once per id (a repeat is reported duplicate and counted
// once), listed in recentEvents, and keeps the order-derived properties fresh (orders_count,
// total_spent, average_basket, last_order_at) in the profile and the D1 directory.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

describe('track()', () => {
  it('stores an order event once and updates the order-derived properties', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const first = {
      phone,
      name: 'order_placed',
      id: `ord-${phone}-1`,
      value: 120.5,
      time: '2026-03-09T18:00:00.000Z',
      properties: { order_id: 'A-1' },
    };
    expect(await profile(phone).track(first)).toEqual({ duplicate: false });
    expect(await profile(phone).track(first)).toEqual({ duplicate: true });
    expect(
      await profile(phone).track({
        phone,
        name: 'order_placed',
        id: `ord-${phone}-2`,
        value: 60,
        time: '2026-03-10T08:00:00.000Z',
        properties: { order_id: 'A-2' },
      }),
    ).toEqual({ duplicate: false });
    // Not an order: stored, but no order property moves.
    expect(await profile(phone).track({ phone, name: 'product_viewed', id: `view-${phone}`, time: '2026-03-10T08:30:00.000Z' })).toEqual({
      duplicate: false,
    });

    // Called on the instance: the RPC stub's type cannot express `properties: Record<string, unknown>`.
    const events = await runInDurableObject(profile(phone), (p: Profile) => p.recentEvents(phone));
    expect(events.map((e) => e.id)).toEqual([`view-${phone}`, `ord-${phone}-2`, `ord-${phone}-1`]);
    expect(events[2]).toMatchObject({
      name: 'order_placed',
      value: 120.5,
      time: '2026-03-09T18:00:00.000Z',
      properties: { order_id: 'A-1' },
    });

    const expected = { orders_count: 2, total_spent: 180.5, average_basket: 90.25, last_order_at: '2026-03-10T08:00:00.000Z' };
    expect((await profile(phone).get(phone))?.properties).toMatchObject(expected);
    const row = await env.DB.prepare('SELECT properties FROM profiles WHERE phone = ?').bind(phone).first<{ properties: string }>();
    expect(JSON.parse(row?.properties ?? '{}')).toMatchObject(expected);
  });
});
