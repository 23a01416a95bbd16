// /api/results: the dashboard's last N days and a source's report (+ its days), read by
// marketers, admins and agents; the window parameters compare attribution side by side.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview, SourceReport, Timeseries } from '../../schemas/results';
import { api, type Session, signIn } from '../console/helpers';
import { HOUR, order, touch, uniqueNumber, uniqueSource } from './helpers';

let marketer: Session;
let agent: Session;
let admin: Session;
const source = uniqueSource();
const phone = uniqueNumber();
const now = Date.now();

beforeAll(async () => {
  [marketer, agent, admin] = await Promise.all([signIn('marketer'), signIn('agent'), signIn('admin')]);
  const m1 = `m-${crypto.randomUUID()}`;
  const m2 = `m-${crypto.randomUUID()}`;
  await touch(source, m1, phone, 'sent', now - 80 * HOUR);
  await touch(source, m1, phone, 'delivered', now - 80 * HOUR);
  await touch(source, m1, phone, 'read', now - 79 * HOUR);
  await touch(source, m1, phone, 'tapped', now - 78 * HOUR);
  await touch(source, m2, phone, 'sent', now - 3 * HOUR, 'sms');
  await touch(source, m2, phone, 'delivered', now - 3 * HOUR, 'sms');
  // 76 h after the tap: inside the 5-day click window, outside a 3-day one.
  await order(`o-${crypto.randomUUID()}`, phone, 120, now - 2 * HOUR);
});

describe('GET /api/results/:sourceId', () => {
  it('answers the funnel, channels and revenue to marketers, admins and agents', async () => {
    for (const s of [marketer, admin, agent]) {
      const res = await api(s, `/api/results/${source}`);
      expect(res.status).toBe(200);
      const body = await res.json<SourceReport>();
      expect(body.windows).toEqual({ click_hours: 120, read_hours: 24, delivery_hours: 12 });
      expect(body.metrics).toMatchObject({ sent: 2, delivered: 2, read: 1, clicked: 1, conversions: 1, revenue: 120 });
      expect(body.metrics.by_channel.rcs).toMatchObject({ sent: 1, clicked: 1, conversions: 1, revenue: 120 });
      expect(body.metrics.by_channel.sms).toMatchObject({ sent: 1, delivered: 1, conversions: 0 });
      expect(body.compare).toBeUndefined();
    }
  });

  it('compares another click window side by side (?click_window=3d)', async () => {
    const body = await (await api(marketer, `/api/results/${source}?click_window=3d`)).json<SourceReport>();
    expect(body.metrics.revenue).toBe(120);
    // With 3 days the tap is too old: the SMS delivered 1 h before the order earns it instead.
    expect(body.compare).toEqual({ windows: { click_hours: 72, read_hours: 24, delivery_hours: 12 }, conversions: 1, revenue: 120 });
    const off = await (await api(marketer, `/api/results/${source}?click_window=3d&delivery_window=0h`)).json<SourceReport>();
    expect(off.compare).toMatchObject({ conversions: 0, revenue: 0 });
  });

  it('gives the outcomes per day', async () => {
    const body = await (await api(marketer, `/api/results/${source}/timeseries`)).json<Timeseries>();
    const total = (k: 'sent' | 'clicked' | 'revenue') => body.days.reduce((n, d) => n + d.rcs[k] + d.sms[k], 0);
    expect([total('sent'), total('clicked'), total('revenue')]).toEqual([2, 1, 120]);
    expect(body.days.map((d) => d.day)).toEqual([...body.days.map((d) => d.day)].sort());
  });

  it('refuses a bad window or source id with 400 naming it, and anyone signed out with 401', async () => {
    const bad = await api(marketer, `/api/results/${source}?click_window=5weeks`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/^click_window: /) });
    const big = await api(marketer, `/api/results/${source}?read_window=31d`);
    expect(big.status).toBe(400);
    const id = await api(marketer, `/api/results/${encodeURIComponent('bad id!')}`);
    expect(id.status).toBe(400);
    expect((await id.json<{ message: string }>()).message).toMatch(/^sourceId: /);
    expect((await api(null, `/api/results/${source}`)).status).toBe(401);
    expect((await api(null, '/api/results/overview')).status).toBe(401);
  });
});

describe('GET /api/results/overview', () => {
  it('sums the last N days across sources, by channel, with the sources ranked', async () => {
    const res = await api(marketer, '/api/results/overview?days=30');
    expect(res.status).toBe(200);
    const body = await res.json<Overview>();
    expect(body.days).toBe(30);
    expect(body.totals.sent).toBeGreaterThanOrEqual(2);
    expect(body.totals.by_channel.rcs.revenue).toBeGreaterThanOrEqual(120);
    expect(body.sources.find((s) => s.source_id === source)).toEqual({
      source_id: source,
      sent: 2,
      clicked: 1,
      conversions: 1,
      revenue: 120,
    });
    // Every day of the period, gaps included, so the charts' time axis is true.
    expect(body.series).toHaveLength(30);
    expect(body.currency).toBe('EUR');
  });

  it('refuses days out of range with 400 naming days', async () => {
    for (const days of ['0', '400', 'abc']) {
      const res = await api(admin, `/api/results/overview?days=${days}`);
      expect(res.status).toBe(400);
      expect((await res.json<{ message: string }>()).message).toMatch(/^days: /);
    }
  });
});
