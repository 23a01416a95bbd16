// End to end with RCS_PROVIDER=rbm and SMS_PROVIDER=twilio against the local fakes: each RCS→SMS
// fallback path of the Profile's send pipeline, seen from what Google and Twilio received.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { advanceTo, messages, profile, setClock, text, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';
import { form, postRbm, query, requestsFor, script, type Recorded } from './helpers';

const RBM = env.RBM_API_BASE;
const TWILIO = env.TWILIO_API_BASE;
const T0 = TUESDAY_10H_PARIS;
const AFTER_DEADLINE = T0 + 301_000;

const rbmCalls = (phone: string, what: string) => requestsFor(RBM, `/v1/phones/${phone}/${what}`);
const smsTo = async (phone: string): Promise<Recorded[]> =>
  (await requestsFor(TWILIO, `To=${phone}`)).filter((r) => r.path.endsWith('/Messages.json'));

async function sendTransactional(phone: string, body = 'Your parcel arrives today') {
  await setClock(phone, T0);
  return profile(phone).send(phone, { purpose: 'transactional', content: text(body), fallback_text: `${body} (SMS)` });
}

describe('RCS to SMS fallback with Google RBM and Twilio', () => {
  it('sends SMS through Twilio when the capability check answers 404, and never posts to RBM', async () => {
    const phone = uniquePhone('rcs');
    await script(RBM, 'GET', `/v1/phones/${phone}/capabilities`, [
      { status: 404, body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } } },
    ]);
    const out = await sendTransactional(phone);
    expect(out).toMatchObject({ ok: true, channel: 'sms', status: 'sent' });
    expect(await rbmCalls(phone, 'agentMessages')).toHaveLength(0);
    const [sms, ...more] = await smsTo(phone);
    expect(more).toHaveLength(0);
    expect(form(sms!).get('Body')).toBe('Your parcel arrives today (SMS)');
    expect(form(sms!).get('StatusCallback')).toBe('https://console.example.test/webhooks/twilio');
    expect((await profile(phone).get(phone))?.rcs.capable).toBe(false);
  });

  it('falls back to SMS once when the RBM send answers 404', async () => {
    const phone = uniquePhone('rcs');
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, [
      { status: 404, body: { error: { code: 404, message: 'not reachable', status: 'NOT_FOUND' } } },
    ]);
    await sendTransactional(phone);
    const [sms, rcs] = await messages(phone);
    expect(rcs).toMatchObject({ channel: 'rcs', status: 'fell_back' });
    expect(sms).toMatchObject({ channel: 'sms', status: 'sent', fallback: { from: rcs!.id } });
    expect(await smsTo(phone)).toHaveLength(1);
  });

  it('revokes at the deadline and sends SMS when the revoke answers 200', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendTransactional(phone);
    expect(out).toMatchObject({ ok: true, channel: 'rcs', status: 'sent' });
    const [post] = await rbmCalls(phone, 'agentMessages');
    expect(query(post!).messageId).toBe(out.ok ? out.id : '');
    expect(JSON.parse(post!.body)).toMatchObject({ messageTrafficType: 'TRANSACTION', ttl: '360s' });
    expect(await smsTo(phone)).toHaveLength(0);

    await advanceTo(phone, AFTER_DEADLINE);
    const deletes = (await rbmCalls(phone, 'agentMessages')).filter((r) => r.method === 'DELETE');
    expect(deletes.map((d) => d.path)).toEqual([`/v1/phones/${phone}/agentMessages/${out.ok ? out.id : ''}`]);
    const [sms, rcs] = await messages(phone);
    expect(rcs!.history.map((h) => h.status)).toEqual(['queued', 'sent', 'revoked', 'fell_back']);
    expect(sms).toMatchObject({ channel: 'sms', status: 'sent' });
    expect(await smsTo(phone)).toHaveLength(1);
  });

  it('sends no SMS when the revoke at the deadline answers 404 (already delivered)', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendTransactional(phone);
    await script(RBM, 'DELETE', `/v1/phones/${phone}/agentMessages/`, [
      { status: 404, body: { error: { code: 404, message: 'already delivered', status: 'NOT_FOUND' } } },
    ]);
    await advanceTo(phone, AFTER_DEADLINE);
    const list = await messages(phone);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: out.ok ? out.id : '', channel: 'rcs', status: 'delivered' });
    expect(await smsTo(phone)).toHaveLength(0);
  });

  it('sends SMS exactly once when TTL_EXPIRATION_REVOKED arrives, even redelivered, and the deadline then does nothing', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendTransactional(phone);
    const id = out.ok ? out.id : '';
    const ttl = {
      phoneNumber: phone,
      messageId: id,
      eventType: 'TTL_EXPIRATION_REVOKED',
      eventId: `ttl-${id}`,
      sendTime: '2026-03-10T09:06:00Z',
      agentId: env.RBM_AGENT_ID,
    };
    expect((await postRbm(ttl)).status).toBe(200);
    expect((await postRbm(ttl)).status).toBe(200);
    // A second server event for the same message (new eventId) must not send again either.
    expect((await postRbm({ ...ttl, eventId: `ttl2-${id}` })).status).toBe(200);
    await advanceTo(phone, AFTER_DEADLINE);
    expect(await smsTo(phone)).toHaveLength(1);
    expect((await rbmCalls(phone, 'agentMessages')).filter((r) => r.method === 'DELETE')).toHaveLength(0);
    const [sms, rcs] = await messages(phone);
    expect(rcs).toMatchObject({ id, status: 'fell_back' });
    expect(sms).toMatchObject({ channel: 'sms', fallback: { from: id } });
  });

  it('ignores a TTL event that arrives after DELIVERED', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendTransactional(phone);
    const id = out.ok ? out.id : '';
    expect(
      (
        await postRbm({
          senderPhoneNumber: phone,
          eventType: 'DELIVERED',
          eventId: `d-${id}`,
          messageId: id,
          sendTime: '2026-03-10T09:00:05Z',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await postRbm({
          phoneNumber: phone,
          eventType: 'TTL_EXPIRATION_REVOKED',
          eventId: `t-${id}`,
          messageId: id,
          sendTime: '2026-03-10T09:06:00Z',
        })
      ).status,
    ).toBe(200);
    await advanceTo(phone, AFTER_DEADLINE);
    const list = await messages(phone);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'delivered' });
    expect(await smsTo(phone)).toHaveLength(0);
    expect((await rbmCalls(phone, 'agentMessages')).filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('keeps read when READ arrives before DELIVERED, and cancels the deadline', async () => {
    const phone = uniquePhone('rcs');
    const out = await sendTransactional(phone);
    const id = out.ok ? out.id : '';
    await postRbm({ senderPhoneNumber: phone, eventType: 'READ', eventId: `r-${id}`, messageId: id, sendTime: '2026-03-10T09:00:09Z' });
    await postRbm({
      senderPhoneNumber: phone,
      eventType: 'DELIVERED',
      eventId: `d-${id}`,
      messageId: id,
      sendTime: '2026-03-10T09:00:05Z',
    });
    await advanceTo(phone, AFTER_DEADLINE);
    const [m] = await messages(phone);
    expect(m!.status).toBe('read');
    expect(m!.history.map((h) => h.status)).toEqual(['queued', 'sent', 'read', 'delivered']);
    expect(await smsTo(phone)).toHaveLength(0);
  });

  it('records a Twilio 21610 answer as a carrier opt-out', async () => {
    const phone = uniquePhone('rcs');
    await script(RBM, 'GET', `/v1/phones/${phone}/capabilities`, [
      { status: 404, body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } } },
    ]);
    await script(TWILIO, 'POST', `To=${phone}`, [
      { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } },
    ]);
    const out = await sendTransactional(phone);
    expect(out).toMatchObject({ ok: true, status: 'failed' });
    const p = await profile(phone).get(phone);
    expect(p?.consent.transactional.status).toBe('unsubscribed');
    expect(p?.consent.marketing.status).toBe('unsubscribed');
  });
});
