// The hostile corpus (test/security/hostile-corpus.test.ts) on the carriers' own webhooks, here
// where RBM and Twilio are configured with their tokens: forged and unsigned callbacks record
// nothing, signed ones with bad envelopes get a clear 4xx, hostile text is kept as text, a number
// that does not parse is dropped, and a replayed callback is recorded once.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../worker/providers/twilio/webhook';
import { API_KEY } from '../api/helpers';
import { deepArray, FOREIGN_PHONES, HOSTILE_TEXT, INVALID_PHONES, MALFORMED_JSON, Probe } from '../security/hostile-kit';
import { rbmEnvelope, uniquePhone } from './helpers';

const probe = new Probe();
const BASE = 'https://console.example.test';
const is = (status: number) => (a: { status: number }) => (a.status === status ? null : `expected ${status}`);
const is4xx = (a: { status: number }) => (a.status >= 400 && a.status < 500 ? null : 'expected a 4xx');

afterAll(() => console.log(`hostile carrier webhooks: ${probe.count} hostile requests tried, ${probe.problems.length} problems`));

async function thread(phone: string): Promise<{ text?: string; id: string }[]> {
  const { exports } = await import('cloudflare:workers');
  const res = await exports.default.fetch(`${BASE}/v1/profiles/${encodeURIComponent(phone)}/messages`, {
    headers: { authorization: `Bearer ${API_KEY}` },
  });
  if (res.status === 404) return [];
  return (await res.json<{ messages: { text?: string; id: string }[] }>()).messages;
}

const rbmText = (phone: string, text: string, messageId = crypto.randomUUID()) => ({
  senderPhoneNumber: phone,
  messageId,
  sendTime: '2026-01-01T00:00:00Z',
  agentId: env.RBM_AGENT_ID,
  text,
});

const rbm = (what: string, body: string, signature: string | null, expect?: (a: { status: number }) => string | null) =>
  probe.send(
    `rbm ${what}`,
    `${BASE}/webhooks/rbm`,
    { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-goog-signature': signature } : {}) }, body },
    { expect },
  );

async function signedRbm(what: string, decodedOrRaw: unknown, expect?: (a: { status: number }) => string | null) {
  const { body, signature } = await rbmEnvelope(decodedOrRaw, env.RBM_CLIENT_TOKEN);
  return rbm(what, body, signature, expect);
}

async function twilio(
  what: string,
  params: Record<string, string>,
  opts: { sign?: boolean | string; expect?: (a: { status: number }) => string | null } = {},
) {
  const form = new URLSearchParams(params);
  const signature =
    opts.sign === false
      ? null
      : typeof opts.sign === 'string'
        ? opts.sign
        : await twilioSignature(env.TWILIO_AUTH_TOKEN, `${env.PUBLIC_URL}/webhooks/twilio`, form);
  return probe.send(
    `twilio ${what}`,
    `${BASE}/webhooks/twilio`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: form.toString(),
    },
    { expect: opts.expect },
  );
}

const sid = () => `SM${crypto.randomUUID().replace(/-/g, '')}`;

describe('hostile callbacks on the RBM webhook', { timeout: 120_000 }, () => {
  it('records nothing for unsigned, forged or other-token callbacks', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    const { body, signature } = await rbmEnvelope(rbmText(phone, 'forged'), env.RBM_CLIENT_TOKEN);
    const other = await rbmEnvelope(rbmText(phone, 'forged'), 'another-client-token');
    await rbm('unsigned', body, null, is(401));
    await rbm(
      'forged',
      body,
      signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      is(401),
    );
    await rbm('other token', other.body, other.signature, is(401));
    await rbm('garbage signature', body, '%%%', is(401));
    expect(await thread(phone)).toEqual([]);
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('answers signed bad envelopes with a 4xx, keeps hostile text as text and drops numbers that do not parse', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    const { rbmSignature } = await import('../../worker/providers/rbm/webhook');
    const sign = async (raw: string) => rbmSignature(env.RBM_CLIENT_TOKEN, new TextEncoder().encode(raw));
    for (const raw of MALFORMED_JSON) await rbm(`envelope ${raw.slice(0, 12)}`, raw, await sign(raw), is4xx);
    const deep = deepArray(100_000);
    await rbm('deep envelope', deep, await sign(deep), is4xx);
    const notBase64 = JSON.stringify({ message: { data: '%%%', messageId: '1' }, subscription: 's' });
    await rbm('data not base64', notBase64, await sign(notBase64), is4xx);
    for (const decoded of ['just text', [], 42, null]) await signedRbm(`data ${JSON.stringify(decoded)}`, decoded, is4xx);
    for (const text of HOSTILE_TEXT) await signedRbm(`text ${text.slice(0, 12)}`, rbmText(phone, text), is(200));
    for (const bad of [...INVALID_PHONES, ...FOREIGN_PHONES]) await signedRbm(`phone ${bad}`, rbmText(bad, 'hi'));
    const texts = (await thread(phone)).map((m) => m.text);
    for (const text of HOSTILE_TEXT.filter((t) => !t.includes('\u0000') && !t.includes('\uD800') && t.length < 3000))
      expect(texts).toContain(text);
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('records a replayed callback once', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    const text = `replayed ${crypto.randomUUID()}`;
    const { body, signature } = await rbmEnvelope(rbmText(phone, text), env.RBM_CLIENT_TOKEN);
    for (let i = 0; i < 4; i++) await rbm('replay', body, signature, is(200));
    expect((await thread(phone)).filter((m) => m.text === text)).toHaveLength(1);
    expect(probe.problems.slice(start)).toEqual([]);
  });
});

describe('hostile callbacks on the Twilio webhook', { timeout: 120_000 }, () => {
  it('records nothing for unsigned or forged callbacks', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    const params = { MessageSid: sid(), From: phone, To: env.TWILIO_FROM, Body: 'forged' };
    await twilio('unsigned', params, { sign: false, expect: is(401) });
    await twilio('forged', params, { sign: btoa('x'.repeat(20)), expect: is(401) });
    await twilio('garbage signature', params, { sign: '%%%', expect: is(401) });
    expect(await thread(phone)).toEqual([]);
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('answers signed bad callbacks with a 4xx or a harmless record', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    await twilio('no MessageSid', { From: phone, To: env.TWILIO_FROM, Body: 'hi' }, { expect: is(400) });
    for (const text of HOSTILE_TEXT)
      await twilio(`body ${text.slice(0, 12)}`, { MessageSid: sid(), From: phone, To: env.TWILIO_FROM, Body: text }, { expect: is(200) });
    for (const bad of [...INVALID_PHONES, ...FOREIGN_PHONES])
      await twilio(`from ${bad}`, { MessageSid: sid(), From: bad, To: env.TWILIO_FROM, Body: 'hi' });
    for (const status of ['delivered', 'failed', '<script>', ''])
      await twilio(`status ${status}`, { MessageSid: sid(), MessageStatus: status, To: phone, From: env.TWILIO_FROM });
    await twilio('payload', {
      MessageSid: sid(),
      From: phone,
      To: env.TWILIO_FROM,
      ButtonPayload: "m.' OR 1=1 --.0",
      ButtonText: '<b>x</b>',
    });
    const texts = (await thread(phone)).map((m) => m.text);
    for (const text of HOSTILE_TEXT.filter((t) => !t.includes('\u0000') && !t.includes('\uD800') && t.length < 3000))
      expect(texts).toContain(text);
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('records a replayed callback once', async () => {
    const start = probe.problems.length;
    const phone = uniquePhone();
    const params = { MessageSid: sid(), From: phone, To: env.TWILIO_FROM, Body: `replayed ${crypto.randomUUID()}` };
    for (let i = 0; i < 4; i++) await twilio('replay', params, { expect: is(200) });
    expect((await thread(phone)).filter((m) => m.text === params.Body)).toHaveLength(1);
    expect(probe.problems.slice(start)).toEqual([]);
  });
});
