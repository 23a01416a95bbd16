// POST /webhooks/sandbox: the sandbox network's signed callbacks take the full inbound path;
// forged or unsigned ones get 401 and change nothing; redeliveries are recorded once; the
// network is off (404) unless both providers are the sandbox. `ingestSandbox` is the same
// ingestion for the in-process simulator and demo seed.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../worker/errors';
import { app } from '../../worker/index';
import { ingestSandbox, signSandboxPayload } from '../../worker/providers/sandbox/webhook';
import { api, createProfile, listMessages, quiesce, sandboxCallback, SANDBOX_SECRET, textContent, uniquePhone } from './helpers';

afterAll(() => quiesce());

const inbound = (phone: string, text: string, id = crypto.randomUUID()) => ({ id, phone, type: 'message', text, channel: 'rcs' });

describe('sandbox callback signatures (no profile touched)', () => {
  it('refuses a callback without a signature with 401', async () => {
    const res = await sandboxCallback(inbound(uniquePhone(), 'hello'), { signature: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_signature' });
  });

  it('refuses a callback signed with another secret with 401', async () => {
    const res = await sandboxCallback(inbound(uniquePhone(), 'hello'), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
  });

  it('refuses a signature that is not base64 with 401', async () => {
    const res = await sandboxCallback(inbound(uniquePhone(), 'hello'), { signature: '%%%not base64%%%' });
    expect(res.status).toBe(401);
  });

  it('refuses a body altered after signing with 401', async () => {
    const payload = inbound(uniquePhone(), 'hello');
    const signature = await signSandboxPayload(SANDBOX_SECRET, JSON.stringify(payload));
    const res = await sandboxCallback({ ...payload, text: 'STOP' }, { signature });
    expect(res.status).toBe(401);
  });

  it('answers a signed but invalid callback with 400 naming the field', async () => {
    const res = await sandboxCallback({ id: 'x1', phone: '+33612', type: 'message', text: 'hi', channel: 'rcs' });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: string; details: { path: string }[] }>();
    expect(body.details.map((d) => d.path)).toContain('phone');
  });

  it('answers a signed callback of an unknown type with 400 naming type', async () => {
    const res = await sandboxCallback({ id: 'x2', phone: uniquePhone(), type: 'dance', channel: 'rcs' });
    expect(res.status).toBe(400);
    const body = await res.json<{ details: { path: string }[] }>();
    expect(body.details.map((d) => d.path)).toContain('type');
  });
});

describe('sandbox callbacks through the inbound pipeline', () => {
  it('records a signed customer message in the thread', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const res = await sandboxCallback(inbound(phone, 'Is the blue one available?'));
    expect(res.status).toBe(200);
    const { messages } = await listMessages(phone);
    expect(messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['Is the blue one available?']);
  });

  it('records nothing for a forged or missing signature', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    expect((await sandboxCallback(inbound(phone, 'forged'), { secret: 'wrong' })).status).toBe(401);
    expect((await sandboxCallback(inbound(phone, 'unsigned'), { signature: null })).status).toBe(401);
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'in')).toEqual([]);
  });

  it('records a redelivered callback once', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const payload = inbound(phone, 'Where is my parcel?', `dup-${phone}`);
    const first = await sandboxCallback(payload);
    const second = await sandboxCallback(payload);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toMatchObject({ duplicate: true });
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('records a tap as an inbound item with its postback', async () => {
    const phone = uniquePhone({ rcs: true });
    await createProfile(phone);
    const sent = await api('POST', '/v1/messages', {
      to: phone,
      purpose: 'transactional',
      content: {
        type: 'text',
        text: 'Order confirmed',
        suggestions: [{ type: 'reply', text: 'Talk to someone', postback: 'talk_to_someone' }],
      },
    });
    const { id } = await sent.json<{ id: string }>();
    const res = await sandboxCallback({
      id: crypto.randomUUID(),
      phone,
      type: 'tap',
      postback: 'talk_to_someone',
      text: 'Talk to someone',
      message_id: id,
      channel: 'rcs',
    });
    expect(res.status).toBe(200);
    const tap = (await listMessages(phone)).messages.find((m) => m.direction === 'in');
    expect(tap).toMatchObject({ postback: 'talk_to_someone', kind: 'tap' });
  });

  it('honours STOP through the webhook: a later marketing send is refused with 422', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    expect((await sandboxCallback(inbound(phone, 'STOP'))).status).toBe(200);
    const res = await api('POST', '/v1/messages', { to: phone, purpose: 'marketing', content: textContent('Last chance: -20%') });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'marketing_not_subscribed' });
  });

  it('ingestSandbox takes the same ingestion as the signed webhook', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const result = await ingestSandbox(
      env,
      { phone, type: 'message', text: 'Sent from the simulator', channel: 'sms' },
      { actor: 'u_test' },
    );
    expect(result).toEqual({ duplicate: false });
    expect((await listMessages(phone)).messages.map((m) => m.text)).toContain('Sent from the simulator');
  });

  it.each([
    ['both providers are real carriers', { RCS_PROVIDER: 'rbm', SMS_PROVIDER: 'twilio' }],
    ['RCS is RBM and SMS the sandbox', { RCS_PROVIDER: 'rbm', SMS_PROVIDER: 'sandbox' }],
    ['RCS is the sandbox and SMS Twilio', { RCS_PROVIDER: 'sandbox', SMS_PROVIDER: 'twilio' }],
  ])('refuses a signed STOP with 404 when %s, recording nothing', async (_name, providers) => {
    const phone = uniquePhone();
    await createProfile(phone);
    const body = JSON.stringify(inbound(phone, 'STOP'));
    const res = await app.request(
      '/webhooks/sandbox',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sandbox-Signature': await signSandboxPayload(SANDBOX_SECRET, body) },
        body,
      },
      { ...env, ...providers },
    );
    expect(res.status).toBe(404);
    expect((await listMessages(phone)).messages).toEqual([]);
    const profile = await (await api('GET', `/v1/profiles/${encodeURIComponent(phone)}`)).json<{
      consent: { marketing: { status: string } };
    }>();
    expect(profile.consent.marketing.status).toBe('subscribed');
  });

  it('ingestSandbox refuses an invalid payload with 400 naming the field, recording nothing', async () => {
    const phone = uniquePhone();
    const bad = await ingestSandbox(env, { phone: 'nope', type: 'message', text: 'x', channel: 'sms' }, { actor: 'u_test' }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(HttpError);
    expect(bad).toMatchObject({ status: 400, message: expect.stringMatching(/^phone/) });
    // A valid number with one bad field: refused whole, so no profile comes into being.
    const err = await ingestSandbox(env, { phone, type: 'message', text: 'x', channel: 'fax' as 'sms' }, { actor: 'u_test' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ status: 400, message: expect.stringMatching(/^channel/) });
    expect((await api('GET', `/v1/profiles/${encodeURIComponent(phone)}`)).status).toBe(404);
  });
});
