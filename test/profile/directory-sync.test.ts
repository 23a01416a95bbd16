// The D1 directory row (`profiles`) off the ingest hot path: an inbound event leaves a durable
// "directory behind" mark in the Profile's SQLite, bursts coalesce into one mark, the alarm
// writes the row and clears the mark, and a failed write stays marked for a retry. Also: the
// Inbox hears about an inbound message as the conversation row, then the message.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../schemas/console';
import { inboxStub } from '../../worker/inbox.do';
import type { Profile } from '../../worker/profile.do';
import { MIRROR_DELAY_MS } from '../../worker/profile/core';
import { profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const inbound = (phone: string, id: string, text: string) => ({
  provider: 'sandbox' as const,
  type: 'message' as const,
  phone,
  id,
  at: new Date().toISOString(),
  channel: 'sms' as const,
  text,
});

describe('the directory mirror', () => {
  it('coalesces a burst of changes into one pending mark due after the delay', async () => {
    const phone = uniquePhone('sms');
    const marks = await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.store.ensureProfile(phone);
      const first = p.core.store.markDirectoryDirty(TUESDAY_10H_PARIS + MIRROR_DELAY_MS);
      const second = p.core.store.markDirectoryDirty(TUESDAY_10H_PARIS + 5 * MIRROR_DELAY_MS);
      return { first, second, pending: p.core.store.directorySync(), earliest: p.core.store.earliestTimer() };
    });
    // One mark, due after the first change's delay: the second change needed no write (no
    // directory write was in flight, so the pending one will read it).
    expect(marks).toEqual({
      first: true,
      second: false,
      pending: { due_at: TUESDAY_10H_PARIS + MIRROR_DELAY_MS, gen: 1 },
      earliest: TUESDAY_10H_PARIS + MIRROR_DELAY_MS,
    });
  });

  it('keeps the mark when a change lands while the directory write is in flight', async () => {
    const phone = uniquePhone('sms');
    const after = await runInDurableObject(profile(phone), (p: Profile) => {
      const store = p.core.store;
      store.ensureProfile(phone);
      store.markDirectoryDirty(TUESDAY_10H_PARIS + MIRROR_DELAY_MS);
      store.markDirectoryDirty(TUESDAY_10H_PARIS + MIRROR_DELAY_MS);
      // The alarm's write reads the mark, then a change arrives before it finishes.
      const writing = store.directorySync();
      store.markDirectoryDirty(TUESDAY_10H_PARIS + 2 * MIRROR_DELAY_MS);
      store.clearDirectorySync(writing?.gen ?? 0);
      const kept = store.directorySync();
      // Once that second write is done with nothing new, the mark goes.
      store.clearDirectorySync(kept?.gen ?? 0);
      return { writing, kept, cleared: store.directorySync() };
    });
    expect(after.writing?.gen).toBe(1);
    expect(after.kept?.gen).toBeGreaterThan(1);
    expect(after.cleared).toBeNull();
  });

  it('writes the row of an inbound customer from the alarm and clears the mark', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await profile(phone).ingest(inbound(phone, 'dir-1', 'Bonjour'))).toEqual({ duplicate: false, keyword: null });
    expect(await profile(phone).ingest(inbound(phone, 'dir-2', 'Is it in stock?'))).toEqual({ duplicate: false, keyword: null });
    // The alarm is due about a second later; run it now (false if it already ran by itself).
    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => {
      const row = await env.DB.prepare('SELECT phone, last_activity, marketing FROM profiles WHERE phone = ?').bind(phone).first();
      expect(row).toEqual({ phone, last_activity: new Date(TUESDAY_10H_PARIS).toISOString(), marketing: 'never' });
    });
    expect(await runInDurableObject(profile(phone), (p: Profile) => p.core.store.directorySync())).toBeNull();
  });

  it('keeps the mark and retries later when the D1 write fails', async () => {
    const phone = uniquePhone('sms');
    const pending = await runInDurableObject(profile(phone), async (p: Profile) => {
      p.core.now = () => TUESDAY_10H_PARIS;
      p.core.store.ensureProfile(phone);
      p.core.store.markDirectoryDirty(TUESDAY_10H_PARIS + MIRROR_DELAY_MS);
      const real = p.core.mirror.bind(p.core);
      p.core.mirror = async () => false;
      await p.core.flushDirectory();
      const after = p.core.store.directorySync();
      p.core.mirror = real;
      await p.core.flushDirectory();
      return { after, retried: p.core.store.directorySync() };
    });
    expect(pending.after?.due_at).toBe(TUESDAY_10H_PARIS + 30_000);
    expect(pending.retried).toBeNull();
    const row = await env.DB.prepare('SELECT phone FROM profiles WHERE phone = ?').bind(phone).first();
    expect(row).toEqual({ phone });
  });
});

describe('the inbox', () => {
  it('receives an inbound message as the conversation row followed by its message', async () => {
    const phone = uniquePhone('rcs');
    const cursor = await inboxStub(env).cursor();
    await profile(phone).ingest({ ...inbound(phone, 'inbox-1', 'Where is my parcel?'), channel: 'rcs' });
    const all: ServerEvent[] = (await inboxStub(env).eventsAfter(cursor)) ?? [];
    const events = all.filter(
      (e) => (e.type === 'conversation' && e.conversation.phone === phone) || (e.type === 'message' && e.phone === phone),
    );
    expect(events.map((e) => e.type)).toEqual(['conversation', 'message']);
    expect(events[1]).toMatchObject({ type: 'message', message: { direction: 'in', text: 'Where is my parcel?' } });
  });
});
