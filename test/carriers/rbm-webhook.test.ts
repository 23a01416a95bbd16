// Google RBM webhooks: the HMAC-SHA512 test vector Google publishes (docs/carriers.md), the clientToken/secret
// handshake, every decoded payload shape, unknown fields, and forged or missing signatures.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../worker/errors';
import { parseRbmWebhook, rbmSignature } from '../../worker/providers/rbm/webhook';
import type { WebhookResult } from '../../worker/providers/types';
import { rbmEnvelope, uniquePhone } from './helpers';

const VECTOR_DATA =
  '{"senderPhoneNumber":"+12223334444","messageId":"MSG-1","sendTime":"2018-12-31T15:01:23.045123456Z","agentId":"welcome-bot@rbm.goog","text":"Hello, world!"}';
const VECTOR_SIG = 'rXMyXGQEYiYKRqZiA4SMQMdt0Bd0WXExeZ57Zq5EFNsaAM9M+9i3s//yItlNToiHAoBMP1RgINC29fHDIvWr3g==';

async function parse(decoded: unknown, token = env.RBM_CLIENT_TOKEN): Promise<WebhookResult> {
  const { body, signature } = await rbmEnvelope(decoded, token);
  return parseRbmWebhook(body, signature, token);
}

async function eventsOf(decoded: unknown) {
  const r = await parse(decoded);
  if (r.kind !== 'events') throw new Error('expected events');
  return r.events;
}

async function rejection(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('RBM webhook signature', () => {
  it('computes the documented X-Goog-Signature test vector', async () => {
    expect(await rbmSignature('SJENCPGJESMGUFPY', new TextEncoder().encode(VECTOR_DATA))).toBe(VECTOR_SIG);
  });

  it('accepts the test vector envelope, and drops its event: +1 222 333 4444 is not an allocated number', async () => {
    const body = JSON.stringify({
      message: { data: btoa(VECTOR_DATA), messageId: '1415', publishTime: '2025-03-05T18:50:21.88Z' },
      subscription: 'projects/p/subscriptions/s',
    });
    expect(await parseRbmWebhook(body, VECTOR_SIG, 'SJENCPGJESMGUFPY')).toEqual({
      kind: 'events',
      events: [],
      dropped: [{ id: 'MSG-1', reason: 'sender "+12223334444" is not a phone number' }],
    });
  });

  it('refuses a forged signature with 401', async () => {
    const body = JSON.stringify({ message: { data: btoa(VECTOR_DATA) } });
    const forged = VECTOR_SIG.replace('rXMy', 'rXMz');
    expect((await rejection(parseRbmWebhook(body, forged, 'SJENCPGJESMGUFPY'))).status).toBe(401);
  });

  it('refuses a signature made with another client token', async () => {
    const body = JSON.stringify({ message: { data: btoa(VECTOR_DATA) } });
    expect((await rejection(parseRbmWebhook(body, VECTOR_SIG, 'ANOTHER-TOKEN'))).status).toBe(401);
  });

  it('refuses a missing signature and a non-base64 one with 401', async () => {
    const body = JSON.stringify({ message: { data: btoa(VECTOR_DATA) } });
    expect((await rejection(parseRbmWebhook(body, null, 'SJENCPGJESMGUFPY'))).status).toBe(401);
    expect((await rejection(parseRbmWebhook(body, '%%%not base64%%%', 'SJENCPGJESMGUFPY'))).status).toBe(401);
  });

  it('refuses everything when no client token is configured', async () => {
    const body = JSON.stringify({ message: { data: btoa(VECTOR_DATA) } });
    expect((await rejection(parseRbmWebhook(body, VECTOR_SIG, ''))).status).toBe(401);
  });
});

describe('RBM verification handshake', () => {
  it('answers 200 with the plain secret when the clientToken matches', async () => {
    const res = await exports.default.fetch('https://console.example.test/webhooks/rbm', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientToken: env.RBM_CLIENT_TOKEN, secret: 'handshake-secret-42' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('handshake-secret-42');
  });

  it('answers 401 when the clientToken does not match', async () => {
    const res = await exports.default.fetch('https://console.example.test/webhooks/rbm', {
      method: 'POST',
      body: JSON.stringify({ clientToken: 'wrong', secret: 'handshake-secret-42' }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('handshake-secret-42');
  });
});

describe('RBM decoded payloads', () => {
  const phone = '+12015550123';
  const at = '2026-01-02T03:04:05.000Z';
  const base = { provider: 'rbm', phone, at, channel: 'rcs' };

  it('parses a suggestion reply with and without a type', async () => {
    expect(
      await eventsOf({
        senderPhoneNumber: phone,
        messageId: 'U1',
        sendTime: at,
        agentId: 'a',
        suggestionResponse: { postbackData: 'yes', text: 'Yes', type: 'REPLY' },
      }),
    ).toEqual([{ ...base, id: 'U1', type: 'tap', postback: 'yes', text: 'Yes', kind: 'reply' }]);
    expect(
      await eventsOf({ senderPhoneNumber: phone, messageId: 'U2', sendTime: at, suggestionResponse: { postbackData: 'yes', text: 'Yes' } }),
    ).toEqual([{ ...base, id: 'U2', type: 'tap', postback: 'yes', text: 'Yes', kind: 'reply' }]);
  });

  it('parses an action tap that carries eventId instead of messageId', async () => {
    expect(
      await eventsOf({
        senderPhoneNumber: phone,
        eventId: 'E1',
        sendTime: at,
        suggestionResponse: { postbackData: 'track', text: 'Track', type: 'ACTION' },
      }),
    ).toEqual([{ ...base, id: 'E1', type: 'tap', postback: 'track', text: 'Track', kind: 'action' }]);
    expect(
      await eventsOf({ senderPhoneNumber: phone, eventId: 'E2', sendTime: at, suggestionResponse: { postbackData: 'open', text: 'Open' } }),
    ).toEqual([{ ...base, id: 'E2', type: 'tap', postback: 'open', text: 'Open', kind: 'action' }]);
  });

  it('parses a shared location and a user file', async () => {
    expect(
      await eventsOf({ senderPhoneNumber: phone, messageId: 'L1', sendTime: at, location: { latitude: 48.8, longitude: 2.3 } }),
    ).toEqual([{ ...base, id: 'L1', type: 'message', location: { latitude: 48.8, longitude: 2.3 } }]);
    expect(
      await eventsOf({
        senderPhoneNumber: phone,
        messageId: 'F1',
        sendTime: at,
        userFile: {
          payload: { mimeType: 'image/jpeg', fileSizeBytes: 1234, fileUri: 'https://rcs.example/f1', fileName: 'a.jpg' },
          thumbnail: { mimeType: 'image/jpeg', fileUri: 'https://rcs.example/t1' },
        },
      }),
    ).toEqual([{ ...base, id: 'F1', type: 'message', media: [{ url: 'https://rcs.example/f1', content_type: 'image/jpeg' }] }]);
  });

  it('parses DELIVERED and READ user events as statuses of our message', async () => {
    expect(
      await eventsOf({ senderPhoneNumber: phone, eventType: 'DELIVERED', eventId: 'EV1', messageId: 'OUR-1', sendTime: at, agentId: 'a' }),
    ).toEqual([{ ...base, id: 'EV1', type: 'status', status: 'delivered', provider_message_id: 'OUR-1' }]);
    expect(await eventsOf({ senderPhoneNumber: phone, eventType: 'READ', eventId: 'EV2', messageId: 'OUR-1', sendTime: at })).toEqual([
      { ...base, id: 'EV2', type: 'status', status: 'read', provider_message_id: 'OUR-1' },
    ]);
  });

  it('parses IS_TYPING, UNSUBSCRIBE and SUBSCRIBE', async () => {
    expect(await eventsOf({ senderPhoneNumber: phone, eventType: 'IS_TYPING', eventId: 'T1', sendTime: at })).toEqual([
      { ...base, id: 'T1', type: 'typing' },
    ]);
    expect(await eventsOf({ senderPhoneNumber: phone, eventType: 'UNSUBSCRIBE', eventId: 'U1', sendTime: at })).toEqual([
      { ...base, id: 'U1', type: 'unsubscribe' },
    ]);
    expect(await eventsOf({ senderPhoneNumber: phone, eventType: 'SUBSCRIBE', eventId: 'S1', sendTime: at })).toEqual([
      { ...base, id: 'S1', type: 'subscribe' },
    ]);
  });

  it('parses the TTL server events, which name the user phoneNumber', async () => {
    expect(
      await eventsOf({
        phoneNumber: phone,
        messageId: 'OUR-2',
        eventType: 'TTL_EXPIRATION_REVOKED',
        eventId: 'X1',
        sendTime: at,
        agentId: 'a',
      }),
    ).toEqual([
      {
        ...base,
        id: 'X1',
        type: 'status',
        status: 'ttl_revoked',
        provider_message_id: 'OUR-2',
        reason: 'RBM revoked the message when its TTL expired',
      },
    ]);
    expect(
      await eventsOf({ phoneNumber: phone, messageId: 'OUR-3', eventType: 'TTL_EXPIRATION_REVOKE_FAILED', eventId: 'X2', sendTime: at }),
    ).toEqual([
      {
        ...base,
        id: 'X2',
        type: 'status',
        status: 'ttl_revoke_failed',
        provider_message_id: 'OUR-3',
        reason: 'RBM could not revoke the message at TTL expiry',
      },
    ]);
  });

  it('ignores unknown fields and acknowledges unknown event types without events', async () => {
    expect(
      await eventsOf({ senderPhoneNumber: phone, messageId: 'K1', sendTime: at, text: 'hi', brandNewField: { x: 1 }, agentId: 'a' }),
    ).toEqual([{ ...base, id: 'K1', type: 'message', text: 'hi' }]);
    expect(await eventsOf({ senderPhoneNumber: phone, eventType: 'SOMETHING_NEW', eventId: 'Z1', sendTime: at })).toEqual([]);
  });

  it('uses the publish time when the payload has no sendTime', async () => {
    const { body, signature } = await rbmEnvelope(
      { senderPhoneNumber: phone, messageId: 'P1', text: 'x' },
      env.RBM_CLIENT_TOKEN,
      '2025-03-05T18:50:21.88Z',
    );
    const r = await parseRbmWebhook(body, signature, env.RBM_CLIENT_TOKEN);
    expect(r.kind === 'events' && r.events[0]?.at).toBe('2025-03-05T18:50:21.88Z');
  });

  it('answers 400 naming the field when a signed envelope carries a malformed payload', async () => {
    const err = await rejection(parse({ senderPhoneNumber: phone, messageId: 'B1', location: { latitude: 'north' } }));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^location\.latitude/);
  });
});

describe('POST /webhooks/rbm', () => {
  it('answers 401 to a forged or missing signature', async () => {
    const { body } = await rbmEnvelope({ senderPhoneNumber: uniquePhone(), messageId: crypto.randomUUID(), text: 'STOP' }, 'not-the-token');
    const forged = await exports.default.fetch('https://console.example.test/webhooks/rbm', {
      method: 'POST',
      headers: { 'x-goog-signature': (await rbmEnvelope({}, 'x')).signature },
      body,
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: 'unauthorized' });
    const missing = await exports.default.fetch('https://console.example.test/webhooks/rbm', { method: 'POST', body });
    expect(missing.status).toBe(401);
  });
});
