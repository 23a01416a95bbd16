// The /api/conversations routes and their role rules: every signed-in role reads the inbox,
// agents and admins change it, marketers get 403 on every write. Conversations are created
// through the Inbox object's RPC, as a Profile object would.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../schemas/console';
import { inboxStub } from '../../worker/inbox.do';
import { api, signIn, unique, uniquePhone } from './helpers';

async function surface(phone: string, name: string, at = new Date().toISOString()) {
  await inboxStub(env).conversationActivity({ phone, name, direction: 'in', channel: 'rcs', preview: 'Bonjour', at, kind: 'message' });
}

interface Page {
  conversations: ConversationSummary[];
  next_cursor: string | null;
  counts: { mine: number; unassigned: number; all: number };
}

describe('GET /api/conversations', () => {
  it('lists, searches and paginates for any signed-in role, marketers included', async () => {
    const marketer = await signIn('marketer');
    const name = unique('Zed');
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const [i, phone] of phones.entries()) await surface(phone, `${name} ${i}`, new Date(Date.now() + i * 1000).toISOString());
    const first = await api(marketer, `/api/conversations?q=${encodeURIComponent(name.toLowerCase())}&limit=2`);
    expect(first.status).toBe(200);
    const page1 = await first.json<Page>();
    expect(page1.conversations.map((c) => c.phone)).toEqual([phones[2], phones[1]]);
    expect(page1.counts.all).toBe(3);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = await (
      await api(marketer, `/api/conversations?q=${encodeURIComponent(name)}&limit=2&cursor=${encodeURIComponent(page1.next_cursor!)}`)
    ).json<Page>();
    expect(page2.conversations.map((c) => c.phone)).toEqual([phones[0]]);
    expect(page2.next_cursor).toBeNull();
  });

  it('names the bad query parameter', async () => {
    const agent = await signIn('agent');
    const res = await api(agent, '/api/conversations?tab=everyone');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('tab') });
    const badCursor = await api(agent, '/api/conversations?cursor=nope');
    expect(badCursor.status).toBe(400);
    expect(await badCursor.json()).toMatchObject({ message: expect.stringContaining('cursor') });
    expect((await api(agent, '/api/conversations?limit=1000')).status).toBe(400);
  });

  it('refuses the list without a session', async () => {
    expect((await api(null, '/api/conversations')).status).toBe(401);
  });
});

describe('PATCH /api/conversations/:phone', () => {
  it('lets an agent assign, label and resolve, and puts it in their Mine tab', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    const label = unique('lbl');
    await surface(phone, unique('Client'));
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}`, {
      method: 'PATCH',
      body: { assignee: agent.user.id, labels: [label], status: 'resolved' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ phone, assignee: agent.user.id, labels: [label], status: 'resolved' });
    const mine = await (await api(agent, '/api/conversations?tab=mine')).json<Page>();
    expect(mine.conversations.map((c) => c.phone)).toEqual([phone]);
    expect(mine.counts.mine).toBe(1);
    // The new label joined the label list.
    const labels = await (await api(agent, '/api/labels')).json<{ name: string; color: string }[]>();
    expect(labels).toContainEqual({ name: label, color: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
    const byLabel = await (await api(agent, `/api/conversations?label=${label}`)).json<Page>();
    expect(byLabel.conversations.map((c) => c.phone)).toEqual([phone]);
  });

  it('snoozes until a time or until the customer replies', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await surface(phone, 'Snoozer');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const timed = await api(agent, `/api/conversations/${phone}`, { method: 'PATCH', body: { snooze: { until } } });
    expect(await timed.json()).toMatchObject({ status: 'snoozed', snoozed_until: until });
    const reply = await api(agent, `/api/conversations/${phone}`, { method: 'PATCH', body: { snooze: { until_reply: true } } });
    expect(await reply.json()).toMatchObject({ status: 'snoozed', snoozed_until: null });
    const past = await api(agent, `/api/conversations/${phone}`, { method: 'PATCH', body: { snooze: { until: '2020-01-01T00:00:00Z' } } });
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ message: expect.stringContaining('snooze.until') });
  });

  it('refuses an assignee who is not an active agent or admin, and changes nothing', async () => {
    const agent = await signIn('agent');
    const marketer = await signIn('marketer');
    const phone = uniquePhone();
    await surface(phone, 'Nobody');
    for (const assignee of ['u_does_not_exist', marketer.user.id]) {
      const res = await api(agent, `/api/conversations/${phone}`, { method: 'PATCH', body: { assignee, status: 'resolved' } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ message: expect.stringContaining('assignee') });
    }
    expect(await inboxStub(env).get(phone)).toMatchObject({ assignee: null, status: 'open' });
  });

  it('answers 404 for a conversation the inbox has never seen', async () => {
    const agent = await signIn('agent');
    const res = await api(agent, `/api/conversations/${uniquePhone()}`, { method: 'PATCH', body: { status: 'resolved' } });
    expect(res.status).toBe(404);
  });

  it('names an invalid phone in the path', async () => {
    const agent = await signIn('agent');
    const res = await api(agent, '/api/conversations/12345', { method: 'PATCH', body: { status: 'resolved' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('phone') });
  });
});

describe('a marketer', () => {
  it('cannot write to the inbox, and nothing changes', async () => {
    const marketer = await signIn('marketer');
    const phone = uniquePhone();
    await surface(phone, 'Read Only');
    const path = `/api/conversations/${encodeURIComponent(phone)}`;
    const writes: [string, string, unknown][] = [
      ['PATCH', path, { status: 'resolved' }],
      ['POST', `${path}/messages`, { content: { type: 'text', text: 'hi' } }],
      ['POST', `${path}/notes`, { text: 'note' }],
      ['POST', `${path}/read`, undefined],
      ['POST', `${path}/typing`, undefined],
      ['POST', `${path}/consent`, { purpose: 'marketing', status: 'unsubscribed', reason: 'asked by phone' }],
      ['POST', '/api/canned-responses', { shortcut: unique('s'), title: 'x', text: 'y' }],
      ['POST', '/api/labels', { name: unique('l') }],
    ];
    for (const [method, url, body] of writes) {
      const res = await api(marketer, url, { method, body });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await inboxStub(env).get(phone)).toMatchObject({ status: 'open', unread: 1 });
  });

  it('cannot reach the admin routes', async () => {
    const marketer = await signIn('marketer');
    for (const [method, url, body] of [
      ['GET', '/api/settings', undefined],
      ['PUT', '/api/settings', { brand_name: 'Hijack' }],
      ['GET', '/api/api-keys', undefined],
      ['POST', '/api/api-keys', { name: 'mine' }],
      ['POST', '/api/users', { email: 'x@test.example', name: 'X', role: 'admin', password: 'a long password' }],
    ] as const) {
      const res = await api(marketer, url, { method, body });
      expect(res.status, `${method} ${url}`).toBe(403);
    }
  });

  it('cannot reach the admin routes as an agent either', async () => {
    const agent = await signIn('agent');
    expect((await api(agent, '/api/settings')).status).toBe(403);
    expect((await api(agent, '/api/api-keys')).status).toBe(403);
  });
});

describe('settings and API keys', () => {
  it('lets an admin change the brand settings, naming a bad field', async () => {
    const admin = await signIn('admin');
    const bad = await api(admin, '/api/settings', { method: 'PUT', body: { color: 'red' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: expect.stringContaining('color') });
    const name = unique('Brand');
    const ok = await api(admin, '/api/settings', { method: 'PUT', body: { brand_name: name, color: '#112233' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ brand_name: name, color: '#112233' });
    const row = await env.DB.prepare("SELECT value FROM settings WHERE key = 'brand_color'").first<{ value: string }>();
    expect(row?.value).toBe('#112233');
  });

  it('lets an admin create an API key shown once, and revoke it', async () => {
    const admin = await signIn('admin');
    const created = await api(admin, '/api/api-keys', { method: 'POST', body: { name: 'Shopify' } });
    expect(created.status).toBe(201);
    const key = await created.json<{ id: string; key: string }>();
    expect(key.key).toMatch(/^rcs_/);
    const list = await (await api(admin, '/api/api-keys')).json<Record<string, unknown>[]>();
    const listed = list.find((k) => k.id === key.id);
    expect(listed).toMatchObject({ name: 'Shopify', revoked_at: null });
    expect(listed).not.toHaveProperty('key');
    expect((await api(admin, `/api/api-keys/${key.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(admin, `/api/api-keys/${key.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
