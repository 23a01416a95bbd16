// Content lint (schemas/lint.ts): "one message = one action", media types, limits, carousel
// shape and the number of choices.
import { describe, expect, it } from 'vitest';
import type { Card, Content } from '../schemas/content';
import { lintContent, lintSms, lintSmsText, urlExtension } from '../schemas/lint';

const codes = (content: Content, opts?: Parameters<typeof lintContent>[1]) => lintContent(content, opts).map((i) => i.code);
const photo = { url: 'https://cdn.example.com/p.jpg' };

describe('lintContent', () => {
  it('finds nothing to say about a plain short text', () => {
    expect(lintContent({ type: 'text', text: 'Your order has shipped.' })).toEqual([]);
  });

  it('warns when a card and its suggestions carry more than one call to action', () => {
    const content: Content = {
      type: 'card',
      card: { title: 'Sale', media: photo, buttons: [{ type: 'url', text: 'Shop', url: 'https://shop.example.com' }] },
      suggestions: [{ type: 'dial', text: 'Call', phone: '+33123456789' }],
    };
    expect(lintContent(content)).toEqual([expect.objectContaining({ level: 'warning', code: 'multiple_actions', path: '' })]);
  });

  it('does not count reply chips as calls to action', () => {
    const content: Content = {
      type: 'text',
      text: 'Hi',
      suggestions: [
        { type: 'url', text: 'Shop', url: 'https://shop.example.com' },
        { type: 'reply', text: 'Yes' },
        { type: 'reply', text: 'No' },
      ],
    };
    expect(codes(content)).toEqual([]);
  });

  it('counts calls to action per carousel card', () => {
    const card = (buttons: Card['buttons']): Card => ({ title: 'T', description: 'D', media: photo, buttons });
    const content: Content = {
      type: 'carousel',
      cards: [
        card([{ type: 'url', text: 'Buy', url: 'https://shop.example.com/1' }]),
        card([
          { type: 'url', text: 'Buy', url: 'https://shop.example.com/2' },
          { type: 'dial', text: 'Call', phone: '+33123456789' },
        ]),
      ],
    };
    expect(lintContent(content)).toEqual([expect.objectContaining({ code: 'multiple_actions', path: 'cards.1' })]);
  });

  it('warns about a card without an image', () => {
    expect(codes({ type: 'card', card: { title: 'Sale' } })).toEqual(['card_without_image']);
  });

  it('refuses a media type phones do not show (an error, as carriers refuse it), and accepts jpg and mp4', () => {
    expect(lintContent({ type: 'media', media: { url: 'https://cdn.example.com/a.webp' } })).toEqual([
      expect.objectContaining({ level: 'error', code: 'media_type', path: 'media.url' }),
    ]);
    expect(lintContent({ type: 'card', card: { title: 'Logo', media: { url: 'https://cdn.example.com/logo.svg' } } })).toEqual([
      expect.objectContaining({ level: 'error', code: 'media_type', path: 'card.media.url' }),
    ]);
    expect(codes({ type: 'media', media: { url: 'https://cdn.example.com/a.JPG?v=3' } })).toEqual([]);
    expect(codes({ type: 'media', media: { url: 'https://cdn.example.com/clip.mp4' } })).toEqual([]);
  });

  it('refuses plain http media, and only warns about a local address that only the sandbox can fetch', () => {
    expect(lintContent({ type: 'media', media: { url: 'http://cdn.example.com/a.png' } })).toEqual([
      expect.objectContaining({ level: 'error', code: 'media_not_https', path: 'media.url' }),
    ]);
    expect(lintContent({ type: 'media', media: { url: 'http://localhost:8787/media/a.png' } })).toEqual([
      expect.objectContaining({ level: 'warning', code: 'media_local', path: 'media.url' }),
    ]);
  });

  it('warns when the media URL has no extension to tell its type', () => {
    expect(codes({ type: 'media', media: { url: 'https://cdn.example.com/image' } })).toEqual(['media_type_unknown']);
  });

  it('warns when a title is near its limit and errors past it', () => {
    expect(codes({ type: 'card', card: { title: 'x'.repeat(180), media: photo } })).toEqual(['near_limit']);
    expect(codes({ type: 'card', card: { title: 'x'.repeat(179), media: photo } })).toEqual([]);
    expect(lintContent({ type: 'card', card: { title: 'x'.repeat(201), media: photo } })).toEqual([
      expect.objectContaining({ level: 'error', code: 'too_long', path: 'card.title' }),
    ]);
  });

  it('warns when a description is near its limit', () => {
    expect(lintContent({ type: 'card', card: { description: 'x'.repeat(1900), media: photo } })).toEqual([
      expect.objectContaining({ code: 'near_limit', path: 'card.description' }),
    ]);
  });

  it('warns about a carousel whose cards do not all have media', () => {
    const content: Content = {
      type: 'carousel',
      cards: [
        { title: 'A', media: photo, buttons: [{ type: 'reply', text: 'Buy A' }] },
        { title: 'B', buttons: [{ type: 'reply', text: 'Buy B' }] },
      ],
    };
    expect(lintContent(content)).toEqual([expect.objectContaining({ code: 'carousel_uneven', message: expect.stringContaining('media') })]);
  });

  it('gives the numbers and names of its message as params, which the console translates by (client/lib/lint-messages.ts)', () => {
    const svg = lintContent({ type: 'card', card: { title: 'Logo', media: { url: 'https://cdn.example.com/logo.svg' } } });
    expect(svg).toEqual([expect.objectContaining({ code: 'media_type', params: { ext: 'svg' } })]);
    const uneven: Content = {
      type: 'carousel',
      cards: [
        { title: 'A', media: photo, buttons: [{ type: 'reply', text: 'Buy A' }] },
        { title: 'B', media: photo, buttons: [{ type: 'reply', text: 'Buy B' }] },
        { media: photo, buttons: [{ type: 'reply', text: 'Buy C' }] },
      ],
    };
    expect(lintContent(uneven)).toEqual([expect.objectContaining({ code: 'carousel_uneven', params: { n: 2, total: 3, part: 'title' } })]);
  });

  it('warns about a carousel card without buttons or with more than two (Twilio sends 1 or 2 per card)', () => {
    const reply = (text: string) => ({ type: 'reply' as const, text });
    const content: Content = {
      type: 'carousel',
      cards: [
        { title: 'A', media: photo, buttons: [reply('A1')] },
        { title: 'B', media: photo, buttons: [reply('B1'), reply('B2'), reply('B3')] },
        { title: 'C', media: photo, buttons: [reply('C1'), reply('C2')] },
      ],
    };
    expect(lintContent(content)).toEqual([expect.objectContaining({ code: 'carousel_card_buttons', path: 'cards.1.buttons' })]);
    const none: Content = {
      type: 'carousel',
      cards: [
        { title: 'A', media: photo },
        { title: 'B', media: photo },
      ],
    };
    expect(
      lintContent(none)
        .filter((i) => i.code === 'carousel_card_buttons')
        .map((i) => i.path),
    ).toEqual(['cards.0.buttons', 'cards.1.buttons']);
  });

  it('warns when there are more than four suggestions to choose from', () => {
    const reply = (text: string) => ({ type: 'reply' as const, text });
    expect(codes({ type: 'text', text: 'Pick', suggestions: ['A', 'B', 'C', 'D'].map(reply) })).toEqual([]);
    expect(codes({ type: 'text', text: 'Pick', suggestions: ['A', 'B', 'C', 'D', 'E'].map(reply) })).toEqual(['too_many_choices']);
  });

  it('warns about a duplicate chip label', () => {
    expect(
      codes({
        type: 'text',
        text: 'Pick',
        suggestions: [
          { type: 'reply', text: 'Yes' },
          { type: 'reply', text: 'yes' },
        ],
      }),
    ).toEqual(['duplicate_suggestion']);
  });

  it('errors on a calendar event that ends before it starts', () => {
    const content: Content = {
      type: 'text',
      text: 'Event',
      suggestions: [{ type: 'calendar', text: 'Add', title: 'Sale', start: '2026-07-01T10:00:00Z', end: '2026-07-01T09:00:00Z' }],
    };
    expect(codes(content)).toEqual(['calendar_end_before_start']);
  });

  it('asks marketing messages for a Stop reply, and is satisfied by one', () => {
    expect(codes({ type: 'text', text: 'Promo' }, { purpose: 'marketing' })).toEqual(['no_stop_suggestion']);
    expect(codes({ type: 'text', text: 'Promo', suggestions: [{ type: 'reply', text: 'Stop' }] }, { purpose: 'marketing' })).toEqual([]);
  });
});

describe('lintSmsText', () => {
  const body = 'a'.repeat(100);

  it('names the characters that force UCS-2 when GSM-safe replacement saves parts', () => {
    expect(lintSmsText(`${body} “sale” – now…`)).toEqual([
      {
        level: 'warning',
        code: 'sms_ucs2',
        path: 'fallback_text',
        message: '“ ” – … force the SMS into UCS-2: 2 parts instead of 1. Use the GSM-safe replacement.',
        params: { chars: '“ ” – …', n: 2, fixed: 1 },
      },
    ]);
  });

  it('says nothing when the text is GSM-7, or stays UCS-2 for the brand’s own letters', () => {
    expect(lintSmsText(`${body} "sale" - now...`)).toEqual([]);
    expect(lintSmsText(`${body} “garçon”`)).toEqual([]);
  });

  it('lints the SMS version given with a content, and a text message itself', () => {
    expect(codes({ type: 'text', text: 'Hi' }, { smsText: `${body} – ${body}` })).toEqual(['sms_ucs2']);
    expect(lintContent({ type: 'text', text: `${body} – ok` })).toEqual([expect.objectContaining({ code: 'sms_ucs2', path: 'text' })]);
  });
});

describe('urlExtension', () => {
  it('reads the extension of the path, ignoring the query', () => {
    expect(urlExtension('https://cdn.example.com/a/b.PNG?x=1.gif')).toBe('png');
    expect(urlExtension('https://cdn.example.com/a/')).toBe('');
    expect(urlExtension('not a url')).toBeNull();
  });
});

describe('lintSms (the SMS a customer receives)', () => {
  const words = 'Maison Lumière : la collection été est arrivée.';

  it('errors on a marketing SMS without an opt-out mention, and accepts the brand’s own mention', () => {
    expect(lintSms(words, { purpose: 'marketing' })).toEqual([
      expect.objectContaining({ level: 'error', code: 'sms_no_opt_out', path: 'fallback_text' }),
    ]);
    expect(lintSms(`${words}\nSTOP au 36111`, { purpose: 'marketing' })).toEqual([]);
    expect(
      lintSms(`${words}\nDésinscription : maison-lumiere.example/d`, { purpose: 'marketing', optOutMention: 'Désinscription :' }),
    ).toEqual([]);
    expect(lintSms(words, { purpose: 'transactional' })).toEqual([]);
  });

  it('flags an SMS that is only a link (opt-out line aside): an error for marketing, a warning otherwise', () => {
    const bare = 'https://shop.example.com/ete\nSTOP au 36111';
    expect(lintSms(bare, { purpose: 'marketing' })).toEqual([expect.objectContaining({ level: 'error', code: 'sms_only_link' })]);
    expect(lintSms('https://shop.example.com/ete', { purpose: 'transactional' })).toEqual([
      expect.objectContaining({ level: 'warning', code: 'sms_only_link' }),
    ]);
    expect(lintSms(`Nouveautés : https://shop.example.com/ete\nSTOP au 36111`, { purpose: 'marketing' })).toEqual([]);
  });

  it('errors past 1600 characters and warns past four parts', () => {
    expect(lintSms('a'.repeat(1601)).map((i) => [i.level, i.code])).toEqual([['error', 'sms_too_long']]);
    expect(lintSms('a'.repeat(153 * 4 + 1)).map((i) => [i.level, i.code, i.params?.n])).toEqual([['warning', 'sms_many_parts', 5]]);
    expect(lintSms('a'.repeat(153 * 4))).toEqual([]);
  });

  it('names emoji that cost parts, and says nothing of one that costs none', () => {
    expect(lintSms(`${'a'.repeat(100)} 🎉`)).toEqual([
      expect.objectContaining({ code: 'sms_ucs2_symbols', params: { chars: '🎉', n: 2, fixed: 1 } }),
    ]);
    expect(lintSms('Merci 🎉')).toEqual([]);
  });

  it('runs the SMS rules with the purpose when lintContent is given the SMS version', () => {
    expect(
      codes(
        { type: 'text', text: 'Promo', suggestions: [{ type: 'reply', text: 'Stop' }] },
        { purpose: 'marketing', smsText: 'https://x.example' },
      ),
    ).toEqual(['sms_only_link', 'sms_no_opt_out']);
  });
});
