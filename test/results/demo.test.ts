// The demo's month of results (worker/results/demo.ts): the same on every fresh start, nothing
// in the future, valid source ids, and seeding twice writes nothing new.
import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SourceIdSchema } from '../../schemas/results';
import { sourceMetrics } from '../../worker/results';
import { DEMO_SOURCES, demoHistory, seedResultsHistory } from '../../worker/results/demo';

const NOW = Date.parse('2026-03-31T12:00:00Z');

describe('the demo results history', () => {
  it('is deterministic, in the past, and names valid sources', () => {
    const a = demoHistory(NOW);
    expect(demoHistory(NOW)).toEqual(a);
    expect(a.touches.length).toBeGreaterThan(5000);
    expect(a.orders.length).toBeGreaterThan(100);
    expect(a.touches.every((t) => t[5] <= NOW) && a.orders.every((o) => o[3] <= NOW)).toBe(true);
    for (const s of DEMO_SOURCES) expect(v.is(SourceIdSchema, s.id)).toBe(true);
  });

  it('gives every campaign of the demo clicks, orders and revenue, and a second seed changes nothing', async () => {
    const now = Date.now();
    const first = await seedResultsHistory(env, now);
    const before = await sourceMetrics(env, 'demo_spring_launch');
    await seedResultsHistory(env, now);
    expect(await sourceMetrics(env, 'demo_spring_launch')).toEqual(before);
    expect(before.sent).toBe(DEMO_SOURCES.find((s) => s.id === 'demo_spring_launch')?.recipients);
    expect(before.clicked).toBeGreaterThan(0);
    expect(before.conversions).toBeGreaterThan(0);
    expect(before.by_channel.rcs.revenue + before.by_channel.sms.revenue).toBeCloseTo(before.revenue, 2);
    expect(first.touches).toBeGreaterThan(0);
  });
});
