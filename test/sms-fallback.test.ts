// The stand-alone SMS version of every content type (schemas/sms.ts) and the opt-out mention.
import { describe, expect, it } from 'vitest';
import type { Content } from '../schemas/content';
import { countSegments } from '../schemas/gsm';
import { formatWhen, hasOptOutMention, smsFallbackText, smsVersion, withOptOutMention } from '../schemas/sms';

describe('smsFallbackText', () => {
  it('keeps a plain text as it is, trimmed', () => {
    expect(smsFallbackText({ type: 'text', text: '  Your order has shipped.  ' })).toBe('Your order has shipped.');
  });

  it('lists reply chips on one "Reply:" line', () => {
    const content: Content = {
      type: 'text',
      text: 'Still interested?',
      suggestions: [
        { type: 'reply', text: 'Yes' },
        { type: 'reply', text: 'No' },
      ],
    };
    expect(smsFallbackText(content)).toBe('Still interested?\nReply: Yes / No');
  });

  it('adds the media URL after the text of a media message', () => {
    const content: Content = { type: 'media', text: 'New arrivals', media: { url: 'https://cdn.example.com/a.jpg' } };
    expect(smsFallbackText(content)).toBe('New arrivals\nhttps://cdn.example.com/a.jpg');
  });

  it('sends a media message without text as its URL alone', () => {
    expect(smsFallbackText({ type: 'media', media: { url: 'https://cdn.example.com/v.mp4' } })).toBe('https://cdn.example.com/v.mp4');
  });

  it('writes a card as title, description and one line per button', () => {
    const content: Content = {
      type: 'card',
      card: {
        title: 'Summer sale',
        description: '-30% on sandals',
        media: { url: 'https://cdn.example.com/sandals.jpg' },
        buttons: [
          { type: 'url', text: 'Shop', url: 'https://shop.example.com/sale' },
          { type: 'dial', text: 'Call us', phone: '+33123456789' },
          { type: 'location', text: 'Our store', latitude: 48.8566, longitude: 2.3522 },
          { type: 'calendar', text: 'Remind me', title: 'Sale ends', start: '2026-07-01T09:00:00+02:00', end: '2026-07-01T10:00:00+02:00' },
          { type: 'reply', text: 'Not now' },
        ],
      },
    };
    expect(smsFallbackText(content)).toBe(
      [
        'Summer sale',
        '-30% on sandals',
        'Shop: https://shop.example.com/sale',
        'Call us: +33123456789',
        'Our store: https://www.google.com/maps/search/?api=1&query=48.8566,2.3522',
        'Remind me: Sale ends, 2026-07-01 09:00',
        'Reply: Not now',
      ].join('\n'),
    );
  });

  it('falls back to the image URL for a card that has no words', () => {
    expect(smsFallbackText({ type: 'card', card: { media: { url: 'https://cdn.example.com/x.png' } } })).toBe(
      'https://cdn.example.com/x.png',
    );
  });

  it('writes a carousel as one line per card with its first link, then the suggestions', () => {
    const content: Content = {
      type: 'carousel',
      cards: [
        {
          title: 'Red dress',
          description: '49 €',
          buttons: [
            { type: 'reply', text: 'Like' },
            { type: 'url', text: 'Buy', url: 'https://shop.example.com/red' },
          ],
        },
        {
          title: 'Blue dress',
          description: 'Only\n  a few left',
          buttons: [{ type: 'url', text: 'Buy', url: 'https://shop.example.com/blue' }],
        },
      ],
      suggestions: [{ type: 'url', text: 'See all', url: 'https://shop.example.com/dresses' }],
    };
    expect(smsFallbackText(content)).toBe(
      'Red dress - 49 € - https://shop.example.com/red\nBlue dress - Only a few left - https://shop.example.com/blue\nSee all: https://shop.example.com/dresses',
    );
  });

  it('keeps a carousel fallback in GSM-7 when the brand’s words are: 5 segments, not 10', () => {
    const names = [
      'Linen dress',
      'Oxford shirt',
      'Leather tote',
      'Court sneaker',
      'Table lamp',
      'Silk scarf',
      'Wool coat',
      'Denim jacket',
      'Straw hat',
      'Canvas bag',
    ];
    const content: Content = {
      type: 'carousel',
      cards: names.map((title, i) => ({
        title,
        description: `Now ${20 + i} EUR, -30%`,
        buttons: [{ type: 'url', text: 'Buy', url: `https://shop.example.com/p/${i + 1}` }],
      })),
    };
    const text = smsFallbackText(content, { optOutMention: 'STOP au 36111' });
    expect(countSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 5 });
    // The same words joined by an en dash were UCS-2 and cost twice as much.
    expect(countSegments(text.replaceAll(' - ', ' – '))).toMatchObject({ encoding: 'UCS-2', segments: 10 });
  });

  it.each<[string, Content]>([
    [
      'text with chips',
      {
        type: 'text',
        text: 'Still in?',
        suggestions: [
          { type: 'reply', text: 'Yes' },
          { type: 'dial', text: 'Call', phone: '+33123456789' },
        ],
      },
    ],
    ['media', { type: 'media', text: 'New', media: { url: 'https://cdn.example.com/a.jpg' } }],
    [
      'card with every button type',
      {
        type: 'card',
        card: {
          title: 'Sale',
          description: '-30%',
          buttons: [
            { type: 'url', text: 'Shop', url: 'https://shop.example.com' },
            { type: 'location', text: 'Store', label: 'Paris', latitude: 48.85, longitude: 2.35 },
            { type: 'calendar', text: 'Remind', title: 'Ends', start: '2026-07-01T09:00:00Z', end: '2026-07-01T10:00:00Z' },
          ],
        },
      },
    ],
    [
      'carousel',
      {
        type: 'carousel',
        cards: [
          { title: 'A', description: 'B', media: { url: 'https://cdn.example.com/a.jpg' } },
          { media: { url: 'https://cdn.example.com/b.jpg' } },
        ],
      },
    ],
  ])('adds only GSM-7 characters of its own to a %s', (_, content) => {
    expect(countSegments(smsFallbackText(content, { optOutMention: 'STOP au 36111' })).encoding).toBe('GSM-7');
  });

  it('leaves no runs of empty lines and no trailing spaces', () => {
    const text = smsFallbackText({ type: 'text', text: 'Hello   \n\n\n\nWorld  \n' });
    expect(text).toBe('Hello\n\nWorld');
  });

  it('drops a share-location chip, which SMS cannot carry', () => {
    expect(smsFallbackText({ type: 'text', text: 'Where are you?', suggestions: [{ type: 'share_location', text: 'Share' }] })).toBe(
      'Where are you?',
    );
  });

  it('appends the opt-out mention on its own line when the text lacks one', () => {
    expect(smsFallbackText({ type: 'text', text: '-20% today' }, { optOutMention: 'STOP au 36111' })).toBe('-20% today\nSTOP au 36111');
  });

  it('does not append the mention twice when the text already says STOP', () => {
    expect(smsFallbackText({ type: 'text', text: '-20% today. Reply STOP to opt out' }, { optOutMention: 'STOP au 36111' })).toBe(
      '-20% today. Reply STOP to opt out',
    );
  });

  it('appends nothing when the mention is null', () => {
    expect(smsFallbackText({ type: 'text', text: '-20% today' }, { optOutMention: null })).toBe('-20% today');
  });
});

describe('an SMS version longer than the carriers accept', () => {
  const url = 'https://shop.example/collection/summer';
  const long = (n: number) => 'Notre nouvelle collection est arrivee. '.repeat(Math.ceil(n / 39)).slice(0, n);

  it('shortens the words to 1,600 characters, keeping links, choices and the opt-out mention whole', () => {
    const sms = smsVersion(
      {
        type: 'card',
        card: { title: 'Summer', description: long(2000), buttons: [{ type: 'url', text: 'See the collection', url }] },
        suggestions: [{ type: 'reply', text: 'Yes' }],
      },
      { purpose: 'marketing', optOutMention: 'STOP au 36111' },
    );
    expect(sms.length).toBeLessThanOrEqual(1600);
    const lines = sms.split('\n');
    expect(lines[0]).toBe('Summer');
    expect(lines[1]).toMatch(/^Notre nouvelle collection.*\.\.\.$/);
    expect(lines.slice(2)).toEqual([`See the collection: ${url}`, 'Reply: Yes', 'STOP au 36111']);
  });

  it('shortens the longest card of a carousel first, and every card keeps its link', () => {
    const cards = [
      { title: 'A', description: long(1500), buttons: [{ type: 'url' as const, text: 'Open', url: `${url}/a` }] },
      { title: 'B', description: 'Short', buttons: [{ type: 'url' as const, text: 'Open', url: `${url}/b` }] },
    ];
    const sms = smsVersion({ type: 'carousel', cards: [...cards, { ...cards[0]!, title: 'C', description: long(900) }] }, {});
    expect(sms.length).toBeLessThanOrEqual(1600);
    const lines = sms.split('\n');
    expect(lines[1]).toBe(`B - Short - ${url}/b`);
    for (const [i, line] of lines.entries()) expect(line.endsWith(i === 1 ? '/b' : '/a')).toBe(true);
  });

  it('fits the sender’s own 1,600-character fallback with the mention by shortening the text', () => {
    const sms = smsVersion(null, { fallbackText: long(1600), purpose: 'marketing', optOutMention: 'STOP au 36111' });
    expect(sms.length).toBeLessThanOrEqual(1600);
    expect(sms.endsWith('...\nSTOP au 36111')).toBe(true);
  });
});

describe('withOptOutMention', () => {
  it('adds the mention when marketing copy only says "stop" in lower case', () => {
    expect(withOptOutMention("Don't stop shopping!", 'STOP au 36111')).toBe("Don't stop shopping!\nSTOP au 36111");
  });
  it('recognizes the French ARRÊT keyword as a mention', () => {
    expect(hasOptOutMention('Promo. ARRÊT au 36111')).toBe(true);
  });
  it('recognizes the French opt-out keywords customers are told to send', () => {
    for (const text of ['Promo. ARRETE au 36111', 'Promo. Envoyez ARRÊTEZ', 'DÉSABONNEMENT au 36111', 'Répondez DESINSCRIRE']) {
      expect(hasOptOutMention(text), text).toBe(true);
    }
  });
  it('does not take capitals that also read as copy for a mention, so the mention is added', () => {
    expect(withOptOutMention('FIN DES SOLDES ce soir', 'STOP au 36111')).toBe('FIN DES SOLDES ce soir\nSTOP au 36111');
    expect(hasOptOutMention('ANNULER ou modifier votre RDV en ligne')).toBe(false);
  });
  it('recognizes the brand mention whatever its case and accents', () => {
    expect(hasOptOutMention('Promo. desabonnement: envoyez non au 36111', 'Désabonnement : envoyez NON au 36111')).toBe(true);
  });
  it('does not treat STOP inside another word as a mention', () => {
    expect(hasOptOutMention('Visit our NONSTOP store')).toBe(false);
  });
  it('leaves the text unchanged for an empty mention', () => {
    expect(withOptOutMention('Hello', '   ')).toBe('Hello');
  });
});

describe('formatWhen', () => {
  it('shows a UTC time as UTC and an offset time as its wall time', () => {
    expect(formatWhen('2026-03-05T18:50:21.88Z')).toBe('2026-03-05 18:50 UTC');
    expect(formatWhen('2026-03-05T18:50:00-05:00')).toBe('2026-03-05 18:50');
  });
});
