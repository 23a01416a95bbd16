// The RBM adapter against a local fake of Google's API: exact requests for every content
// type and suggestion kind, capability/revoke/agent events, OAuth (JWT verified by the fake,
// cached token, one refresh on 401) and the error classes (404, 400, 429/5xx retries).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../schemas/content';
import { rbmProvider } from '../../worker/providers/rbm';
import type { RcsSendRequest } from '../../worker/providers/types';
import { query, rbm, requestsFor, script, tokenExchanges, uniquePhone } from './helpers';

const API = env.RBM_API_BASE;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function req(to: string, content: Content, over: Partial<RcsSendRequest> = {}): RcsSendRequest {
  return { id: crypto.randomUUID(), to, content, traffic: 'PROMOTION', ttlSeconds: 600, fallbackText: 'fallback', ...over };
}

async function sendAndCapture(content: Content, over: Partial<RcsSendRequest> = {}) {
  const phone = uniquePhone();
  const r = req(phone, content, over);
  const result = await rbm().send(r);
  const sent = (await requestsFor(API, `/v1/phones/${phone}/agentMessages`)).filter((x) => x.method === 'POST');
  expect(sent).toHaveLength(1);
  const one = sent[0]!;
  return { phone, r, result, one, body: JSON.parse(one.body) as Record<string, unknown> };
}

describe('RBM send', () => {
  it('posts text with a chip of every suggestion kind to agentMessages with our message id, agent id, traffic type and ttl', async () => {
    const { phone, r, result, one, body } = await sendAndCapture(
      {
        type: 'text',
        text: 'Your order shipped',
        suggestions: [
          { type: 'reply', text: 'Thanks', postback: 'thanks' },
          { type: 'url', text: 'Track', url: 'https://shop.example/track/1', postback: 'track' },
          { type: 'dial', text: 'Call us', phone: '+33612345678' },
          { type: 'location', text: 'Store', latitude: 48.85, longitude: 2.35, label: 'Paris store' },
          {
            type: 'calendar',
            text: 'Remind me',
            start: '2026-12-01T10:00:00Z',
            end: '2026-12-01T11:00:00Z',
            title: 'Pickup',
            description: 'Bring ID',
          },
          { type: 'share_location', text: 'Share location' },
        ],
      },
      { traffic: 'TRANSACTION', ttlSeconds: 300 },
    );
    expect(result).toEqual({ ok: true, providerMessageId: r.id, channel: 'rcs' });
    expect(one.path).toBe(`/v1/phones/${phone}/agentMessages`);
    expect(query(one)).toEqual({ messageId: r.id, agentId: 'test-agent@rbm.goog' });
    expect(one.headers.authorization).toMatch(/^Bearer fake-token-/);
    expect(one.headers['content-type']).toBe('application/json');
    expect(body).toEqual({
      contentMessage: {
        text: 'Your order shipped',
        suggestions: [
          { reply: { text: 'Thanks', postbackData: 'thanks' } },
          { action: { text: 'Track', postbackData: 'track', openUrlAction: { url: 'https://shop.example/track/1' } } },
          { action: { text: 'Call us', postbackData: `m.${r.id}.2`, dialAction: { phoneNumber: '+33612345678' } } },
          {
            action: {
              text: 'Store',
              postbackData: `m.${r.id}.3`,
              viewLocationAction: { latLong: { latitude: 48.85, longitude: 2.35 }, label: 'Paris store' },
            },
          },
          {
            action: {
              text: 'Remind me',
              postbackData: `m.${r.id}.4`,
              createCalendarEventAction: {
                startTime: '2026-12-01T10:00:00Z',
                endTime: '2026-12-01T11:00:00Z',
                title: 'Pickup',
                description: 'Bring ID',
              },
            },
          },
          { action: { text: 'Share location', postbackData: `m.${r.id}.5`, shareLocationAction: {} } },
        ],
      },
      messageTrafficType: 'TRANSACTION',
      ttl: '300s',
    });
  });

  it('sends media alone as contentInfo', async () => {
    const { body } = await sendAndCapture({ type: 'media', media: { url: 'https://cdn.example/a.jpg' } }, { traffic: 'ACKNOWLEDGEMENT' });
    expect(body).toEqual({
      contentMessage: { contentInfo: { fileUrl: 'https://cdn.example/a.jpg', forceRefresh: false } },
      messageTrafficType: 'ACKNOWLEDGEMENT',
      ttl: '600s',
    });
  });

  it('sends media with a caption as a vertical card so the caption is kept', async () => {
    const { body } = await sendAndCapture({ type: 'media', media: { url: 'https://cdn.example/a.jpg', height: 'short' }, text: 'New in' });
    expect(body.contentMessage).toEqual({
      richCard: {
        standaloneCard: {
          cardOrientation: 'VERTICAL',
          cardContent: {
            description: 'New in',
            media: { height: 'SHORT', contentInfo: { fileUrl: 'https://cdn.example/a.jpg', forceRefresh: false } },
          },
        },
      },
    });
  });

  it('sends a standalone card with title, description, media height, buttons and message chips', async () => {
    const { r, body } = await sendAndCapture({
      type: 'card',
      card: {
        title: 'Red hoodie',
        description: 'Warm as owl feathers',
        media: { url: 'https://cdn.example/hoodie.png', height: 'tall' },
        buttons: [
          { type: 'url', text: 'Buy', url: 'https://shop.example/p/1' },
          { type: 'reply', text: 'Other sizes', postback: 'sizes' },
        ],
      },
      suggestions: [{ type: 'reply', text: 'Stop', postback: 'STOP' }],
    });
    expect(body.contentMessage).toEqual({
      richCard: {
        standaloneCard: {
          cardOrientation: 'VERTICAL',
          cardContent: {
            title: 'Red hoodie',
            description: 'Warm as owl feathers',
            media: { height: 'TALL', contentInfo: { fileUrl: 'https://cdn.example/hoodie.png', forceRefresh: false } },
            suggestions: [
              { action: { text: 'Buy', postbackData: `m.${r.id}.0`, openUrlAction: { url: 'https://shop.example/p/1' } } },
              { reply: { text: 'Other sizes', postbackData: 'sizes' } },
            ],
          },
        },
      },
      suggestions: [{ reply: { text: 'Stop', postbackData: 'STOP' } }],
    });
  });

  it('sends a horizontal card with its image alignment when the layout asks for it', async () => {
    const phone = uniquePhone();
    const r = req(phone, { type: 'card', card: { title: 'Hi', media: { url: 'https://cdn.example/x.png' } } });
    expect((await rbm({ layout: { orientation: 'horizontal', imageAlignment: 'right' } }).send(r)).ok).toBe(true);
    const [one] = await requestsFor(API, `/v1/phones/${phone}/agentMessages`);
    expect((JSON.parse(one!.body) as { contentMessage: unknown }).contentMessage).toEqual({
      richCard: {
        standaloneCard: {
          cardOrientation: 'HORIZONTAL',
          thumbnailImageAlignment: 'RIGHT',
          cardContent: {
            title: 'Hi',
            media: { height: 'MEDIUM', contentInfo: { fileUrl: 'https://cdn.example/x.png', forceRefresh: false } },
          },
        },
      },
    });
  });

  it('sends the horizontal layout a card message asks for, over the default', async () => {
    const phone = uniquePhone();
    const r = req(phone, {
      type: 'card',
      orientation: 'horizontal',
      image_alignment: 'right',
      card: { title: 'Hi', media: { url: 'https://cdn.example/x.png', height: 'short' } },
    });
    expect((await rbm().send(r)).ok).toBe(true);
    const [one] = await requestsFor(API, `/v1/phones/${phone}/agentMessages`);
    expect((JSON.parse(one!.body) as { contentMessage: unknown }).contentMessage).toEqual({
      richCard: {
        standaloneCard: {
          cardOrientation: 'HORIZONTAL',
          thumbnailImageAlignment: 'RIGHT',
          cardContent: {
            title: 'Hi',
            media: { height: 'SHORT', contentInfo: { fileUrl: 'https://cdn.example/x.png', forceRefresh: false } },
          },
        },
      },
    });
  });

  it('sends a carousel with its width and every card', async () => {
    const { r, body } = await sendAndCapture({
      type: 'carousel',
      width: 'small',
      cards: [
        { title: 'One', media: { url: 'https://cdn.example/1.png', height: 'short' }, buttons: [{ type: 'reply', text: 'Pick 1' }] },
        { title: 'Two', description: 'Second', buttons: [{ type: 'dial', text: 'Call', phone: '+14155550100' }] },
      ],
    });
    expect(body.contentMessage).toEqual({
      richCard: {
        carouselCard: {
          cardWidth: 'SMALL',
          cardContents: [
            {
              title: 'One',
              media: { height: 'SHORT', contentInfo: { fileUrl: 'https://cdn.example/1.png', forceRefresh: false } },
              suggestions: [{ reply: { text: 'Pick 1', postbackData: `m.${r.id}.0` } }],
            },
            {
              title: 'Two',
              description: 'Second',
              suggestions: [{ action: { text: 'Call', postbackData: `m.${r.id}.1`, dialAction: { phoneNumber: '+14155550100' } } }],
            },
          ],
        },
      },
    });
  });

  it('defaults a carousel to medium width', async () => {
    const { body } = await sendAndCapture({ type: 'carousel', cards: [{ title: 'A' }, { title: 'B' }] });
    expect(body.contentMessage).toEqual({
      richCard: { carouselCard: { cardWidth: 'MEDIUM', cardContents: [{ title: 'A' }, { title: 'B' }] } },
    });
  });
});

describe('RBM send errors', () => {
  it('answers not_reachable when Google says 404', async () => {
    const phone = uniquePhone();
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [
      { status: 404, body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } } },
    ]);
    expect(await rbm().send(req(phone, { type: 'text', text: 'hi' }))).toEqual({
      ok: false,
      kind: 'not_reachable',
      message: 'NOT_FOUND: Requested entity was not found.',
    });
  });

  it('answers rejected with Google message when Google says 400, without retrying', async () => {
    const phone = uniquePhone();
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [
      { status: 400, body: { error: { code: 400, message: 'Carousel not supported', status: 'INVALID_ARGUMENT' } } },
    ]);
    expect(await rbm().send(req(phone, { type: 'text', text: 'hi' }))).toEqual({
      ok: false,
      kind: 'rejected',
      message: 'INVALID_ARGUMENT: Carousel not supported',
      code: '400',
    });
    expect(await requestsFor(API, `/v1/phones/${phone}/agentMessages`)).toHaveLength(1);
  });

  it('retries 429 and 503 with the same messageId and succeeds', async () => {
    const phone = uniquePhone();
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [
      { status: 429, body: { error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED' } } },
      { status: 503, body: { error: { code: 503, message: 'unavailable', status: 'UNAVAILABLE' } } },
    ]);
    const r = req(phone, { type: 'text', text: 'hi' });
    expect(await rbm().send(r)).toEqual({ ok: true, providerMessageId: r.id, channel: 'rcs' });
    const sent = await requestsFor(API, `/v1/phones/${phone}/agentMessages`);
    expect(sent.map((x) => query(x).messageId)).toEqual([r.id, r.id, r.id]);
  });

  it('gives up after the bounded number of attempts and answers unavailable', async () => {
    const phone = uniquePhone();
    const err = { status: 500, body: { error: { code: 500, message: 'backend error', status: 'INTERNAL' } } };
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [err, err, err, err]);
    expect(await rbm().send(req(phone, { type: 'text', text: 'hi' }))).toEqual({
      ok: false,
      kind: 'unavailable',
      message: 'INTERNAL: backend error',
    });
    expect(await requestsFor(API, `/v1/phones/${phone}/agentMessages`)).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    const phone = uniquePhone();
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [{ status: 0, drop: true }]);
    const r = req(phone, { type: 'text', text: 'hi' });
    expect(await rbm().send(r)).toEqual({ ok: true, providerMessageId: r.id, channel: 'rcs' });
  });
});

describe('RBM capability, revoke and agent events', () => {
  it('checks capability with a fresh requestId each time and returns the features', async () => {
    const phone = uniquePhone();
    const p = rbm();
    const cap = await p.checkCapability(phone);
    await p.checkCapability(phone);
    expect(cap.capable).toBe(true);
    expect(cap.features).toContain('RICHCARD_CAROUSEL');
    const calls = await requestsFor(API, `/v1/phones/${phone}/capabilities`);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.method).toBe('GET');
    expect(query(calls[0]!).agentId).toBe('test-agent@rbm.goog');
    expect(query(calls[0]!).requestId).toMatch(UUID);
    expect(query(calls[0]!).requestId).not.toBe(query(calls[1]!).requestId);
  });

  it('reports a 404 capability answer as not capable', async () => {
    const phone = uniquePhone();
    await script(API, 'GET', `/v1/phones/${phone}/capabilities`, [
      { status: 404, body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } } },
    ]);
    expect(await rbm().checkCapability(phone)).toEqual({ capable: false, features: [] });
  });

  it('revokes with DELETE and reads 200 as revoked and 404 as already delivered', async () => {
    const phone = uniquePhone();
    const p = rbm();
    expect(await p.revoke(phone, 'msg-1')).toBe('revoked');
    await script(API, 'DELETE', `/v1/phones/${phone}/agentMessages/msg-2`, [
      { status: 404, body: { error: { code: 404, message: 'delivered', status: 'NOT_FOUND' } } },
    ]);
    expect(await p.revoke(phone, 'msg-2')).toBe('already_delivered');
    const calls = await requestsFor(API, `/v1/phones/${phone}/agentMessages/`);
    expect(calls.map((c) => [c.method, c.path, query(c)])).toEqual([
      ['DELETE', `/v1/phones/${phone}/agentMessages/msg-1`, { agentId: 'test-agent@rbm.goog' }],
      ['DELETE', `/v1/phones/${phone}/agentMessages/msg-2`, { agentId: 'test-agent@rbm.goog' }],
    ]);
  });

  it('posts IS_TYPING and READ agent events with a fresh eventId', async () => {
    const phone = uniquePhone();
    const p = rbm();
    await p.sendAgentEvent(phone, { type: 'typing' });
    await p.sendAgentEvent(phone, { type: 'read', messageId: 'user-msg-7' });
    const calls = await requestsFor(API, `/v1/phones/${phone}/agentEvents`);
    expect(calls.map((c) => JSON.parse(c.body) as unknown)).toEqual([
      { eventType: 'IS_TYPING' },
      { eventType: 'READ', messageId: 'user-msg-7' },
    ]);
    for (const c of calls) {
      expect(c.method).toBe('POST');
      expect(query(c).eventId).toMatch(UUID);
      expect(query(c).agentId).toBe('test-agent@rbm.goog');
    }
  });
});

describe('RBM OAuth', () => {
  it('exchanges a JWT the token endpoint verifies, then reuses the cached token', async () => {
    const email = `cache-${crypto.randomUUID()}@test.iam.gserviceaccount.com`;
    const p = rbm({}, email);
    await p.checkCapability(uniquePhone());
    await p.checkCapability(uniquePhone());
    const exchanges = await tokenExchanges(email);
    expect(exchanges).toHaveLength(1);
    const { form: f, claims } = exchanges[0]!;
    expect(f.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(claims).toMatchObject({ iss: email, scope: 'https://www.googleapis.com/auth/rcsbusinessmessaging', aud: env.GOOGLE_TOKEN_URL });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('refreshes the token once on a 401 and retries the call', async () => {
    const email = `refresh-${crypto.randomUUID()}@test.iam.gserviceaccount.com`;
    const phone = uniquePhone();
    await script(API, 'GET', `/v1/phones/${phone}/capabilities`, [
      { status: 401, body: { error: { code: 401, message: 'expired', status: 'UNAUTHENTICATED' } } },
    ]);
    const cap = await rbm({}, email).checkCapability(phone);
    expect(cap.capable).toBe(true);
    const calls = await requestsFor(API, `/v1/phones/${phone}/capabilities`);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers.authorization).not.toBe(calls[1]!.headers.authorization);
    expect(await tokenExchanges(email)).toHaveLength(2);
  });

  it('does not loop when Google keeps answering 401', async () => {
    const phone = uniquePhone();
    const e401 = { status: 401, body: { error: { code: 401, message: 'nope', status: 'UNAUTHENTICATED' } } };
    await script(API, 'POST', `/v1/phones/${phone}/agentMessages`, [e401, e401, e401]);
    const result = await rbm().send(req(phone, { type: 'text', text: 'hi' }));
    expect(result).toMatchObject({ ok: false, kind: 'rejected', code: '401' });
    expect(await requestsFor(API, `/v1/phones/${phone}/agentMessages`)).toHaveLength(2);
  });

  it('builds from the environment with RCS_PROVIDER=rbm', () => {
    expect(rbmProvider(env).name).toBe('rbm');
    expect(rbmProvider(env).handlesFallback).toBe(false);
  });
});
