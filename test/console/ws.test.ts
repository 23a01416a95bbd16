// The console's live channel: a WebSocket upgraded through the Worker's fetch with the session
// cookie, forwarded to the Inbox object (hibernation API), which broadcasts conversation,
// message and typing events and replays what a reconnecting console missed.
import { env, exports } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ServerEventSchema } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import { inboxStub } from '../../worker/inbox.do';
import { WS_SESSION_ENDED } from '../../schemas/console';
import { SESSION_IDLE_MS } from '../../worker/auth/session-check';
import { SESSION_RECHECK_MS } from '../../worker/inbox/sockets';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';

const sessionIdOf = async (cookie: string) => {
  const token = cookie.slice('sid='.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
};
import { api, BASE, loginRequest, sessionCookie, signIn, uniquePhone, WsClient, type Session } from './helpers';

async function connect(s: Session | null, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`${BASE}/api/ws`, {
    headers: { upgrade: 'websocket', origin: BASE, ...(s ? { cookie: s.cookie } : {}), ...headers },
  });
}

async function open(s: Session): Promise<{ client: WsClient; cursor: number }> {
  const res = await connect(s);
  expect(res.status).toBe(101);
  const client = new WsClient(res.webSocket!);
  const hello = await client.next<{ cursor: number }>((m) => m.type === 'hello');
  return { client, cursor: hello.cursor };
}

const activity = (phone: string, preview = 'Bonjour') =>
  inboxStub(env).conversationActivity({
    phone,
    name: 'Live',
    direction: 'in',
    channel: 'rcs',
    preview,
    at: new Date().toISOString(),
    kind: 'message',
  });

describe('the console WebSocket', () => {
  it('refuses an upgrade without a session', async () => {
    const res = await connect(null);
    expect(res.status).toBe(401);
    expect(res.webSocket).toBeNull();
  });

  it('refuses an upgrade from another site, even with the cookie', async () => {
    const s = await signIn('agent');
    const res = await connect(s, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('ignores identity headers a client tries to send', async () => {
    const marketer = await signIn('marketer');
    const res = await connect(marketer, { 'x-inbox-user-id': 'u_admin', 'x-inbox-user-role': 'admin' });
    expect(res.status).toBe(101);
    const client = new WsClient(res.webSocket!);
    await client.next((m) => m.type === 'hello');
    const sockets = await (await import('cloudflare:test')).runInDurableObject(inboxStub(env), (_i, state) =>
      state.getWebSockets(`user:${marketer.user.id}`).map((w) => {
        const { userId, role } = w.deserializeAttachment() as { userId: string; role: string };
        return { userId, role };
      }),
    );
    expect(sockets).toEqual([{ userId: marketer.user.id, role: 'marketer' }]);
    client.close();
  });

  it('says hello with the current cursor and answers ping with pong', async () => {
    const s = await signIn('agent');
    const { client, cursor } = await open(s);
    expect(cursor).toBeGreaterThanOrEqual(0);
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    client.close();
  });

  it('receives a conversation event after Profile activity', async () => {
    const s = await signIn('agent');
    const { client, cursor } = await open(s);
    const phone = uniquePhone();
    await activity(phone, 'Is my order shipped?');
    const event = await client.next<{ seq: number; conversation: { phone: string; preview: string; unread: number } }>(
      (m) => m.type === 'conversation' && (m.conversation as { phone?: string }).phone === phone,
    );
    expect(event.seq).toBeGreaterThan(cursor);
    expect(event.conversation).toMatchObject({ phone, preview: 'Is my order shipped?', unread: 1 });
    client.close();
  });

  it('reaches every connected console, marketers included, with assignment changes', async () => {
    const a = await signIn('agent');
    const m = await signIn('marketer');
    const [ca, cm] = [await open(a), await open(m)];
    const phone = uniquePhone();
    await activity(phone);
    await inboxStub(env).update(phone, { assignee: a.user.id });
    for (const { client } of [ca, cm]) {
      const event = await client.next<{ conversation: { assignee: string } }>(
        (e) =>
          e.type === 'conversation' &&
          (e.conversation as { phone?: string; assignee?: string }).phone === phone &&
          (e.conversation as { assignee?: string }).assignee === a.user.id,
      );
      expect(event.conversation.assignee).toBe(a.user.id);
      client.close();
    }
  });

  it('broadcasts thread messages and customer typing', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    const phone = uniquePhone();
    const message: MessageView = {
      id: crypto.randomUUID(),
      direction: 'in',
      channel: 'rcs',
      status: 'received',
      kind: 'tap',
      text: 'Track my parcel',
      postback: 'track',
      history: [],
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    };
    await inboxStub(env).threadEvent(phone, { type: 'typing', at: new Date().toISOString() });
    await inboxStub(env).threadEvent(phone, { type: 'message', message });
    const typing = await client.next((m) => m.type === 'typing' && m.phone === phone);
    const got = await client.next<{ seq: number; message: MessageView }>((m) => m.type === 'message' && m.phone === phone);
    expect(got.message).toEqual(message);
    expect(got.seq).toBeGreaterThan(typing.seq as number);
    client.close();
  });

  it('replays what a reconnecting console missed after its last seq', async () => {
    const s = await signIn('agent');
    const first = await open(s);
    first.client.close();
    const phone = uniquePhone();
    await activity(phone, 'first');
    await activity(phone, 'second');
    const { client } = await open(s);
    client.send({ type: 'resume', after: first.cursor });
    const missed = await client.next<{ seq: number; conversation: { preview: string } }>(
      (m) =>
        m.type === 'conversation' &&
        (m.conversation as { phone?: string; preview?: string }).phone === phone &&
        (m.conversation as { preview?: string }).preview === 'second',
    );
    const earlier = await client.next<{ seq: number }>(
      (m) =>
        m.type === 'conversation' &&
        (m.conversation as { phone?: string; preview?: string }).phone === phone &&
        (m.conversation as { preview?: string }).preview === 'first',
    );
    expect(earlier.seq).toBeGreaterThan(first.cursor);
    expect(missed.seq).toBeGreaterThan(earlier.seq);
    client.close();
  });

  it('ignores malformed client events and stays open', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    client.ws.send('not json');
    client.send({ type: 'resume', after: 'yesterday' });
    client.send({ type: 'launch' });
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    client.close();
  });

  it('pushes one profile event, valid for the console, when a customer opts out by keyword', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    const phone = uniquePhone();
    await env.PROFILE.getByName(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `stop-${phone}`,
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'STOP',
    });
    // Everything broadcast before the pong has arrived.
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    const events = client.received.filter(
      (m): m is { type: 'profile'; phone: string } =>
        (m as { type?: string; phone?: string }).type === 'profile' && (m as { phone?: string }).phone === phone,
    );
    expect(events).toHaveLength(1);
    const parsed = v.parse(ServerEventSchema, events[0]);
    if (parsed.type !== 'profile') throw new Error('not a profile event');
    expect(parsed.profile.consent).toMatchObject({ marketing: { status: 'unsubscribed' }, transactional: { status: 'unsubscribed' } });
    expect(parsed.consent_log.map((e) => [e.purpose, e.status, e.source, e.text])).toEqual([
      ['transactional', 'unsubscribed', 'keyword', 'STOP'],
      ['marketing', 'unsubscribed', 'keyword', 'STOP'],
    ]);
    // The console validates every event on receipt: all of this exchange passes its schema.
    expect(client.received.filter((m) => !v.safeParse(ServerEventSchema, m).success)).toEqual([]);
    client.close();
  });

  it('pushes one profile event when an agent records a consent change', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    const phone = uniquePhone();
    await activity(phone);
    const res = await api(s, `/api/conversations/${encodeURIComponent(phone)}/consent`, {
      method: 'POST',
      body: { purpose: 'marketing', status: 'subscribed', reason: 'asked in store' },
    });
    expect(res.status).toBe(200);
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    const events = client.received.filter((m) => (m as { type?: string }).type === 'profile' && (m as { phone?: string }).phone === phone);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      profile: { phone, consent: { marketing: { status: 'subscribed' } } },
      consent_log: [{ purpose: 'marketing', status: 'subscribed', source: 'agent', text: 'asked in store', actor: s.user.id }],
    });
    client.close();
  });

  it('carries what sms and webhooks added, kept by the console schema: a flagged message, then the customer-owned opt-out an agent records', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    const phone = uniquePhone();
    await env.PROFILE.getByName(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `asks-${phone}`,
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'ne m’envoyez plus rien',
      actor: 'simulator-user',
    });
    const asked = v.parse(ServerEventSchema, await client.next((m) => m.type === 'message' && (m as { phone?: string }).phone === phone));
    if (asked.type !== 'message') throw new Error('not a message event');
    // Parsed as the console parses it: fields its schema lacked would be dropped here.
    expect(asked.message).toMatchObject({ flagged: true, author: 'simulator-user' });

    const res = await api(s, `/api/conversations/${encodeURIComponent(phone)}/opt-out`, {
      method: 'POST',
      body: { message_id: asked.message.id },
    });
    expect(res.status).toBe(200);
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    const events = client.received.filter((m) => (m as { type?: string }).type === 'profile' && (m as { phone?: string }).phone === phone);
    expect(events).toHaveLength(1);
    const parsed = v.parse(ServerEventSchema, events[0]);
    if (parsed.type !== 'profile') throw new Error('not a profile event');
    expect(parsed.profile.consent).toMatchObject({
      marketing: { status: 'unsubscribed', opted_out_by_customer: true },
      transactional: { status: 'unsubscribed', opted_out_by_customer: true },
    });
    expect(parsed.consent_log.map((e) => [e.purpose, e.source, e.actor])).toEqual([
      ['transactional', 'agent', s.user.id],
      ['marketing', 'agent', s.user.id],
    ]);
    client.close();
  });
});

describe('a console socket whose session ends', () => {
  const closedWithin = (client: WsClient, ms = 3000) =>
    Promise.race([client.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);

  it('is closed with 4401 at sign-out, and another session of the same user keeps its socket', async () => {
    const first = await signIn('agent');
    const login = await loginRequest(first.user.email, first.user.password);
    const second: Session = { ...first, cookie: sessionCookie(login)!, csrf: (await login.json<{ csrf: string }>()).csrf };
    const a = await open(first);
    const b = await open(second);
    expect((await api(first, '/api/auth/logout', { method: 'POST' })).status).toBeLessThan(300);
    expect(await closedWithin(a.client)).toEqual({ code: WS_SESSION_ENDED, reason: 'session ended' });
    expect(await closedWithin(b.client, 300)).toBeNull();
    b.client.close();
  });

  it('is closed for every session of a user an admin disables', async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const { client } = await open(agent);
    const res = await api(admin, `/api/users/${agent.user.id}`, { method: 'PATCH', body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(await closedWithin(client)).toEqual({ code: WS_SESSION_ENDED, reason: 'session ended' });
  });

  // The agent left the console open and went home: the session's idle window passed with no
  // request. The Inbox's alarm checks open sockets' sessions again (here, one is past due).
  const checkedLongAgo = (userId: string) =>
    runInDurableObject(inboxStub(env), (_i, state) => {
      for (const w of state.getWebSockets(`user:${userId}`))
        w.serializeAttachment({ ...(w.deserializeAttachment() as object), checkedAt: Date.now() - SESSION_RECHECK_MS - 1 });
    });

  it.each([
    ['idle past the idle window', (now: number) => ({ last_seen_at: now - SESSION_IDLE_MS - 1000, expires_at: now + 3_600_000 })],
    ['past its absolute expiry', (now: number) => ({ last_seen_at: now, expires_at: now - 1000 })],
  ])('is closed with 4401 at its next check once the session is %s', async (_why, times) => {
    const s = await signIn('agent');
    const { client } = await open(s);
    expect(await runInDurableObject(inboxStub(env), (_i, state) => state.storage.getAlarm())).not.toBeNull();
    const t = times(Date.now());
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?')
      .bind(t.last_seen_at, t.expires_at, await sessionIdOf(s.cookie))
      .run();
    await checkedLongAgo(s.user.id);
    await runDurableObjectAlarm(inboxStub(env));
    expect(await closedWithin(client)).toEqual({ code: WS_SESSION_ENDED, reason: 'session expired' });
  });

  it('stays open through the check while the session is alive, and is checked again later', async () => {
    const s = await signIn('agent');
    const { client } = await open(s);
    await checkedLongAgo(s.user.id);
    await runDurableObjectAlarm(inboxStub(env));
    const [checked] = await runInDurableObject(inboxStub(env), (_i, state) =>
      state.getWebSockets(`user:${s.user.id}`).map((w) => (w.deserializeAttachment() as { checkedAt: number }).checkedAt),
    );
    expect(checked).toBeGreaterThan(Date.now() - 60_000);
    const alarm = await runInDurableObject(inboxStub(env), (_i, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(alarm).toBeLessThanOrEqual((checked ?? 0) + SESSION_RECHECK_MS);
    client.send({ type: 'ping' });
    await client.next((m) => m.type === 'pong');
    expect(await closedWithin(client, 200)).toBeNull();
    client.close();
  });
});
