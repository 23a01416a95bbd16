// Last-touch attribution, computed when read (worker/results/attribution.ts): which message an
// order goes to, each window's edges, two sources, each order once, and a changed window.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { recipientResults, sourceMetrics } from '../../worker/results';
import { forgetSettings, writeSettings } from '../../worker/settings';
import { HOUR, order, T0, touch, uniqueNumber, uniqueSource, WINDOWS } from './helpers';

const id = (p: string) => `${p}-${crypto.randomUUID()}`;

describe('attribution', () => {
  it('gives the order to the clicked message over a later delivered one (click beats delivery)', async () => {
    const a = uniqueSource();
    const b = uniqueSource();
    const phone = uniqueNumber();
    const ma = id('m');
    const mb = id('m');
    await touch(a, ma, phone, 'delivered', T0 - 48 * HOUR);
    await touch(a, ma, phone, 'clicked', T0 - 47 * HOUR, 'sms');
    await touch(b, mb, phone, 'delivered', T0 - 1 * HOUR);
    await order(id('o'), phone, 80, T0);
    const [ra, rb] = await Promise.all([sourceMetrics(env, a, WINDOWS), sourceMetrics(env, b, WINDOWS)]);
    expect([ra.conversions, ra.revenue, ra.by_channel.sms.revenue]).toEqual([1, 80, 80]);
    expect([rb.conversions, rb.revenue]).toEqual([0, 0]);
  });

  it('takes the last clicked message when two campaigns were clicked', async () => {
    const a = uniqueSource();
    const b = uniqueSource();
    const phone = uniqueNumber();
    await touch(a, id('m'), phone, 'tapped', T0 - 30 * HOUR);
    await touch(b, id('m'), phone, 'clicked', T0 - 2 * HOUR, 'sms');
    await order(id('o'), phone, 50, T0);
    expect((await sourceMetrics(env, a, WINDOWS)).conversions).toBe(0);
    expect((await sourceMetrics(env, b, WINDOWS)).revenue).toBe(50);
  });

  it('falls back to an RCS read within a day, then to a delivery within 12 hours', async () => {
    const read = uniqueSource();
    const delivered = uniqueSource();
    const p1 = uniqueNumber();
    const p2 = uniqueNumber();
    // p1: read 20 h before (within a day) beats a delivery 1 h before.
    await touch(read, id('m'), p1, 'read', T0 - 20 * HOUR);
    await touch(delivered, id('m'), p1, 'delivered', T0 - 1 * HOUR);
    await order(id('o'), p1, 30, T0);
    // p2: only a delivery 11 h before.
    await touch(delivered, id('m'), p2, 'delivered', T0 - 11 * HOUR);
    await order(id('o'), p2, 20, T0);
    expect((await sourceMetrics(env, read, WINDOWS)).revenue).toBe(30);
    expect((await sourceMetrics(env, delivered, WINDOWS)).revenue).toBe(20);
  });

  it('counts a touch exactly at a window edge and not one millisecond before it, for each window', async () => {
    const cases = [
      { kind: 'clicked', hours: 120 },
      { kind: 'read', hours: 24 },
      { kind: 'delivered', hours: 12 },
    ] as const;
    for (const { kind, hours } of cases) {
      const inside = uniqueSource();
      const outside = uniqueSource();
      const pIn = uniqueNumber();
      const pOut = uniqueNumber();
      await touch(inside, id('m'), pIn, kind, T0 - hours * HOUR);
      await order(id('o'), pIn, 10, T0);
      await touch(outside, id('m'), pOut, kind, T0 - hours * HOUR - 1);
      await order(id('o'), pOut, 10, T0);
      expect((await sourceMetrics(env, inside, WINDOWS)).conversions, `${kind} at the edge`).toBe(1);
      expect((await sourceMetrics(env, outside, WINDOWS)).conversions, `${kind} 1 ms outside`).toBe(0);
    }
  });

  it('never attributes an order to a message touched after it, nor an SMS "read"', async () => {
    const s = uniqueSource();
    const phone = uniqueNumber();
    await touch(s, id('m'), phone, 'clicked', T0 + 1, 'sms');
    await touch(s, id('m'), phone, 'read', T0 - HOUR, 'sms');
    await order(id('o'), phone, 10, T0);
    expect((await sourceMetrics(env, s, WINDOWS)).conversions).toBe(0);
  });

  it('counts each order once, however many messages of the source touched it', async () => {
    const s = uniqueSource();
    const phone = uniqueNumber();
    const m1 = id('m');
    const m2 = id('m');
    await touch(s, m1, phone, 'delivered', T0 - 3 * HOUR);
    await touch(s, m1, phone, 'read', T0 - 3 * HOUR);
    await touch(s, m2, phone, 'delivered', T0 - 2 * HOUR);
    await touch(s, m2, phone, 'tapped', T0 - 2 * HOUR);
    await order(id('o'), phone, 99.9, T0);
    const r = await sourceMetrics(env, s, WINDOWS);
    expect([r.conversions, r.revenue, r.clicked, r.delivered, r.read]).toEqual([1, 99.9, 1, 2, 1]);
  });

  it('re-reads history with a changed window (settings), and a window of 0 turns its rule off', async () => {
    const s = uniqueSource();
    const phone = uniqueNumber();
    await touch(s, id('m'), phone, 'clicked', T0 - 72 * HOUR, 'sms');
    await order(id('o'), phone, 40, T0);
    try {
      expect((await sourceMetrics(env, s)).revenue).toBe(40);
      await writeSettings(env, { attribution_click_hours: 48 });
      expect((await sourceMetrics(env, s)).revenue).toBe(0);
      await writeSettings(env, { attribution_click_hours: 96 });
      expect((await sourceMetrics(env, s)).revenue).toBe(40);
      expect((await sourceMetrics(env, s, { ...WINDOWS, click_hours: 0 })).revenue).toBe(0);
    } finally {
      await writeSettings(env, { attribution_click_hours: 120 });
      forgetSettings();
    }
  });

  it('gives each recipient their first click and their attributed revenue', async () => {
    const s = uniqueSource();
    const p1 = uniqueNumber();
    const p2 = uniqueNumber();
    const p3 = uniqueNumber();
    const m1 = id('m');
    await touch(s, m1, p1, 'tapped', T0 - 5 * HOUR);
    await touch(s, m1, p1, 'clicked', T0 - 4 * HOUR, 'sms');
    await order(id('o'), p1, 25, T0);
    await order(id('o'), p1, 5, T0 + HOUR);
    await touch(s, id('m'), p2, 'delivered', T0 - HOUR);
    const r = await recipientResults(env, s, [p1, p2, p3], WINDOWS);
    expect(r.get(p1)).toEqual({ clicked_at: new Date(T0 - 5 * HOUR).toISOString(), revenue: 30 });
    expect(r.get(p2)).toBeUndefined();
    expect(r.has(p3)).toBe(false);
  });
});
