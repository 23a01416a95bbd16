// Media a carrier refuses is refused at the API too (400 naming the field), not only warned
// about in the console: plain http, SVG and other types phones do not show. A library URL and
// an extensionless CDN URL pass.
import { afterAll, describe, expect, it } from 'vitest';
import type { ContentInput } from '../../schemas/content';
import { api, quiesce, uniquePhone } from './helpers';

interface ErrorJson {
  error: string;
  details?: { path: string; message: string }[];
}

afterAll(() => quiesce());

const send = (content: ContentInput) => api('POST', '/v1/messages', { to: uniquePhone(), purpose: 'transactional', content });
const card = (url: string) => ({ title: 'Sale', media: { url } });

describe('media URLs in content', () => {
  it('refuses an SVG, a .webp and an .html card image with 400 naming the field', async () => {
    for (const url of ['https://cdn.example.com/logo.svg', 'https://cdn.example.com/a.webp', 'https://cdn.example.com/page.html']) {
      const res = await send({ type: 'card', card: card(url) });
      expect(res.status, url).toBe(400);
      const body = await res.json<ErrorJson>();
      expect(body.details?.find((d) => d.path === 'content.card.media.url')?.message, url).toMatch(/JPEG, PNG or GIF/);
    }
  });

  it('names the carousel card whose image is refused', async () => {
    const res = await send({ type: 'carousel', cards: [card('https://cdn.example.com/a.png'), card('http://cdn.example.com/b.png')] });
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).details?.map((d) => d.path)).toContain('content.cards.1.media.url');
  });

  it('accepts a library URL and an extensionless https URL', async () => {
    for (const url of ['https://console.example.test/media/0123456789abcdef0123456789abcdef.png', 'https://cdn.example.com/image?id=4']) {
      const res = await send({ type: 'card', card: card(url) });
      expect(res.status, url).not.toBe(400);
    }
  });
});
