// The console's consent rules: an agent cannot undo the customer's own opt-out (409 with the
// reason), and can record a customer's sentence ("ne m'envoyez plus rien") as their opt-out in
// one click: the same one confirmation a STOP gets, logged as the agent's with the customer's
// words, and from then on only the customer can undo it. Marketers cannot.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../schemas/messages';
import type { ConsentLogEntry, ProfileView } from '../../schemas/profile';
import { inboxStub } from '../../worker/inbox.do';
import { api, signIn, uniquePhone, type Session } from './helpers';

let n = 0;
async function customerSays(phone: string, text: string): Promise<void> {
  await env.PROFILE.getByName(phone).ingest({
    provider: 'sandbox',
    type: 'message',
    phone,
    id: `opt-out-in-${Date.now()}-${n++}`,
    at: new Date().toISOString(),
    channel: 'sms',
    text,
  });
}

async function subscribed(phone: string): Promise<void> {
  await env.PROFILE.getByName(phone).upsert(
    phone,
    { first_name: 'Léa', locale: 'fr', consent: { marketing: 'subscribed', transactional: 'subscribed', source: 'checkout' } },
    'test',
  );
}

const path = (phone: string, rest = '') => `/api/conversations/${encodeURIComponent(phone)}${rest}`;
const thread = async (s: Session, phone: string) =>
  (await (await api(s, path(phone, '/messages?limit=50'))).json<{ messages: MessageView[] }>()).messages;
const consentLog = (phone: string) => env.PROFILE.getByName(phone).consentLog(phone);
const agentConsent = (s: Session, phone: string, status: 'subscribed' | 'unsubscribed') =>
  api(s, path(phone, '/consent'), { method: 'POST', body: { purpose: 'marketing', status, reason: 'Customer asked on the phone' } });

describe('POST /api/conversations/:phone/consent after the customer opted out', () => {
  it('refuses to re-subscribe with 409 and the reason, and records nothing', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'STOP');
    const before = await consentLog(phone);
    const res = await agentConsent(agent, phone, 'subscribed');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'opted_out_by_customer',
      message: expect.stringContaining('by texting START or by confirming a signup they started'),
      details: [{ path: 'status', message: 'opted out by the customer' }],
    });
    expect(await consentLog(phone)).toEqual(before);
  });

  it('lets an agent undo an opt-out an agent recorded on their own', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    expect((await agentConsent(agent, phone, 'unsubscribed')).status).toBe(200);
    const res = await agentConsent(agent, phone, 'subscribed');
    expect(res.status).toBe(200);
    expect((await res.json<ProfileView>()).consent.marketing).toMatchObject({ status: 'subscribed', opted_out_by_customer: false });
  });
});

describe('POST /api/conversations/:phone/opt-out (record the customer’s words as their opt-out)', () => {
  it('flags the customer’s sentence, records it with one confirmation, and locks it to the customer', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'Bonjour, ne m’envoyez plus rien svp');
    const [inbound] = await thread(agent, phone);
    expect(inbound).toMatchObject({ direction: 'in', text: 'Bonjour, ne m’envoyez plus rien svp', flagged: true });
    // Not an automatic opt-out: still subscribed until someone acts.
    expect((await env.PROFILE.getByName(phone).get(phone))?.consent.marketing.status).toBe('subscribed');

    const unreadBefore = (await inboxStub(env).get(phone))?.unread;
    const res = await api(agent, path(phone, '/opt-out'), { method: 'POST', body: { message_id: inbound!.id } });
    expect(res.status).toBe(200);
    // The agent's own action is not news from the customer.
    expect((await inboxStub(env).get(phone))?.unread).toBe(unreadBefore);
    const body = await res.json<{ changed: boolean; profile: ProfileView }>();
    expect(body.changed).toBe(true);
    expect(body.profile.consent.marketing).toMatchObject({
      status: 'unsubscribed',
      source: 'customer_request',
      opted_out_by_customer: true,
    });
    expect(body.profile.consent.transactional).toMatchObject({ status: 'unsubscribed', opted_out_by_customer: true });

    const log = await consentLog(phone);
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining<Partial<ConsentLogEntry>>({
        purpose: 'transactional',
        status: 'unsubscribed',
        source: 'agent',
        actor: agent.user.id,
        text: 'Bonjour, ne m’envoyez plus rien svp',
      }),
      expect.objectContaining<Partial<ConsentLogEntry>>({
        purpose: 'marketing',
        status: 'unsubscribed',
        source: 'agent',
        actor: agent.user.id,
        text: 'Bonjour, ne m’envoyez plus rien svp',
      }),
    ]);

    // The same single confirmation a keyword opt-out sends.
    const keywordPhone = uniquePhone();
    await subscribed(keywordPhone);
    await customerSays(keywordPhone, 'STOP');
    const words = (m: MessageView) => (m.content?.type === 'text' ? m.content.text : m.text);
    const confirmations = async (p: string) => (await thread(agent, p)).filter((m) => m.direction === 'out').map(words);
    const expected = await confirmations(keywordPhone);
    expect(expected).toEqual([expect.stringContaining('désinscrit')]);
    expect(await confirmations(phone)).toEqual(expected);

    // A second click changes nothing and sends nothing.
    const again = await api(agent, path(phone, '/opt-out'), { method: 'POST', body: { message_id: inbound!.id } });
    expect(await again.json()).toMatchObject({ changed: false });
    expect(await confirmations(phone)).toEqual(expected);

    // The customer asked: neither an agent nor the API may re-subscribe them.
    expect((await agentConsent(agent, phone, 'subscribed')).status).toBe(409);
  });

  it('is refused to a marketer (403) and changes nothing', async () => {
    const marketer = await signIn('marketer');
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'remove me from your list');
    const [inbound] = await thread(agent, phone);
    const res = await api(marketer, path(phone, '/opt-out'), { method: 'POST', body: { message_id: inbound!.id } });
    expect(res.status).toBe(403);
    expect((await env.PROFILE.getByName(phone).get(phone))?.consent.marketing.status).toBe('subscribed');
  });

  it('lets an admin record it too', async () => {
    const admin = await signIn('admin');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'stop texting me about sales, only my orders');
    const [inbound] = await thread(admin, phone);
    const res = await api(admin, path(phone, '/opt-out'), { method: 'POST', body: { message_id: inbound!.id } });
    expect(res.status).toBe(200);
  });

  it('answers 404 for an unknown message and 400 for one the customer did not write', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'Bonjour');
    const note = await (await api(agent, path(phone, '/notes'), { method: 'POST', body: { text: 'call back' } })).json<MessageView>();
    expect((await api(agent, path(phone, '/opt-out'), { method: 'POST', body: { message_id: 'nope' } })).status).toBe(404);
    const notCustomer = await api(agent, path(phone, '/opt-out'), { method: 'POST', body: { message_id: note.id } });
    expect(notCustomer.status).toBe(400);
    expect(await notCustomer.json()).toMatchObject({ error: 'invalid_request', details: [{ path: 'message_id' }] });
    const missing = await api(agent, path(phone, '/opt-out'), { method: 'POST', body: {} });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ message: expect.stringContaining('message_id') });
    expect((await env.PROFILE.getByName(phone).get(phone))?.consent.marketing.status).toBe('subscribed');
  });

  it('does not flag an ordinary message or a keyword opt-out', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await subscribed(phone);
    await customerSays(phone, 'Où est ma commande ?');
    await customerSays(phone, 'STOP');
    const inbound = (await thread(agent, phone)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.flagged ?? false)).toEqual([false, false]);
  });
});
