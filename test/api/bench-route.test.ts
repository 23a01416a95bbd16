// The benchmark's routes, yardstick object and fixture fills are part of the bench build only
// (worker/bench/index.ts, `[env.bench]`): the production Worker answers 404 on /bench/* and its
// Profile has no fill method. The bench pieces themselves are exercised here directly.
import { createExecutionContext, runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import benchWorker from '../../worker/bench/index';
import { fillThreadForBench } from '../../worker/bench/thread-fill';
import type { Profile } from '../../worker/profile.do';
import { uniquePhone } from '../profile/helpers';

describe('the production build', () => {
  it('answers 404 on /bench/baseline', async () => {
    const res = await exports.default.fetch('http://localhost/bench/baseline', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'x', phone: '+33612345678' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers 404 on /bench/thread and writes no message', async () => {
    const phone = uniquePhone('rcs');
    const res = await exports.default.fetch('http://localhost/bench/thread', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone, count: 50 }),
    });
    expect(res.status).toBe(404);
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 10 });
    expect(page.messages).toEqual([]);
  });

  it('has no Profile fill method', async () => {
    const phone = uniquePhone('rcs');
    await runInDurableObject(env.PROFILE.getByName(phone), (p: Profile) => {
      expect('fillForBench' in p).toBe(false);
    });
  });
});

describe('the bench build', () => {
  it('replays signed callbacks in-process through the production Worker', async () => {
    const phone = uniquePhone('rcs');
    const body = JSON.stringify({ id: `inproc-${phone}`, phone, type: 'message', text: 'Bonjour', channel: 'rcs' });
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(env.SANDBOX_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const signature = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)))));
    const res = await benchWorker.fetch(
      new Request('http://localhost/bench/in-process', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          concurrency: 2,
          requests: [
            { path: '/webhooks/sandbox', headers: { 'Content-Type': 'application/json', 'X-Sandbox-Signature': signature }, body },
          ],
        }),
      }),
      // The test Worker's bindings: the in-process route needs only the production ones.
      env as Parameters<typeof benchWorker.fetch>[1],
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: 1, failed: 0 });
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 10 });
    expect(page.messages.map((m) => m.text)).toEqual(['Bonjour']);
  });

  it('bulk-fills a thread in chunks that the Profile pages newest first, with histories, ending on the customer', async () => {
    const phone = uniquePhone('rcs');
    const result = await runInDurableObject(env.PROFILE.getByName(phone), (p: Profile) =>
      fillThreadForBench(p.core.store, phone, 1203, Date.parse('2026-04-01T12:00:00Z')),
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
      fillThreadForBench(p.core.store, phone, 1203, Date.now()),
    );
    expect(again.messages).toBe(1203);
  });
});
