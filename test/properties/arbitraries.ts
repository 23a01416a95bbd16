// Generators of valid content-model values and of hostile text, shared by the property suites.
import fc from 'fast-check';
import type { Card, Content, Suggestion } from '../../schemas/content';

/** Text a customer or a brand may write: every plane of Unicode, emoji, RTL, zero-width, markup. */
export const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom(
        'a',
        'é',
        'ç',
        'Ç',
        '€',
        '{',
        '\n',
        ' ',
        '"',
        '–',
        '…',
        '\u00a0',
        '\u200b',
        '👍🏽',
        '👨‍👩‍👧',
        '🇫🇷',
        'e\u0301',
        'ש',
        '<',
        '>',
      ),
      maxLength,
    }),
  );

/** Words as a French or English brand writes them: GSM-7 only. */
// `size: 'max'` lets lengths reach the schema's limits (fast-check keeps strings short by default).
export const gsmText = (minLength: number, maxLength: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?:;-+%&()éèàùÉ€@'.split('')),
    minLength,
    maxLength,
    size: 'max',
  });

/** A label a schema accepts: 1 to `max` characters once trimmed. */
const label = (max: number) => gsmText(1, max).filter((s) => s.trim().length > 0 && s.trim() === s);

const httpsUrl = fc
  .tuple(fc.constantFrom('shop.example', 'cdn.example.com', 'xn--bcher-kva.example'), fc.webPath({ size: 'small' }))
  .map(([host, path]) => `https://${host}${path}`);

const mediaUrl = fc
  .tuple(httpsUrl, fc.constantFrom('jpg', 'png', 'gif', 'mp4'))
  .map(([u, ext]) => `${u.replace(/[?#].*$/, '').replace(/\/$/, '')}/m.${ext}`);

const iso = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const postback = fc.option(gsmText(1, 40), { nil: undefined });

export const suggestion: fc.Arbitrary<Suggestion> = fc.oneof(
  fc.record({ type: fc.constant('reply' as const), text: label(25), postback }, { requiredKeys: ['type', 'text'] }),
  fc.record({ type: fc.constant('url' as const), text: label(25), url: httpsUrl, postback }, { requiredKeys: ['type', 'text', 'url'] }),
  fc.record({
    type: fc.constant('dial' as const),
    text: label(25),
    phone: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
  }),
  fc.record(
    {
      type: fc.constant('location' as const),
      text: label(25),
      latitude: fc.double({ min: -90, max: 90, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      label: gsmText(0, 100),
    },
    { requiredKeys: ['type', 'text', 'latitude', 'longitude'] },
  ),
  fc
    .record({ type: fc.constant('calendar' as const), text: label(25), start: iso, end: iso, title: label(100) })
    .map((s) => (s.end < s.start ? { ...s, start: s.end, end: s.start } : s)),
  fc.record({ type: fc.constant('share_location' as const), text: label(25) }),
);

const media = fc.record({ url: mediaUrl, height: fc.constantFrom('short' as const, 'medium' as const) }, { requiredKeys: ['url'] });

export const card: fc.Arbitrary<Card> = fc
  .record(
    {
      title: gsmText(0, 200),
      description: gsmText(0, 2000),
      media,
      buttons: fc.array(suggestion, { maxLength: 4 }),
    },
    { requiredKeys: [] },
  )
  .filter((c) => Boolean(c.title || c.description || c.media));

const suggestions = fc.option(fc.array(suggestion, { maxLength: 11 }), { nil: undefined });

/** Content the schema accepts, brand words in GSM-7 (so its SMS version must stay GSM-7). */
export const content: fc.Arbitrary<Content> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text: gsmText(1, 3072), suggestions }, { requiredKeys: ['type', 'text'] }),
  fc.record({ type: fc.constant('media' as const), media, text: gsmText(0, 3072), suggestions }, { requiredKeys: ['type', 'media'] }),
  fc.record({ type: fc.constant('card' as const), card, suggestions }, { requiredKeys: ['type', 'card'] }),
  fc.record(
    { type: fc.constant('carousel' as const), cards: fc.array(card, { minLength: 2, maxLength: 10 }), suggestions },
    { requiredKeys: ['type', 'cards'] },
  ),
);

/** Drops keys whose value is undefined, as JSON would. */
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
