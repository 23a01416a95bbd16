// End to end with RCS_PROVIDER=twilio: rich content goes out as a Content API template through
// the Messaging Service to a plain +E164 (Twilio falls back to SMS itself, so no deadline or
// revoke), and the channel actually used is read back from the status callbacks.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { form, postTwilio, requestsFor } from '../carriers/helpers';
import { messages, profile, setClock, timers, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';

const TWILIO = env.TWILIO_API_BASE;

async function sendCard(phone: string) {
  await setClock(phone, TUESDAY_10H_PARIS);
  return profile(phone).send(phone, {
    purpose: 'transactional',
    content: {
      type: 'card',
      card: { title: `Order for ${phone}`, description: 'Ready for pickup', buttons: [{ type: 'reply', text: 'On my way' }] },
    },
    fallback_text: `Your order is ready ${phone}`,
  });
}

const sidOf = (phone: string) =>
  runInDurableObject(
    profile(phone),
    (p: Profile) =>
      p.core.store.sql
        .exec<{ provider_message_id: string }>("SELECT provider_message_id FROM messages WHERE direction = 'out' ORDER BY seq DESC LIMIT 1")
        .toArray()[0]?.provider_message_id ?? '',
  );

describe('RCS through a Twilio Messaging Service', () => {
  it('sends a card as a Content API template to a plain +E164, with no deadline timer', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendCard(phone);
    expect(out).toMatchObject({ ok: true, status: 'sent', channel: 'rcs' });
    const [tpl] = (await requestsFor(TWILIO, `Your order is ready ${phone}`)).filter((r) => r.path === '/v1/Content');
    const types = (JSON.parse(tpl!.body) as { types: Record<string, unknown> }).types;
    expect(types['twilio/text']).toEqual({ body: `Your order is ready ${phone}` });
    expect(types['twilio/card']).toMatchObject({
      title: `Order for ${phone}`,
      body: 'Ready for pickup',
      actions: [{ type: 'QUICK_REPLY', title: 'On my way' }],
    });
    const [msg, ...more] = (await requestsFor(TWILIO, `To=${phone}`)).filter((r) => r.path.endsWith('/Messages.json'));
    expect(more).toHaveLength(0);
    expect(form(msg!).get('To')).toBe(phone);
    expect(form(msg!).get('MessagingServiceSid')).toBe('MGtest00000000000000000000000000');
    expect(form(msg!).get('ContentSid')).toMatch(/^HX/);
    expect((await timers(phone)).filter((t) => t.kind === 'deadline')).toHaveLength(0);
  });

  it('records the channel Twilio actually used from the status callbacks', async () => {
    const fellBack = uniquePhone('rcs');
    await sendCard(fellBack);
    const sid = await sidOf(fellBack);
    await postTwilio({
      MessageSid: sid,
      MessageStatus: 'delivered',
      From: '+15005550006',
      To: fellBack,
      AccountSid: env.TWILIO_ACCOUNT_SID,
    });
    expect((await messages(fellBack))[0]).toMatchObject({ status: 'delivered', channel: 'sms' });

    const overRcs = uniquePhone('rcs');
    await sendCard(overRcs);
    await postTwilio({
      MessageSid: await sidOf(overRcs),
      MessageStatus: 'read',
      From: 'rcs:brand_agent',
      To: `rcs:${overRcs}`,
      AccountSid: env.TWILIO_ACCOUNT_SID,
    });
    expect((await messages(overRcs))[0]).toMatchObject({ status: 'read', channel: 'rcs' });
  });

  it('traces a button tap (ButtonPayload) to the card that offered it', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendCard(phone);
    const [tpl] = (await requestsFor(TWILIO, `Your order is ready ${phone}`)).filter((r) => r.path === '/v1/Content');
    const action = (JSON.parse(tpl!.body) as { types: { 'twilio/card': { actions: { id: string }[] } } }).types['twilio/card'].actions[0]!;
    await postTwilio({
      MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
      From: `rcs:${phone}`,
      To: 'rcs:brand_agent',
      Body: 'On my way',
      ButtonPayload: action.id,
      ButtonText: 'On my way',
      ButtonType: 'QUICK_REPLY',
    });
    const tap = (await messages(phone)).find((m) => m.direction === 'in');
    expect(tap).toMatchObject({ kind: 'tap', channel: 'rcs', postback: action.id, in_reply_to: out.ok ? out.id : 'x' });
  });
});
