// The builders' drafts (client/components/composer/drafts.ts) and what the composer sends
// (outgoing.ts): the same schema and lint as the Worker decide what blocks a card, and each
// SMS counted is the one the Worker will send (its own smsFallbackText, chips included).
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  type CardFields,
  type CarouselDraft,
  draftContent,
  draftOf,
  emptyCard,
  emptyCardDraft,
} from '../client/components/composer/drafts';
import { outgoing } from '../client/components/composer/outgoing';
import { type Content, ContentSchema } from '../schemas/content';
import { smsFallbackText } from '../schemas/sms';

const photo = 'https://console.example.test/media/0123456789abcdef0123456789abcdef.png';
const card = (patch: Partial<CardFields>) => ({ ...emptyCardDraft(), card: { ...emptyCard(), ...patch } });

describe('draftContent', () => {
  it('builds a valid card from its fields, leaving out empty button rows', () => {
    const built = draftContent(
      card({
        title: 'Sale',
        image: photo,
        buttons: [
          { text: 'Shop', url: 'https://shop.example' },
          { text: '', url: '' },
        ],
      }),
    );
    expect(built.problems).toEqual([]);
    expect(built.content).toEqual({
      type: 'card',
      card: {
        title: 'Sale',
        media: { url: photo, height: 'medium' },
        buttons: [{ type: 'url', text: 'Shop', url: 'https://shop.example' }],
      },
    });
    expect(v.is(ContentSchema, built.content)).toBe(true);
    expect(built.sms).toBe(smsFallbackText(built.content as Content));
  });

  it('blocks what carriers refuse: http and SVG images, a label over 25 characters, an empty card', () => {
    const at = (patch: Partial<CardFields>) => draftContent(card(patch)).problems.map((p) => p.path);
    expect(at({ title: 'A', image: 'http://cdn.example.com/a.png' })).toContain('card.media.url');
    expect(at({ title: 'A', image: 'https://cdn.example.com/a.svg' })).toContain('card.media.url');
    expect(at({ title: 'A', buttons: [{ text: 'x'.repeat(26), url: '' }] })).toContain('card.buttons.0.text');
    expect(at({})).toEqual(['card']);
    expect(draftContent(card({ title: 'A', image: 'http://cdn.example.com/a.png' })).content).toBeNull();
  });

  it('refuses tall media in a small carousel, naming the cards', () => {
    const draft: CarouselDraft = {
      kind: 'carousel',
      cards: [
        { ...emptyCard(), title: 'A', image: photo, height: 'tall' },
        { ...emptyCard(), title: 'B', image: photo },
      ],
      width: 'small',
      buttons: [],
      fallback: null,
    };
    expect(draftContent(draft).problems.map((p) => p.path)).toContain('cards');
    expect(draftContent({ ...draft, width: 'medium' }).content?.type).toBe('carousel');
  });

  it('gives back saved content as a draft that builds the same content', () => {
    const saved: Content = {
      type: 'carousel',
      width: 'medium',
      cards: [
        { title: 'A', media: { url: photo, height: 'medium' }, buttons: [{ type: 'url', text: 'Buy A', url: 'https://shop.example/a' }] },
        { title: 'B', media: { url: photo, height: 'short' }, buttons: [{ type: 'reply', text: 'Buy B' }] },
      ],
      suggestions: [{ type: 'url', text: 'See the collection', url: 'https://shop.example/all' }],
    };
    const draft = draftOf(saved);
    if (!draft) throw new Error('no draft');
    expect(draftContent(draft).content).toEqual(saved);
  });
});

describe('outgoing', () => {
  it('counts the chips’ "Reply: …" line in the SMS of a text', () => {
    const { messages } = outgoing('Is it for you?', ['Yes', 'No'], null);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.sms).toBe('Is it for you?\nReply: Yes / No');
    expect(messages[0]?.fallback_text).toBeUndefined();
  });

  it('puts the chips under an attached card, whose SMS is the generated one unless rewritten', () => {
    const attached = card({ title: 'Order shipped' });
    const { messages } = outgoing('Hello', ['Thanks'], attached);
    expect(messages.map((m) => m.content.type)).toEqual(['text', 'card']);
    expect(messages[0]?.sms).toBe('Hello');
    expect(messages[1]?.sms).toBe('Order shipped\nReply: Thanks');
    expect(messages[1]?.fallback_text).toBeUndefined();
    const rewritten = outgoing('', [], { ...attached, fallback: 'Your order shipped.' }).messages;
    expect(rewritten[0]).toMatchObject({ sms: 'Your order shipped.', fallback_text: 'Your order shipped.' });
  });

  it('reports an attachment the chips push over a limit instead of dropping it', () => {
    const chips = Array.from({ length: 12 }, (_, i) => `Chip ${i}`);
    const result = outgoing('', chips, card({ title: 'A' }));
    expect(result.messages).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
  });
});
