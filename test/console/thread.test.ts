// A conversation end to end through the real Profile object on the sandbox network: the
// customer writes, the conversation surfaces live, an agent reads, replies, leaves a note and
// records a consent change; a STOP makes the next reply a 422 with the human reason.
import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import type { ConsentLogEntry, ProfileView } from '../../schemas/profile';
import {
  ConversationDetailSchema,
  ConversationListSchema,
  MessagePageSchema,
  type ProfileEventView,
  ReplyAcceptedSchema,
} from '../../schemas/console-api';
import { inboxStub } from '../../worker/inbox.do';
import { BASE, api, signIn, uniquePhone, WsClient } from './helpers';
import { exports } from 'cloudflare:workers';

let n = 0;
async function customerSays(phone: string, text: string): Promise<void> {
  await env.PROFILE.getByName(phone).ingest({
    provider: 'sandbox',
    type: 'message',
    phone,
    id: `console-in-${Date.now()}-${n++}`,
    at: new Date().toISOString(),
    channel: 'sms',
    text,
  });
}

const thread = async (s: Awaited<ReturnType<typeof signIn>>, phone: string) =>
  (await (await api(s, `/api/conversations/${encodeURIComponent(phone)}/messages?limit=50`)).json<{ messages: MessageView[] }>()).messages;

describe('a customer conversation', () => {
  it('surfaces live when the customer writes, and the agent reads and replies', async () => {
    const agent = await signIn('agent');
    const res = await exports.default.fetch(`${BASE}/api/ws`, { headers: { upgrade: 'websocket', origin: BASE, cookie: agent.cookie } });
    const live = new WsClient(res.webSocket!);
    await live.next((m) => m.type === 'hello');
    const phone = uniquePhone();

    await customerSays(phone, 'Bonjour, où est ma commande ?');
    const surfaced = await live.next<{ conversation: ConversationSummary }>(
      (m) => m.type === 'conversation' && (m.conversation as { phone?: string }).phone === phone,
    );
    expect(surfaced.conversation).toMatchObject({
      status: 'open',
      unread: 1,
      last_direction: 'in',
      preview: expect.stringContaining('commande'),
    });

    expect((await api(agent, `/api/conversations/${encodeURIComponent(phone)}/read`, { method: 'POST' })).status).toBe(204);
    expect((await inboxStub(env).get(phone))!.unread).toBe(0);
    expect((await api(agent, `/api/conversations/${encodeURIComponent(phone)}/typing`, { method: 'POST' })).status).toBe(204);

    const reply = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/messages`, {
      method: 'POST',
      body: { content: { type: 'text', text: 'Elle part demain !' } },
    });
    expect(reply.status).toBe(202);
    const sent = await reply.json<{ id: string; status: string; channel: string }>();
    expect(sent).toMatchObject({ id: expect.any(String), channel: expect.stringMatching(/^(rcs|sms)$/) });
    const messages = await thread(agent, phone);
    expect(messages[0]).toMatchObject({ id: sent.id, direction: 'out', author: agent.user.id });
    expect(messages[1]).toMatchObject({ direction: 'in', text: 'Bonjour, où est ma commande ?' });
    // The live channel carried the reply to every console too.
    await live.next((m) => m.type === 'message' && m.phone === phone && (m.message as { id?: string }).id === sent.id);
    live.close();
  });

  it('refuses a reply after the customer sent STOP, with the reason, and sends nothing', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await customerSays(phone, 'Bonjour');
    await customerSays(phone, 'STOP');
    const before = (await thread(agent, phone)).length;
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/messages`, {
      method: 'POST',
      body: { content: { type: 'text', text: 'Une dernière offre ?' } },
    });
    expect(res.status).toBe(422);
    const body = await res.json<{ error: string; message: string }>();
    expect(body.error).toBe('outside_care_window');
    expect(body.message.length).toBeGreaterThan(10);
    expect(await thread(agent, phone)).toHaveLength(before);
  });

  it('validates a reply’s content and names the bad field', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await customerSays(phone, 'Hello');
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/messages`, {
      method: 'POST',
      body: { content: { type: 'text' } },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('content') });
  });

  it('keeps private notes in the thread, marked as notes and never sent', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await customerSays(phone, 'Hello');
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/notes`, {
      method: 'POST',
      body: { text: 'VIP, be nice' },
    });
    expect(res.status).toBe(201);
    const note = await res.json<MessageView>();
    expect(note).toMatchObject({ kind: 'note', text: 'VIP, be nice', author: agent.user.id });
    expect((await thread(agent, phone))[0]).toMatchObject({ id: note.id, kind: 'note' });
  });

  it('records an agent’s consent change with its reason and shows it in the profile panel', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await customerSays(phone, 'Je veux vos offres');
    await env.PROFILE.getByName(phone).track({
      phone,
      name: 'Viewed Product',
      properties: { sku: 'LAMP-1' },
      time: '2026-03-01T10:00:00.000Z',
    });
    await env.PROFILE.getByName(phone).track({
      phone,
      name: 'Placed Order',
      value: 89.5,
      properties: { order_id: 'A-1' },
      time: '2026-03-02T10:00:00.000Z',
    });
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/consent`, {
      method: 'POST',
      body: { purpose: 'marketing', status: 'subscribed', reason: 'Asked for offers in chat' },
    });
    expect(res.status).toBe(200);
    expect((await res.json<ProfileView>()).consent.marketing).toMatchObject({ status: 'subscribed' });
    const panel = await api(agent, `/api/conversations/${encodeURIComponent(phone)}`);
    expect(panel.status).toBe(200);
    const body = await panel.json<{
      conversation: ConversationSummary;
      profile: ProfileView;
      consent_log: ConsentLogEntry[];
      events: ProfileEventView[];
      labels: string[];
    }>();
    // Recent events, newest first, orders with their amount.
    expect(body.events.map((e) => [e.name, e.value, e.time])).toEqual([
      ['Placed Order', 89.5, '2026-03-02T10:00:00.000Z'],
      ['Viewed Product', null, '2026-03-01T10:00:00.000Z'],
    ]);
    expect(body.events[0]!.properties).toEqual({ order_id: 'A-1' });
    expect(body.conversation.phone).toBe(phone);
    expect(body.profile.phone).toBe(phone);
    expect(body.consent_log).toContainEqual(
      expect.objectContaining({
        purpose: 'marketing',
        status: 'subscribed',
        source: 'agent',
        text: 'Asked for offers in chat',
        actor: agent.user.id,
      }),
    );
    const missingReason = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/consent`, {
      method: 'POST',
      body: { purpose: 'marketing', status: 'unsubscribed', reason: '' },
    });
    expect(missingReason.status).toBe(400);
  });

  it('answers 404 for the panel of a customer nobody knows', async () => {
    const agent = await signIn('agent');
    expect((await api(agent, `/api/conversations/${encodeURIComponent(uniquePhone())}`)).status).toBe(404);
  });

  it('answers the list, the panel, the pages and a reply in the shapes the console parses', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    for (const text of ['Bonjour', 'Ma commande ?', 'Merci']) await customerSays(phone, text);
    const at = (path: string, init?: Parameters<typeof api>[2]) => api(agent, `/api/conversations${path}`, init);
    const p = `/${encodeURIComponent(phone)}`;

    const list = v.parse(ConversationListSchema, await (await at(`?q=${encodeURIComponent(phone)}`)).json());
    expect(list.conversations.map((c) => c.phone)).toEqual([phone]);
    const panel = v.parse(ConversationDetailSchema, await (await at(p)).json());
    expect(panel.profile.phone).toBe(phone);
    const first = v.parse(MessagePageSchema, await (await at(`${p}/messages?limit=2`)).json());
    expect(first.messages.map((m) => m.text)).toEqual(['Merci', 'Ma commande ?']);
    const older = v.parse(
      MessagePageSchema,
      await (await at(`${p}/messages?limit=2&cursor=${encodeURIComponent(first.next_cursor!)}`)).json(),
    );
    expect(older).toMatchObject({ messages: [{ text: 'Bonjour' }], next_cursor: null });
    const reply = await at(`${p}/messages`, { method: 'POST', body: { content: { type: 'text', text: 'Avec plaisir' } } });
    expect(reply.status).toBe(202);
    v.parse(ReplyAcceptedSchema, await reply.json());
  });

  it('names a message cursor it never returned, instead of an empty page', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await customerSays(phone, 'Bonjour');
    const res = await api(agent, `/api/conversations/${encodeURIComponent(phone)}/messages?cursor=nope`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', details: [{ path: 'cursor' }] });
  });
});
