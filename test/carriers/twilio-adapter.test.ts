// The Twilio adapters against a local fake of Twilio's REST and Content APIs: exact form
// bodies for SMS/MMS, RCS through the Messaging Service with Content API templates cached
// by hash in D1, and the error classes (21610 opt-out, 429 retried, 5xx not retried).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../schemas/content';
import { twilioRcsProvider, twilioSmsProvider } from '../../worker/providers/twilio';
import type { RcsSendRequest } from '../../worker/providers/types';
import { form, requestsFor, script, twilioRcs, twilioSms, uniquePhone, type Recorded } from './helpers';

const API = env.TWILIO_API_BASE;
const MESSAGES = '/2010-04-01/Accounts/ACtest00000000000000000000000000/Messages.json';
const BASIC = `Basic ${btoa('ACtest00000000000000000000000000:test-twilio-auth-token')}`;
const CALLBACK = 'https://console.example.test/webhooks/twilio';

const messagesTo = async (phone: string): Promise<Recorded[]> => (await requestsFor(API, `To=${phone}`)).filter((r) => r.path === MESSAGES);
const pairs = (r: Recorded): [string, string][] => [...form(r)];

function rcsReq(to: string, content: Content, fallbackText = 'See it at https://shop.example'): RcsSendRequest {
  return { id: crypto.randomUUID(), to, content, traffic: 'PROMOTION', ttlSeconds: 300, fallbackText };
}

describe('Twilio SMS', () => {
  it('posts an SMS form with Basic auth, the Messaging Service and the status callback', async () => {
    const phone = uniquePhone();
    const result = await twilioSms().send({ id: 'm1', to: phone, text: 'Your code is 1234' });
    expect(result).toMatchObject({ ok: true, channel: 'sms' });
    const [one, ...rest] = await messagesTo(phone);
    expect(rest).toHaveLength(0);
    expect(result.ok && result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(one!.method).toBe('POST');
    expect(one!.headers.authorization).toBe(BASIC);
    expect(one!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(pairs(one!)).toEqual([
      ['To', phone],
      ['Body', 'Your code is 1234'],
      ['MessagingServiceSid', 'MGtest00000000000000000000000000'],
      ['StatusCallback', CALLBACK],
    ]);
  });

  it('repeats MediaUrl for an MMS', async () => {
    const phone = uniquePhone();
    await twilioSms().send({ id: 'm2', to: phone, text: 'Look', mediaUrls: ['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg'] });
    const [one] = await messagesTo(phone);
    expect(form(one!).getAll('MediaUrl')).toEqual(['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg']);
  });

  it('sends From when no Messaging Service is configured', async () => {
    const phone = uniquePhone();
    const { TwilioSmsProvider } = await import('../../worker/providers/twilio/provider');
    const { twilioSettings } = await import('../../worker/providers/twilio');
    const { messagingServiceSid: _drop, ...settings } = twilioSettings(env);
    await new TwilioSmsProvider(settings).send({ id: 'm3', to: phone, text: 'Hi' });
    const [one] = await messagesTo(phone);
    expect(form(one!).get('From')).toBe('+15005550006');
    expect(form(one!).has('MessagingServiceSid')).toBe(false);
  });

  it('answers rejected with code 21610 when the recipient opted out at the carrier', async () => {
    const phone = uniquePhone();
    await script(API, 'POST', `To=${phone}`, [
      {
        status: 400,
        body: {
          code: 21610,
          message: 'Attempt to send to unsubscribed recipient',
          more_info: 'https://www.twilio.com/docs/errors/21610',
          status: 400,
        },
      },
    ]);
    expect(await twilioSms().send({ id: 'm4', to: phone, text: 'Hi' })).toEqual({
      ok: false,
      kind: 'rejected',
      code: '21610',
      message: 'Attempt to send to unsubscribed recipient',
    });
  });

  it('retries a 429 but never a 5xx, which may already have queued the message', async () => {
    const a = uniquePhone();
    await script(API, 'POST', `To=${a}`, [{ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } }]);
    expect((await twilioSms().send({ id: 'm5', to: a, text: 'Hi' })).ok).toBe(true);
    expect(await messagesTo(a)).toHaveLength(2);
    const b = uniquePhone();
    await script(API, 'POST', `To=${b}`, [{ status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } }]);
    // `unknown`, not `unavailable`: the Profile must not send it again either.
    expect(await twilioSms().send({ id: 'm6', to: b, text: 'Hi' })).toEqual({
      ok: false,
      kind: 'unknown',
      message: 'Internal Server Error',
    });
    expect(await messagesTo(b)).toHaveLength(1);
  });

  it('builds from the environment with SMS_PROVIDER=twilio', () => {
    expect(twilioSmsProvider(env).name).toBe('twilio');
  });
});

describe('Twilio RCS through the Messaging Service', () => {
  it('sends plain text as a Body to a plain +E164 so Twilio may fall back to SMS', async () => {
    const phone = uniquePhone();
    // The fallback text of plain text is the text itself (the Profile's SMS version of it).
    const result = await twilioRcs().send(rcsReq(phone, { type: 'text', text: 'Hello' }, 'Hello'));
    expect(result.ok).toBe(true);
    const [one] = await messagesTo(phone);
    expect(pairs(one!)).toEqual([
      ['To', phone],
      ['Body', 'Hello'],
      ['MessagingServiceSid', 'MGtest00000000000000000000000000'],
      ['StatusCallback', CALLBACK],
    ]);
  });

  it('sends the SMS version as the Body of plain marketing text, so the opt-out mention is there if Twilio falls back', async () => {
    const phone = uniquePhone();
    const result = await twilioRcs().send(rcsReq(phone, { type: 'text', text: 'Soldes -30 %' }, 'Soldes -30 %\nSTOP au 36111'));
    expect(result.ok).toBe(true);
    const [one] = await messagesTo(phone);
    expect(form(one!).get('Body')).toBe('Soldes -30 %\nSTOP au 36111');
  });

  it('creates a card template for text with chips, with the fallback text as twilio/text', async () => {
    const phone = uniquePhone();
    const fallback = `Reply YES or NO ${phone}`;
    const r = rcsReq(
      phone,
      {
        type: 'text',
        text: 'Confirm your order?',
        suggestions: [
          { type: 'reply', text: 'Yes', postback: 'yes' },
          { type: 'url', text: 'Details', url: 'https://shop.example/o/1' },
          { type: 'dial', text: 'Call', phone: '+14155550100' },
        ],
      },
      fallback,
    );
    await twilioRcs().send(r);
    const [tpl, ...more] = (await requestsFor(API, fallback)).filter((x) => x.path === '/v1/Content');
    expect(more).toHaveLength(0);
    expect(tpl!.headers.authorization).toBe(BASIC);
    expect(tpl!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(tpl!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ language: 'en', variables: {} });
    expect(body.friendly_name).toMatch(/^rcs_console_[0-9a-f]{24}$/);
    expect(body.types).toEqual({
      'twilio/text': { body: fallback },
      'twilio/card': {
        body: 'Confirm your order?',
        actions: [
          { type: 'QUICK_REPLY', title: 'Yes', id: 'yes' },
          { type: 'URL', title: 'Details', url: 'https://shop.example/o/1', id: `m.${r.id}.1` },
          { type: 'PHONE_NUMBER', title: 'Call', phone: '+14155550100' },
        ],
      },
    });
    const [msg] = await messagesTo(phone);
    expect(form(msg!).get('ContentSid')).toMatch(/^HX[0-9a-f]{32}$/);
    expect(form(msg!).has('Body')).toBe(false);
    expect(form(msg!).get('MessagingServiceSid')).toBe('MGtest00000000000000000000000000');
  });

  it('maps media to twilio/media, a card to twilio/card and a carousel to twilio/carousel', async () => {
    const cases: [Content, Record<string, unknown>][] = [
      [
        { type: 'media', media: { url: 'https://cdn.example/m.jpg' }, text: 'New' },
        { 'twilio/media': { body: 'New', media: ['https://cdn.example/m.jpg'] } },
      ],
      [
        {
          type: 'card',
          card: {
            title: 'Hoodie',
            description: 'Warm',
            media: { url: 'https://cdn.example/h.png' },
            buttons: [{ type: 'reply', text: 'Buy', postback: 'buy' }],
          },
        },
        {
          'twilio/card': {
            title: 'Hoodie',
            body: 'Warm',
            media: ['https://cdn.example/h.png'],
            actions: [{ type: 'QUICK_REPLY', title: 'Buy', id: 'buy' }],
          },
        },
      ],
      [
        {
          type: 'carousel',
          cards: [
            {
              title: 'A',
              media: { url: 'https://cdn.example/a.png' },
              buttons: [{ type: 'url', text: 'Open', url: 'https://shop.example/a', postback: 'a' }],
            },
            { title: 'B', description: 'bee', buttons: [{ type: 'reply', text: 'Pick', postback: 'b' }] },
          ],
        },
        {
          'twilio/carousel': {
            cards: [
              {
                title: 'A',
                media: ['https://cdn.example/a.png'],
                actions: [{ type: 'URL', title: 'Open', url: 'https://shop.example/a', id: 'a' }],
              },
              { title: 'B', body: 'bee', actions: [{ type: 'QUICK_REPLY', title: 'Pick', id: 'b' }] },
            ],
          },
        },
      ],
    ];
    for (const [content, expected] of cases) {
      const phone = uniquePhone();
      const fallback = `fallback for ${phone}`;
      expect((await twilioRcs().send(rcsReq(phone, content, fallback))).ok).toBe(true);
      const [tpl] = (await requestsFor(API, fallback)).filter((x) => x.path === '/v1/Content');
      const types = (JSON.parse(tpl!.body) as { types: Record<string, Record<string, unknown>> }).types;
      expect(types['twilio/text']).toEqual({ body: fallback });
      const [key] = Object.keys(expected);
      if (key === 'twilio/carousel') expect(types[key]).toEqual({ body: fallback, ...(expected[key] as object) });
      else expect(types[key!]).toEqual(expected[key!]);
    }
  });

  it("carries a carousel's own suggestions on the cards' free button slots, the Stop chip first, since Twilio carousels have none", async () => {
    const phone = uniquePhone();
    const fallback = `carousel chips ${phone}`;
    const content: Content = {
      type: 'carousel',
      cards: [
        { title: 'A', buttons: [{ type: 'reply', text: 'One', postback: 'a1' }] },
        { title: 'B', buttons: [{ type: 'reply', text: 'Two', postback: 'b1' }] },
      ],
      suggestions: [
        { type: 'reply', text: 'More', postback: 'more' },
        { type: 'reply', text: 'Help', postback: 'help' },
        { type: 'reply', text: 'Stop', postback: 'STOP' },
      ],
    };
    expect((await twilioRcs().send(rcsReq(phone, content, fallback))).ok).toBe(true);
    const [tpl] = (await requestsFor(API, fallback)).filter((x) => x.path === '/v1/Content');
    const carousel = (JSON.parse(tpl!.body) as { types: { 'twilio/carousel': { cards: { actions: { id: string }[] }[] } } }).types[
      'twilio/carousel'
    ];
    // The last card takes Stop, the one before takes "More"; "Help" finds no slot.
    expect(carousel.cards.map((c) => c.actions.map((a) => a.id))).toEqual([
      ['a1', 'more'],
      ['b1', 'STOP'],
    ]);
  });

  it('turns view-location and calendar actions into links, and leaves out share-location, which Twilio cannot carry', async () => {
    const phone = uniquePhone();
    const fallback = `links ${phone}`;
    await twilioRcs().send(
      rcsReq(
        phone,
        {
          type: 'text',
          text: 'Pickup',
          suggestions: [
            { type: 'location', text: 'Store', latitude: 48.85, longitude: 2.35, postback: 'store' },
            {
              type: 'calendar',
              text: 'Add',
              start: '2026-12-01T10:00:00.000Z',
              end: '2026-12-01T11:30:00Z',
              title: 'Pickup',
              description: 'Bring ID',
              postback: 'cal',
            },
            { type: 'share_location', text: 'Share', postback: 'share' },
          ],
        },
        fallback,
      ),
    );
    const [tpl] = (await requestsFor(API, fallback)).filter((x) => x.path === '/v1/Content');
    const card = (JSON.parse(tpl!.body) as { types: { 'twilio/card': unknown } }).types['twilio/card'];
    expect(card).toEqual({
      body: 'Pickup',
      actions: [
        { type: 'URL', title: 'Store', url: 'https://www.google.com/maps/search/?api=1&query=48.85,2.35', id: 'store' },
        {
          type: 'URL',
          title: 'Add',
          url: 'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Pickup&dates=20261201T100000Z%2F20261201T113000Z&details=Bring+ID',
          id: 'cal',
        },
      ],
    });
  });

  it('creates a template once per distinct content and reuses it from D1', async () => {
    const fallback = `cached ${crypto.randomUUID()}`;
    const content: Content = { type: 'card', card: { title: 'Same card', buttons: [{ type: 'reply', text: 'Ok', postback: 'ok' }] } };
    const a = uniquePhone();
    const b = uniquePhone();
    await twilioRcs().send(rcsReq(a, content, fallback));
    await twilioRcs().send(rcsReq(b, content, fallback));
    expect((await requestsFor(API, fallback)).filter((x) => x.path === '/v1/Content')).toHaveLength(1);
    const sidA = form((await messagesTo(a))[0]!).get('ContentSid');
    expect(form((await messagesTo(b))[0]!).get('ContentSid')).toBe(sidA);
    const row = await env.DB.prepare('SELECT sid FROM twilio_content WHERE sid = ?').bind(sidA).first<{ sid: string }>();
    expect(row?.sid).toBe(sidA);
  });

  it('answers rejected and sends nothing when the Content API refuses the template', async () => {
    const phone = uniquePhone();
    const fallback = `refused ${phone}`;
    await script(API, 'POST', fallback, [{ status: 400, body: { code: 20001, message: 'Invalid card', status: 400 } }]);
    const result = await twilioRcs().send(rcsReq(phone, { type: 'card', card: { title: 'x', description: 'y' } }, fallback));
    expect(result).toEqual({ ok: false, kind: 'rejected', code: '20001', message: 'Content API: Invalid card' });
    expect(await messagesTo(phone)).toHaveLength(0);
  });

  it('declares that Twilio handles the SMS fallback and reports every number as capable', async () => {
    const p = twilioRcsProvider(env);
    expect(p.handlesFallback).toBe(true);
    expect((await p.checkCapability(uniquePhone())).capable).toBe(true);
  });
});
