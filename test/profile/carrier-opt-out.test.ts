// Twilio error 21610 means the recipient opted out at the carrier (STOP to the short code):
// the Profile honours it for every purpose, logs it with source 'carrier', and refuses
// marketing from then on.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

async function expectCarrierOptOut(phone: string): Promise<void> {
  const view = await profile(phone).get(phone);
  expect(view?.consent.marketing).toMatchObject({ status: 'unsubscribed', source: 'carrier' });
  expect(view?.consent.transactional).toMatchObject({ status: 'unsubscribed', source: 'carrier' });
  const carrier = (await profile(phone).consentLog(phone)).filter((l) => l.source === 'carrier');
  expect(carrier.map((l) => `${l.purpose}:${l.status}`).sort()).toEqual(['marketing:unsubscribed', 'transactional:unsubscribed']);
  expect(carrier.every((l) => /21610/.test(l.text ?? ''))).toBe(true);
  expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Sale!') })).toMatchObject({
    ok: false,
    error: 'marketing_not_subscribed',
  });
}

describe('a carrier rejection with code 21610', () => {
  it('unsubscribes every purpose with source carrier when the SMS send is refused with it', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.smsOverride = {
        name: 'twilio',
        send: async () => ({ ok: false, kind: 'rejected', message: 'Attempt to send to unsubscribed recipient', code: '21610' }),
      };
    });
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your order shipped') });
    expect(out).toMatchObject({ ok: true, status: 'failed' });
    expect(out.ok ? out.reason : '').toMatch(/21610/);
    await expectCarrierOptOut(phone);
  });

  it('unsubscribes every purpose with source carrier when a failed status callback carries it', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('New collection') });
    if (!out.ok) throw new Error('send refused');
    await profile(phone).ingest({
      provider: 'twilio',
      type: 'status',
      phone,
      id: `SM-${out.id}:failed`,
      at: new Date(TUESDAY_10H_PARIS).toISOString(),
      channel: 'sms',
      provider_message_id: `sms-${out.id}`,
      status: 'failed',
      error_code: '21610',
    });
    const [m] = await messages(phone);
    expect(m).toMatchObject({ id: out.id, status: 'failed' });
    expect(m?.history.at(-1)?.reason).toMatch(/21610/);
    // The next day, outside the frequency cap: refused for consent, not for the cap.
    await setClock(phone, TUESDAY_10H_PARIS + 2 * 86_400_000);
    await expectCarrierOptOut(phone);
  });
});
