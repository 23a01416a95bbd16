// POST /api/preview: a templated message rendered for a chosen customer, on RCS and on SMS,
// with the SMS parts and the lint for its purpose; template errors are a 400 naming each field.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSegments } from '../../schemas/gsm';
import type { PreviewResponse } from '../../schemas/preview';
import { api, type Session, signIn, uniquePhone } from '../console/helpers';

let agent: Session;
let marketer: Session;
let admin: Session;
const phone = uniquePhone();

beforeAll(async () => {
  [agent, marketer, admin] = await Promise.all([signIn('agent'), signIn('marketer'), signIn('admin')]);
  await env.PROFILE.getByName(phone).upsert(
    phone,
    { first_name: 'Léa', properties: { preferred_category: 'robes' }, consent: { marketing: 'subscribed', source: 'checkout' } },
    'test',
  );
});

const hello = { type: 'text', text: 'Bonjour {{ first_name | default: "vous" }}, nos {{ properties.preferred_category }} sont là' };
const preview = (s: Session | null, body: unknown) => api(s, '/api/preview', { method: 'POST', body });

describe('POST /api/preview', () => {
  it('renders for the chosen customer on RCS and SMS, for every console role', async () => {
    for (const s of [agent, marketer, admin]) {
      const res = await preview(s, { content: hello, purpose: 'transactional', phone });
      expect(res.status).toBe(200);
      const body = await res.json<PreviewResponse>();
      expect(body.phone).toBe(phone);
      expect(body.rcs.content).toEqual({ type: 'text', text: 'Bonjour Léa, nos robes sont là' });
      expect(body.sms.text).toBe('Bonjour Léa, nos robes sont là');
      expect(body.channel_for_profile).toBeNull();
    }
  });

  it('refuses anyone signed out', async () => {
    expect((await preview(null, { content: hello, purpose: 'transactional' })).status).toBe(401);
  });

  it('renders for a sample customer when no phone is given (defaults show)', async () => {
    const res = await preview(agent, {
      content: { type: 'text', text: '{{ properties.preferred_category | default: "nouveautés" }}' },
      purpose: 'support',
    });
    expect(res.status).toBe(200);
    const body = await res.json<PreviewResponse>();
    expect([body.phone, body.rcs.content]).toEqual([null, { type: 'text', text: 'nouveautés' }]);
  });

  it('answers 404 naming the phone of an unknown customer', async () => {
    const other = uniquePhone();
    const res = await preview(marketer, { content: hello, purpose: 'marketing', phone: other });
    expect(res.status).toBe(404);
    const body = await res.json<{ error: string; message: string; details: unknown }>();
    expect(body).toEqual({
      error: 'not_found',
      message: `No customer ${other}.`,
      details: [{ path: 'phone', message: 'no such customer' }],
    });
  });

  it('answers 400 naming every bad field of the template', async () => {
    const content = {
      type: 'carousel',
      cards: [{ title: '{{ first_name | nope }}' }, { title: 'ok', description: '{% include "x" %}' }],
      suggestions: [{ type: 'url', text: 'Go', url: '{{ properties.link }}' }],
    };
    const res = await preview(marketer, { content, fallback_text: 'Hi {{ first_name', purpose: 'marketing', phone });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: string; details: { path: string }[] }>();
    expect(body.error).toBe('invalid_template');
    expect(body.details.map((d) => d.path)).toEqual([
      'content.cards.0.title',
      'content.cards.1.description',
      'content.suggestions.0.url',
      'fallback_text',
    ]);
  });

  it('answers 400 naming a chip that renders too long for this customer', async () => {
    const content = {
      type: 'text',
      text: 'Hi',
      suggestions: [{ type: 'reply', text: 'Découvrez les {{ properties.preferred_category }} pour {{ first_name }}' }],
    };
    const res = await preview(agent, { content, purpose: 'support', phone });
    expect(res.status).toBe(400);
    expect((await res.json<{ details: { path: string }[] }>()).details.map((d) => d.path)).toEqual(['content.suggestions.0.text']);
  });

  it('counts the parts of exactly the SMS text it shows, with the characters that force UCS-2', async () => {
    const content = { type: 'text', text: `${'Bonjour {{ first_name }} ! '.repeat(8)}Soldes d’été 🎉 https://shop.example.com` };
    const res = await preview(marketer, { content, purpose: 'marketing', phone });
    const { sms } = await res.json<PreviewResponse>();
    const counted = countSegments(sms.text);
    expect(sms.segments).toMatchObject({ encoding: counted.encoding, segments: counted.segments, characters: counted.characters });
    expect(sms.segments.encoding).toBe('UCS-2');
    expect(sms.segments.ucs2_characters).toEqual(['’', '🎉']);
    // Marketing: the brand's opt-out mention is added, as the send pipeline does.
    expect(sms.text.endsWith('\nSTOP au 36111')).toBe(true);
  });

  it('lints for the purpose: a marketing SMS that is only a link is an error, on the SMS side', async () => {
    const content = { type: 'card', card: { title: 'Soldes', media: { url: 'https://cdn.example.com/a.jpg' } } };
    const res = await preview(marketer, {
      content,
      fallback_text: 'https://shop.example.com/{{ properties.preferred_category }}',
      purpose: 'marketing',
      phone,
    });
    const body = await res.json<PreviewResponse>();
    // A marketing SMS's link goes out as a short link: the preview shows (and counts) it at that length.
    expect(body.sms.text).toBe('https://console.example.test/l/xxxxxxxxxx\nSTOP au 36111');
    expect(body.sms.lint).toEqual([expect.objectContaining({ level: 'error', code: 'sms_only_link', path: 'fallback_text' })]);
    // The brand's "Stop" chip is added under RCS marketing, so the RCS side has nothing to say about it.
    expect(body.rcs.content.suggestions).toEqual([{ type: 'reply', text: 'Stop', postback: 'STOP' }]);
    expect(body.rcs.lint).toEqual([]);
  });

  it('lints the RCS side with content paths: two calls to action, a card without an image', async () => {
    const content = {
      type: 'card',
      card: { title: 'Soldes', buttons: [{ type: 'url', text: 'Voir', url: 'https://shop.example.com' }] },
      suggestions: [{ type: 'dial', text: 'Appeler', phone: '+33123456789' }],
    };
    const res = await preview(agent, { content, purpose: 'transactional' });
    const body = await res.json<PreviewResponse>();
    expect(body.rcs.lint.map((i) => [i.code, i.path])).toEqual([
      ['card_without_image', 'content.card.media'],
      ['multiple_actions', 'content'],
    ]);
  });
});
