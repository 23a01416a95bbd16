// The benchmark's routes and fixtures exist only when BENCH=1 (npm run bench), never otherwise:
// /bench/baseline and /bench/thread answer 404, and the Profile's bulk fill refuses. The bulk
// fill itself (run here directly, as BENCH=1 would) writes a thread the Profile pages normally.
import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fillThreadForBench } from '../../worker/profile/bench-fill';
import type { Profile } from '../../worker/profile.do';
import { uniquePhone } from '../profile/helpers';

describe('/bench/baseline', () => {
  it('answers 404 when the BENCH var is not "1"', async () => {
    const res = await exports.default.fetch('http://localhost/bench/baseline', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'x', phone: '+33612345678' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('/bench/thread', () => {
  it('answers 404 and writes no message when the BENCH var is not "1"', async () => {
    const phone = uniquePhone('rcs');
    const res = await exports.default.fetch('http://localhost/bench/thread', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone, count: 50 }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 10 });
    expect(page.messages).toEqual([]);
  });

  it('has a Profile bulk fill that refuses when the BENCH var is not "1"', async () => {
    const phone = uniquePhone('rcs');
    // Called inside the object: a rejection crossing RPC is reported as unhandled by the pool.
    await runInDurableObject(env.PROFILE.getByName(phone), async (p: Profile) => {
      await expect(p.fillForBench(phone, 10)).rejects.toThrow(/BENCH=1/);
    });
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 10 });
    expect(page.messages).toEqual([]);
  });

  it('bulk-fills a thread in chunks that the Profile pages newest first, with histories, ending on the customer', async () => {
    const phone = uniquePhone('rcs');
    const result = await runInDurableObject(env.PROFILE.getByName(phone), (p: Profile) =>
      fillThreadForBench(p.core, phone, 1203, Date.parse('2026-04-01T12:00:00Z')),
    );
    expect(result.messages).toBe(1203);
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 50 });
    expect(page.messages).toHaveLength(50);
    expect(page.next_cursor).not.toBeNull();
    const newest = page.messages[0]!;
    expect(newest.id).toBe(result.latest?.id);
    expect(newest).toMatchObject({ direction: 'in', kind: 'message', text: result.latest?.text });
    expect(newest.created_at < '2026-04-01T12:00:00.000Z').toBe(true);
    // Newest first, strictly by time; every message has its status history.
    const times = page.messages.map((m) => m.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.messages.every((m) => m.history.length > 0)).toBe(true);
    // A realistic mix: customer texts and taps, RCS cards and carousels, SMS, notes.
    const kinds = new Set(
      page.messages.map((m) => (m.direction === 'in' ? m.kind : m.kind === 'note' ? 'note' : `${m.channel}:${m.content?.type}`)),
    );
    expect([...kinds]).toEqual(expect.arrayContaining(['message', 'tap', 'note', 'rcs:text', 'rcs:card', 'rcs:carousel']));
    expect([...kinds].some((k) => String(k).startsWith('sms:'))).toBe(true);
    // Filling again to the same size adds nothing.
    const again = await runInDurableObject(env.PROFILE.getByName(phone), (p: Profile) =>
      fillThreadForBench(p.core, phone, 1203, Date.now()),
    );
    expect(again.messages).toBe(1203);
  });
});
