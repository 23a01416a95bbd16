// The Inbox object unreachable for a while: every Profile still records each inbound message
// and tap (nothing lost), keeps the conversation changes the Inbox did not take, and sends them
// from its alarm once the Inbox answers again, so the conversation list, previews and unread
// counts end as if there had been no outage (compared with a twin customer who had none).
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { INBOX_RETRY_MS } from '../../worker/profile/core';
import { advanceTo, messages, profile, setClock, timers, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const T0 = TUESDAY_10H_PARIS;
const inbox = () => env.INBOX.getByName('main');
const run = crypto.randomUUID().slice(0, 8);

/** Switches the Profile's calls to the Inbox off (they throw, as an unreachable object's do) or on. */
async function inboxReachable(phone: string, up: boolean): Promise<void> {
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.fault = up
      ? null
      : (point) => {
          if (point === 'inbox') throw new Error('Inbox unreachable (injected)');
        };
  });
}

/** A customer conversation: two messages, a tap on the chip of our reply, a third message. */
async function conversation(phone: string, label: string): Promise<void> {
  await setClock(phone, T0);
  await profile(phone).upsert(phone, { first_name: `Outage${run}`, last_name: label }, 'test');
  const ev = (id: string, body: string) =>
    profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `${id}-${phone}`,
      at: new Date(T0).toISOString(),
      channel: 'rcs',
      text: body,
    });
  await ev('m1', 'Hello, where is my order?');
  const reply = await profile(phone).send(phone, {
    purpose: 'support',
    author: 'agent-1',
    content: { type: 'text', text: 'It left today', suggestions: [{ type: 'reply', text: 'Thanks' }] },
  });
  if (!reply.ok) throw new Error('send refused');
  await setClock(phone, T0 + 60_000);
  await ev('m2', 'Can I change the address?');
  await profile(phone).ingest({
    provider: 'sandbox',
    type: 'tap',
    phone,
    id: `t1-${phone}`,
    at: new Date(T0 + 60_000).toISOString(),
    channel: 'rcs',
    kind: 'reply',
    postback: `m.${reply.id}.0`,
    text: 'Thanks',
  });
  await ev('m3', 'It is 12 rue de la Paix');
}

const summary = async (phone: string) => {
  const row = await inbox().get(phone);
  if (!row) return null;
  const { phone: _p, name: _n, ...rest } = row;
  return rest;
};

describe('the Inbox unreachable for a while', () => {
  it('loses nothing: the Profiles record everything, and the Inbox catches up from their alarms', async () => {
    const [a, b, twin] = [uniquePhone('rcs'), uniquePhone('rcs'), uniquePhone('rcs')];
    await inboxReachable(a, false);
    await inboxReachable(b, false);
    await conversation(a, 'A');
    await conversation(b, 'B');
    await conversation(twin, 'Twin');

    // Down: every message and tap is in the Profile; the Inbox has never heard of them.
    for (const phone of [a, b]) {
      const kinds = (await messages(phone)).filter((m) => m.direction === 'in').map((m) => m.kind);
      expect(kinds.sort()).toEqual(['message', 'message', 'message', 'tap']);
      expect(await inbox().get(phone)).toBeNull();
      expect((await timers(phone)).map((t) => t.kind)).toContain('inbox_sync');
    }
    // Still down at the first retry: kept, retried again later.
    await advanceTo(a, T0 + 60_000 + INBOX_RETRY_MS);
    expect(await inbox().get(a)).toBeNull();
    expect((await timers(a)).map((t) => t.kind)).toContain('inbox_sync');

    // Back: the next alarm of each Profile sends what waited, in order.
    await inboxReachable(a, true);
    await inboxReachable(b, true);
    await advanceTo(a, T0 + 60_000 + 3 * INBOX_RETRY_MS);
    await advanceTo(b, T0 + 60_000 + 3 * INBOX_RETRY_MS);
    const expected = await summary(twin);
    expect(expected).toMatchObject({ unread: 3, status: 'open', preview: 'It is 12 rue de la Paix', last_direction: 'in' });
    expect(await summary(a)).toEqual(expected);
    expect(await summary(b)).toEqual(expected);

    const list = await inbox().list({ tab: 'all', userId: 'nobody', q: `outage${run}`, limit: 50 });
    expect(list.conversations.map((c) => c.phone).sort()).toEqual([a, b, twin].sort());
    expect(list.counts).toMatchObject({ all: 3, unassigned: 3 });

    // Caught up once: later alarms send nothing again (unread stays 3).
    await advanceTo(a, T0 + 3_600_000);
    expect(await summary(a)).toEqual(expected);
    expect((await timers(a)).some((t) => t.kind === 'inbox_sync')).toBe(false);
  });

  it('a change made after the Inbox is back waits behind the backlog: the newest message stays the preview', async () => {
    const phone = uniquePhone('sms');
    await inboxReachable(phone, false);
    await conversation(phone, 'Late');
    await inboxReachable(phone, true);
    // A new message arrives before the alarm: the backlog goes first, then this one.
    await setClock(phone, T0 + 120_000);
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `m4-${phone}`,
      at: new Date(T0 + 120_000).toISOString(),
      channel: 'sms',
      text: 'Any news?',
    });
    expect(await summary(phone)).toMatchObject({ unread: 4, preview: 'Any news?' });
    await advanceTo(phone, T0 + 3_600_000);
    expect(await summary(phone)).toMatchObject({ unread: 4, preview: 'Any news?' });
  });
});
