// Personalised messages (worker/templates): Liquid in the words of a message, checked before a
// customer is chosen and rendered for one, inside workerd like the Profile object runs it.
import { describe, expect, it } from 'vitest';
import type { Content } from '../../schemas/content';
import { checkTemplates, refuseTemplateErrors, renderContent, SAMPLE_CONTEXT, type TemplateContext } from '../../worker/templates';
import { HttpError } from '../../worker/errors';

const lea: TemplateContext = {
  ...SAMPLE_CONTEXT,
  first_name: 'Léa',
  properties: { preferred_category: 'robes', sku: 'LIN-42', company: 'Léa & Co' },
};
const nobody: TemplateContext = { ...SAMPLE_CONTEXT, first_name: null, properties: {} };

const text = (t: string): Content => ({ type: 'text', text: t });
const renderedText = (content: Content, ctx: TemplateContext) => {
  const r = renderContent(content, null, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.content.type === 'text' ? r.content.text : '';
};

describe('renderContent', () => {
  it('renders the issue examples: a default for a missing first name, a property by name', () => {
    const content = text('Bonjour {{ first_name | default: "vous" }}, nos {{ properties.preferred_category }} vous attendent');
    expect(renderedText(content, lea)).toBe('Bonjour Léa, nos robes vous attendent');
    expect(renderedText(content, nobody)).toBe('Bonjour vous, nos  vous attendent');
  });

  it('renders a missing property empty, or as its default, without an error', () => {
    expect(renderedText(text('[{{ properties.pointure }}]'), nobody)).toBe('[]');
    expect(renderedText(text('{{ properties.pointure | default: "38" }}'), nobody)).toBe('38');
  });

  it('reads only the customer’s own values, never what objects inherit', () => {
    expect(
      renderedText(
        text('[{{ first_name.constructor }}{{ properties.constructor }}{{ properties.__proto__ }}{{ properties.toString }}]'),
        lea,
      ),
    ).toBe('[]');
  });

  it('does not escape HTML: the output is a text message', () => {
    expect(renderedText(text('Pour {{ properties.company }} <3'), lea)).toBe('Pour Léa & Co <3');
  });

  it('renders the triggering event for flows', () => {
    const ctx: TemplateContext = {
      ...lea,
      event: { name: 'cart_abandoned', properties: { items: 2 }, value: 89.9, time: '2026-05-01T10:00:00Z' },
    };
    expect(renderedText(text('{{ event.properties.items }} articles, {{ event.value }} €'), ctx)).toBe('2 articles, 89.9 €');
  });

  it('renders every templated field of a carousel and the fallback text', () => {
    const content: Content = {
      type: 'carousel',
      cards: [
        {
          title: '{{ first_name }}, pour vous',
          media: { url: 'https://cdn.example.com/{{ properties.sku }}.jpg', alt: '{{ properties.preferred_category }}' },
          buttons: [{ type: 'url', text: 'Voir {{ properties.sku }}', url: 'https://shop.example.com/p/{{ properties.sku }}' }],
        },
        {
          title: 'Et aussi',
          description: 'Des {{ properties.preferred_category | upcase }}',
          media: { url: 'https://cdn.example.com/b.jpg' },
        },
      ],
      suggestions: [{ type: 'reply', text: 'Merci {{ first_name }}' }],
    };
    const r = renderContent(content, 'Bonjour {{ first_name }}: https://shop.example.com', lea);
    expect(r).toEqual({
      ok: true,
      fallbackText: 'Bonjour Léa: https://shop.example.com',
      content: {
        type: 'carousel',
        cards: [
          {
            title: 'Léa, pour vous',
            media: { url: 'https://cdn.example.com/LIN-42.jpg', alt: 'robes' },
            buttons: [{ type: 'url', text: 'Voir LIN-42', url: 'https://shop.example.com/p/LIN-42' }],
          },
          { title: 'Et aussi', description: 'Des ROBES', media: { url: 'https://cdn.example.com/b.jpg' } },
        ],
        suggestions: [{ type: 'reply', text: 'Merci Léa' }],
      },
    });
  });

  it('refuses a chip that renders over 25 characters, naming the field, instead of cutting it', () => {
    const content: Content = {
      type: 'text',
      text: 'Hello',
      suggestions: [
        { type: 'reply', text: 'Oui' },
        { type: 'reply', text: 'Voir la sélection {{ properties.preferred_category }} de {{ first_name }}' },
      ],
    };
    const r = renderContent(content, null, lea);
    expect(r).toEqual({
      ok: false,
      issues: [{ path: 'content.suggestions.1.text', code: 'template_render', message: expect.stringContaining('at most 25 characters') }],
    });
  });

  it('refuses a card title that grows past 200 characters once rendered', () => {
    const content: Content = { type: 'card', card: { title: '{{ properties.long }}' } };
    const r = renderContent(content, null, { ...lea, properties: { long: 'x'.repeat(201) } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['content.card.title']);
  });

  it('accepts a templated https URL and refuses one that renders to javascript:', () => {
    const ok: Content = {
      type: 'text',
      text: 'Hi',
      suggestions: [{ type: 'url', text: 'Shop', url: 'https://shop.example.com/{{ properties.sku }}' }],
    };
    expect(renderContent(ok, null, lea).ok).toBe(true);
    const bad: Content = { type: 'text', text: 'Hi', suggestions: [{ type: 'url', text: 'Shop', url: '{{ properties.link }}' }] };
    // Refused before rendering: the written part is not https.
    expect(checkTemplates(bad)).toEqual([expect.objectContaining({ path: 'content.suggestions.0.url', code: 'template_url' })]);
    const r = renderContent(bad, null, { ...lea, properties: { link: 'javascript:alert(1)' } });
    expect(!r.ok && r.issues).toEqual([expect.objectContaining({ path: 'content.suggestions.0.url', code: 'template_url' })]);
  });

  it('refuses an https-prefixed URL template whose result is not a valid URL', () => {
    const content: Content = { type: 'media', media: { url: 'https://{{ properties.host }}/a.jpg' } };
    const r = renderContent(content, null, { ...lea, properties: { host: 'bad host' } });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['content.media.url']);
  });

  it('stops a runaway loop with the limits instead of hanging', () => {
    const huge = text('{% for i in (1..1000000000) %}x{% endfor %}');
    const nested = text('{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}');
    const output = text('{% for i in (1..50000) %}0123456789{% endfor %}');
    for (const content of [huge, nested, output]) {
      const r = renderContent(content, null, lea);
      expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ path: 'content.text', code: 'template_render' })] });
      expect(!r.ok && r.issues[0]!.message).toMatch(/limit exceeded/);
    }
  });

  it('shares one budget between the fields of a message', () => {
    const loop = '{% for i in (1..30000) limit: 1 %}{% endfor %}ok';
    expect(renderedText(text(loop), lea)).toBe('ok');
    const r = renderContent({ type: 'card', card: { title: loop, description: loop } }, null, lea);
    expect(!r.ok && r.issues).toEqual([
      expect.objectContaining({ path: 'content.card.description', message: expect.stringMatching(/limit exceeded/) }),
    ]);
  });

  it('renders the fallback text and refuses one that renders empty', () => {
    const r = renderContent(text('Hi'), '{{ properties.missing }}', lea);
    expect(!r.ok && r.issues).toEqual([{ path: 'fallback_text', code: 'template_render', message: 'renders empty for this customer' }]);
  });
});

describe('checkTemplates', () => {
  it('finds nothing wrong with the issue examples', () => {
    expect(checkTemplates(text('Bonjour {{ first_name | default: "vous" }} {{ properties.preferred_category }}'))).toEqual([]);
  });

  it('reports an unknown filter and an unclosed output with the field path', () => {
    const content: Content = {
      type: 'carousel',
      cards: [{ title: 'ok {{ first_name }}' }, { title: '{{ first_name | nope }}' }],
      suggestions: [{ type: 'reply', text: '{{ first_name' }],
    };
    const issues = checkTemplates(content, 'Hi {% if first_name %}');
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['content.cards.1.title', 'template_syntax'],
      ['content.suggestions.0.text', 'template_syntax'],
      ['fallback_text', 'template_syntax'],
    ]);
    expect(issues[0]!.message).toMatch(/undefined filter: nope/);
  });

  it('refuses include, render and layout: a message reads no file', () => {
    for (const tag of ['{% include "secrets" %}', '{% render "x" %}', '{% layout "x" %}']) {
      expect(checkTemplates(text(`Hi ${tag}`))).toEqual([
        { path: 'content.text', code: 'template_syntax', message: expect.stringMatching(/tag is not allowed in messages/) },
      ]);
    }
  });

  it('leaves the length of a templated chip to rendering, but checks the rest of the shape', () => {
    const content = {
      type: 'text',
      text: 'Hi',
      suggestions: [
        { type: 'reply', text: '{{ first_name | default: "vous" | upcase }}' },
        { type: 'reply', text: '' },
      ],
    };
    expect(checkTemplates(content)).toEqual([{ path: 'content.suggestions.1.text', code: 'invalid', message: 'must not be empty' }]);
  });

  it('refuseTemplateErrors throws a 400 listing every bad field', () => {
    const content = { type: 'card', card: { title: '{{ x | nope }}', description: '{% if %}' } };
    let thrown: unknown;
    try {
      refuseTemplateErrors(content, '{{ y');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    const e = thrown as HttpError;
    expect([e.status, e.code]).toEqual([400, 'invalid_template']);
    expect((e.details as { path: string }[]).map((d) => d.path)).toEqual([
      'content.card.title',
      'content.card.description',
      'fallback_text',
    ]);
  });
});
