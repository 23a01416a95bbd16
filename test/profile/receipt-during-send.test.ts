// A carrier may deliver the message, and say so, before its send API has answered us: RBM's
// DELIVERED (or READ) event names our own message id, so it can reach the Profile while the
// send is still waiting for the API's answer. The answer arriving last must not take the
// message back to "sent", nor arm a fallback deadline for a message already delivered.
// Twilio names the message by the SID only its answer gives us: a callback before that answer
// is kept, and applied once the send has stored the SID.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../schemas/events';
import type { RevokeResult, SendResult } from '../../worker/providers/types';
import type { Profile } from '../../worker/profile.do';
import { messages, profile, setClock, TUESDAY_10H_PARIS, text, timers, uniquePhone } from './helpers';

/** An RBM-like provider whose send answers only once `release()` is called; `called` resolves when it was asked. */
async function slowCarrier(phone: string) {
  let release: (r: SendResult) => void = () => {};
  let asked: (id: string) => void = () => {};
  const called = new Promise<string>((resolve) => {
    asked = resolve;
  });
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.rcsOverride = {
      name: 'rbm',
      handlesFallback: false,
      checkCapability: async () => ({ capable: true, features: [] }),
      send: (req) =>
        new Promise<SendResult>((resolve) => {
          release = resolve;
          asked(req.id);
        }),
      revoke: async (): Promise<RevokeResult> => 'revoked',
      sendAgentEvent: async () => {},
    };
  });
  return { called, release: (r: SendResult) => release(r) };
}

const receipt = (phone: string, id: string, status: 'delivered' | 'read'): InboundEvent => ({
  provider: 'rbm',
  type: 'status',
  id: `evt-${status}-${id}`,
  phone,
  at: new Date(TUESDAY_10H_PARIS).toISOString(),
  channel: 'rcs',
  provider_message_id: id,
  status,
});

describe('a receipt that arrives before the carrier answered the send', () => {
  for (const status of ['delivered', 'read'] as const) {
    it(`keeps the message ${status}, with no fallback deadline, once the send answers`, async () => {
      const phone = uniquePhone('rcs');
      await setClock(phone, TUESDAY_10H_PARIS);
      const carrier = await slowCarrier(phone);
      const sending = profile(phone).send(phone, { purpose: 'transactional', content: text('Your parcel is on its way') });
      const id = await carrier.called;

      expect(await profile(phone).ingest(receipt(phone, id, status))).toMatchObject({ duplicate: false });
      carrier.release({ ok: true, providerMessageId: id, channel: 'rcs' });
      await sending;

      const [m] = await messages(phone);
      expect(m).toMatchObject({ id, status });
      expect(m?.history.filter((h) => h.status === status)).toHaveLength(1);
      expect((await timers(phone)).filter((t) => t.kind === 'deadline')).toEqual([]);
    });
  }
});

describe('a Twilio status callback that arrives before the send answered with its SID', () => {
  it('is kept and applied once the SID is known: the SMS ends delivered, once', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    let release: (r: SendResult) => void = () => {};
    let asked: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      asked = resolve;
    });
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.smsOverride = {
        name: 'twilio',
        send: () =>
          new Promise<SendResult>((resolve) => {
            release = resolve;
            asked();
          }),
      };
    });
    const sending = profile(phone).send(phone, { purpose: 'transactional', content: text('Your parcel is on its way') });
    await called;
    const sid = 'SMearly0000000000000000000000001';
    const early: InboundEvent = {
      provider: 'twilio',
      type: 'status',
      id: `${sid}:delivered`,
      phone,
      at: new Date(TUESDAY_10H_PARIS).toISOString(),
      channel: 'sms',
      provider_message_id: sid,
      status: 'delivered',
    };
    expect(await profile(phone).ingest(early)).toMatchObject({ duplicate: false });
    release({ ok: true, providerMessageId: sid, channel: 'sms' });
    await sending;
    await runDurableObjectAlarm(profile(phone));

    const [m] = await messages(phone);
    expect(m).toMatchObject({ channel: 'sms', status: 'delivered' });
    expect(m?.history.filter((h) => h.status === 'delivered')).toHaveLength(1);
    // Twilio's redelivery of the same callback is still a duplicate.
    expect(await profile(phone).ingest(early)).toMatchObject({ duplicate: true });
    expect(await timers(phone)).toEqual([]);
  });
});
