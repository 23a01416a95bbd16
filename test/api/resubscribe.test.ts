// Only the customer can undo their own opt-out (docs/compliance.md): after STOP, a carrier
// opt-out (Twilio 21610, RBM UNSUBSCRIBE), `PUT /v1/profiles/{phone}` cannot set marketing
// back to subscribed (409 opted_out_by_customer) and changes nothing; an opt-out the API set
// itself can still be undone by the API; the customer's START can.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../schemas/profile';
import { api, createProfile, enc, quiesce, uniquePhone } from './helpers';

afterAll(() => quiesce());

let n = 0;
const base = (phone: string) => ({ phone, id: `resub-${Date.now()}-${n++}`, at: new Date().toISOString() });
const says = (phone: string, text: string) =>
  env.PROFILE.getByName(phone).ingest({ ...base(phone), provider: 'sandbox', type: 'message', channel: 'sms', text });

const put = (phone: string, body: unknown) => api('PUT', `/v1/profiles/${enc(phone)}`, body);
const resubscribe = (phone: string, extra: Record<string, unknown> = {}) =>
  put(phone, { ...extra, consent: { marketing: 'subscribed', source: 'crm sync' } });
const get = async (phone: string) => (await api('GET', `/v1/profiles/${enc(phone)}`)).json<ProfileView>();

async function expectRefused(phone: string): Promise<void> {
  const logBefore = await env.PROFILE.getByName(phone).consentLog(phone);
  const res = await resubscribe(phone, { first_name: 'Changed' });
  expect(res.status).toBe(409);
  const body = await res.json<{ error: string; message: string; details: unknown }>();
  expect(body).toEqual({
    error: 'opted_out_by_customer',
    message: expect.stringMatching(/only they can opt back in, by texting START or by confirming a signup they started/),
    details: [{ path: 'consent.marketing', message: 'opted out by the customer' }],
  });
  // Refused whole: the name is not changed either, and nothing is logged.
  const view = await get(phone);
  expect(view.first_name).toBe('Test');
  expect(view.consent.marketing).toMatchObject({ status: 'unsubscribed', opted_out_by_customer: true });
  expect(await env.PROFILE.getByName(phone).consentLog(phone)).toEqual(logBefore);
}

describe('PUT /v1/profiles/{phone} after the customer opted out', () => {
  it('refuses to re-subscribe marketing after the customer texted STOP', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    await says(phone, 'STOP');
    await expectRefused(phone);
  });

  it('refuses after a French "Arrêtez" and after an RBM UNSUBSCRIBE event', async () => {
    const a = uniquePhone();
    await createProfile(a);
    await says(a, 'Arrêtez');
    await expectRefused(a);

    const b = uniquePhone();
    await createProfile(b);
    await env.PROFILE.getByName(b).ingest({ ...base(b), provider: 'rbm', type: 'unsubscribe', channel: 'rcs' });
    await expectRefused(b);
  });

  it('refuses after a carrier opt-out (Twilio 21610)', async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    const sent = await env.PROFILE.getByName(phone).send(phone, { purpose: 'transactional', content: { type: 'text', text: 'Shipped' } });
    if (!sent.ok) throw new Error('send refused');
    await env.PROFILE.getByName(phone).ingest({
      ...base(phone),
      provider: 'twilio',
      type: 'status',
      channel: 'sms',
      provider_message_id: `sms-${sent.id}`,
      status: 'failed',
      error_code: '21610',
    });
    expect((await get(phone)).consent.marketing).toMatchObject({ status: 'unsubscribed', source: 'carrier' });
    await expectRefused(phone);
  });

  it('still lets the API undo an opt-out the API set, and the customer undo their own with START', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    expect((await put(phone, { consent: { marketing: 'unsubscribed', source: 'crm sync' } })).status).toBe(200);
    expect((await get(phone)).consent.marketing).toMatchObject({ status: 'unsubscribed', opted_out_by_customer: false });
    expect((await resubscribe(phone)).status).toBe(200);
    expect((await get(phone)).consent.marketing.status).toBe('subscribed');

    await says(phone, 'STOP');
    expect((await resubscribe(phone)).status).toBe(409);
    await says(phone, 'START');
    expect((await get(phone)).consent.marketing).toMatchObject({ status: 'subscribed', opted_out_by_customer: false });
    // Subscribed by the customer again; the API may now unsubscribe and re-subscribe as before.
    expect((await put(phone, { consent: { marketing: 'unsubscribed', source: 'crm sync' } })).status).toBe(200);
    expect((await resubscribe(phone)).status).toBe(200);
  });

  it('makes a STOP over an API opt-out the customer’s own: logged, confirmed once, and locked', async () => {
    const phone = uniquePhone();
    await createProfile(phone, { consent: { marketing: 'subscribed', transactional: 'subscribed', source: 'checkout' } });
    await put(phone, { consent: { marketing: 'unsubscribed', transactional: 'unsubscribed', source: 'crm sync' } });
    await says(phone, 'STOP');
    const log = await env.PROFILE.getByName(phone).consentLog(phone);
    expect(log.slice(0, 2).map((l) => `${l.purpose}:${l.status}:${l.source}:${l.text}`)).toEqual([
      'transactional:unsubscribed:keyword:STOP',
      'marketing:unsubscribed:keyword:STOP',
    ]);
    const page = await env.PROFILE.getByName(phone).listMessages(phone, { limit: 10 });
    expect(page.messages.filter((m) => m.direction === 'out')).toHaveLength(1);
    await expectRefused(phone);
  });
});
