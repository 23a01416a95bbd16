// End to end through /webhooks/rbm and /webhooks/twilio into the Profile objects: what a
// customer does is recorded once however often the carrier redelivers it, forged callbacks
// record nothing, taps are traced to the message they answer, and the console's typing/read
// marks reach Google.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';
import { postRbm, postTwilio, rbmEnvelope, requestsFor, script } from './helpers';

const inbound = async (phone: string) => (await messages(phone)).filter((m) => m.direction === 'in');

describe('RBM callbacks into the Profile', () => {
  it('records a customer message once when Google redelivers it', async () => {
    const phone = uniquePhone('rcs');
    const msg = {
      senderPhoneNumber: phone,
      messageId: `u-${crypto.randomUUID()}`,
      sendTime: '2026-03-10T09:00:00Z',
      agentId: env.RBM_AGENT_ID,
      text: 'Where is my order?',
    };
    for (let i = 0; i < 3; i++) expect((await postRbm(msg)).status).toBe(200);
    const list = await inbound(phone);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ channel: 'rcs', text: 'Where is my order?', status: 'received' });
  });

  it('records nothing for a forged or unsigned callback', async () => {
    const phone = uniquePhone('rcs');
    const { body } = await rbmEnvelope({ senderPhoneNumber: phone, messageId: 'forged-1', text: 'STOP' }, 'attacker-token');
    const forged = await rbmEnvelope({ senderPhoneNumber: phone, messageId: 'forged-1', text: 'STOP' }, 'attacker-token');
    const url = 'https://console.example.test/webhooks/rbm';
    expect((await exports.default.fetch(url, { method: 'POST', headers: { 'x-goog-signature': forged.signature }, body })).status).toBe(
      401,
    );
    expect((await exports.default.fetch(url, { method: 'POST', body })).status).toBe(401);
    expect(await messages(phone)).toHaveLength(0);
    expect((await profile(phone).get(phone))?.consent.transactional.status ?? 'never').not.toBe('unsubscribed');
  });

  it('traces a tap on a chip back to the message that offered it', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, {
      purpose: 'transactional',
      content: { type: 'text', text: 'Rate us', suggestions: [{ type: 'reply', text: 'Great' }] },
    });
    const [post] = (await requestsFor(env.RBM_API_BASE, `/v1/phones/${phone}/agentMessages`)).filter((r) => r.method === 'POST');
    const chip = (JSON.parse(post!.body) as { contentMessage: { suggestions: { reply: { postbackData: string } }[] } }).contentMessage
      .suggestions[0]!;
    await postRbm({
      senderPhoneNumber: phone,
      messageId: `tap-${crypto.randomUUID()}`,
      sendTime: '2026-03-10T09:01:00Z',
      suggestionResponse: { postbackData: chip.reply.postbackData, text: 'Great', type: 'REPLY' },
    });
    const [tap] = await inbound(phone);
    expect(tap).toMatchObject({ kind: 'tap', postback: chip.reply.postbackData, text: 'Great', in_reply_to: out.ok ? out.id : 'x' });
  });

  it('turns UNSUBSCRIBE into an opt-out with one ACKNOWLEDGEMENT confirmation', async () => {
    const phone = uniquePhone('rcs');
    const ev = {
      senderPhoneNumber: phone,
      eventType: 'UNSUBSCRIBE',
      eventId: `un-${crypto.randomUUID()}`,
      sendTime: '2026-03-10T09:00:00Z',
    };
    await postRbm(ev);
    await postRbm(ev);
    expect((await profile(phone).get(phone))?.consent.transactional.status).toBe('unsubscribed');
    const confirmations = (await requestsFor(env.RBM_API_BASE, `/v1/phones/${phone}/agentMessages`)).filter((r) => r.method === 'POST');
    expect(confirmations).toHaveLength(1);
    expect(JSON.parse(confirmations[0]!.body)).toMatchObject({ messageTrafficType: 'ACKNOWLEDGEMENT' });
  });

  it('sends the agent READ mark for the customer last RBM message, and typing', async () => {
    const phone = uniquePhone('rcs');
    const userMsg = `u-${crypto.randomUUID()}`;
    await postRbm({ senderPhoneNumber: phone, messageId: userMsg, sendTime: '2026-03-10T09:00:00Z', text: 'hello?' });
    await profile(phone).agentEvent(phone, 'read');
    await profile(phone).agentEvent(phone, 'typing');
    const events = await requestsFor(env.RBM_API_BASE, `/v1/phones/${phone}/agentEvents`);
    expect(events.map((e) => JSON.parse(e.body) as unknown)).toEqual([
      { eventType: 'READ', messageId: userMsg },
      { eventType: 'IS_TYPING' },
    ]);
  });
});

describe('Twilio callbacks into the Profile', () => {
  it('records an inbound SMS once when Twilio retries it, and answers empty TwiML', async () => {
    const phone = uniquePhone('sms');
    const params = {
      MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
      AccountSid: env.TWILIO_ACCOUNT_SID,
      From: phone,
      To: '+15005550006',
      Body: 'Is it in stock?',
      NumMedia: '0',
    };
    const res = await postTwilio(params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toContain('<Response/>');
    expect((await postTwilio(params)).status).toBe(200);
    const list = await inbound(phone);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ channel: 'sms', text: 'Is it in stock?' });
  });

  it('records an MMS with its media and an RCS reply on the rcs channel', async () => {
    const phone = uniquePhone('rcs');
    const mediaUrl = `${env.TWILIO_API_BASE}/2010-04-01/Accounts/${env.TWILIO_ACCOUNT_SID}/Messages/MM1/Media/ME${crypto.randomUUID().replace(/-/g, '')}`;
    await postTwilio({
      MessageSid: `MM${crypto.randomUUID().replace(/-/g, '')}`,
      From: `rcs:${phone}`,
      To: 'rcs:brand_agent',
      Body: 'this one',
      NumMedia: '1',
      MediaUrl0: mediaUrl,
      MediaContentType0: 'image/png',
    });
    const [m] = await inbound(phone);
    // The thread shows the Worker's copy; the carrier's address is kept for audit only.
    expect(m).toMatchObject({
      channel: 'rcs',
      text: 'this one',
      media: [{ url: expect.stringMatching(/^\/api\/media\/inbound\//), content_type: 'image/png', source_url: mediaUrl, stored: true }],
    });
  });

  it('records nothing when the Twilio signature is forged or missing', async () => {
    const phone = uniquePhone('sms');
    const params = { MessageSid: 'SMforged', From: phone, To: '+15005550006', Body: 'STOP' };
    expect((await postTwilio(params, { signature: 'Zm9yZ2Vk' })).status).toBe(401);
    expect((await postTwilio(params, { signature: null })).status).toBe(401);
    expect(await messages(phone)).toHaveLength(0);
  });

  it('applies a delivered status callback to the SMS it sent, once', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    await script(env.RBM_API_BASE, 'GET', `/v1/phones/${phone}/capabilities`, [
      { status: 404, body: { error: { code: 404, message: 'nf', status: 'NOT_FOUND' } } },
    ]);
    await profile(phone).send(phone, { purpose: 'transactional', content: { type: 'text', text: 'Code 4242' } });
    const [sent] = await messages(phone);
    const sid = await sidOf(phone);
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    const cb = {
      MessageSid: sid,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      From: '+15005550006',
      To: phone,
      AccountSid: env.TWILIO_ACCOUNT_SID,
      ApiVersion: '2010-04-01',
    };
    expect((await postTwilio(cb)).status).toBe(200);
    expect((await postTwilio(cb)).status).toBe(200);
    const [after] = await messages(phone);
    expect(after).toMatchObject({ id: sent!.id, status: 'delivered' });
    expect(after!.history.filter((h) => h.status === 'delivered')).toHaveLength(1);
  });
});

/** The sid Twilio gave the last outbound message of `phone`, as the Profile recorded it. */
async function sidOf(phone: string): Promise<string> {
  const { runInDurableObject } = await import('cloudflare:test');
  return runInDurableObject(profile(phone), (p: import('../../worker/profile.do').Profile) => {
    const row = p.core.store.sql
      .exec<{ provider_message_id: string }>("SELECT provider_message_id FROM messages WHERE direction = 'out' ORDER BY seq DESC LIMIT 1")
      .toArray()[0];
    return row?.provider_message_id ?? '';
  });
}
