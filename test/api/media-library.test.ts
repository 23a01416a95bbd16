// The media library: uploads checked by their bytes and bounded in size, every console role may
// upload, the files served publicly (no session) at an immutable URL for the carriers, a paged
// newest-first listing, and removal that hides a file without breaking messages already sent.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, MediaPage } from '../../schemas/media';
import { MEDIA_LIMITS } from '../../schemas/media';
import { api, BASE, type Session, signIn } from '../console/helpers';
import { gif, jpeg, png, upload, uploadForm } from './media-files';

interface ErrorJson {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}

let admin: Session;
let agent: Session;
let marketer: Session;
beforeAll(async () => {
  [admin, agent, marketer] = await Promise.all([signIn('admin'), signIn('agent'), signIn('marketer')]);
});

const pathOf = (item: MediaItem) => new URL(item.url).pathname;
const publicGet = (path: string, headers: Record<string, string> = {}) => exports.default.fetch(`${BASE}${path}`, { headers });

async function listAll(s: Session, limit = 2): Promise<MediaItem[]> {
  const out: MediaItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const res = await api(s, `/api/media/library?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const body = await res.json<MediaPage>();
    expect(body.items.length).toBeLessThanOrEqual(limit);
    out.push(...body.items);
    cursor = body.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('the listing never ended');
}

describe('upload', () => {
  it('lets admins, agents and marketers upload, and reads the type and size from the bytes', async () => {
    for (const s of [admin, agent, marketer]) {
      const bytes = png(640, 480);
      const res = await upload(s, bytes, 'image/png', 'summer.png');
      expect(res.status, s.user.role).toBe(201);
      const item = await res.json<MediaItem>();
      expect(item).toMatchObject({
        content_type: 'image/png',
        bytes: bytes.byteLength,
        width: 640,
        height: 480,
        name: 'summer.png',
        created_by: s.user.id,
        warnings: [],
      });
      expect(item.url).toBe(`${env.PUBLIC_URL}/media/${item.id}.png`);
      expect(item.id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('takes a multipart form too, and reads JPEG and GIF dimensions', async () => {
    const res = await uploadForm(agent, jpeg(1200, 800), 'dress.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(await res.json<MediaItem>()).toMatchObject({ content_type: 'image/jpeg', width: 1200, height: 800, name: 'dress.jpg' });
    const g = await upload(agent, gif(320, 200), 'image/gif');
    expect(await g.json<MediaItem>()).toMatchObject({ content_type: 'image/gif', width: 320, height: 200 });
  });

  it('serves the bytes as what they are, whatever the upload declared', async () => {
    const res = await upload(agent, png(10, 10), 'application/octet-stream', 'no-type');
    expect(res.status).toBe(201);
    const item = await res.json<MediaItem>();
    expect(item.content_type).toBe('image/png');
    expect(item.url).toMatch(/\.png$/);
  });

  it('answers the same file twice with the one library entry', async () => {
    const bytes = png(50, 50);
    const first = await (await upload(agent, bytes, 'image/png')).json<MediaItem>();
    const again = await upload(marketer, bytes, 'image/png');
    expect(again.status).toBe(200);
    expect((await again.json<MediaItem>()).id).toBe(first.id);
  });

  it('refuses an HTML page named .png and an SVG with 415 naming the file, and stores nothing', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const before = (await env.MEDIA.list({ prefix: 'library/' })).objects.length;
    for (const [bytes, type, name] of [
      [html, 'image/png', 'photo.png'],
      [svg, 'image/svg+xml', 'logo.svg'],
    ] as const) {
      const res = await upload(marketer, bytes, type, name);
      expect(res.status, name).toBe(415);
      const body = await res.json<ErrorJson>();
      expect(body.error).toBe('unsupported_media_type');
      expect(body.details?.[0]?.path).toBe('file');
    }
    const form = await uploadForm(marketer, new Uint8Array(html), 'photo.png', 'image/png');
    expect(form.status).toBe(415);
    expect((await env.MEDIA.list({ prefix: 'library/' })).objects.length).toBe(before);
  });

  it('refuses an image over 5 MB with 413, and a body over the largest limit before reading it', async () => {
    const big = png(4000, 3000, MEDIA_LIMITS.imageBytes + 1);
    const res = await upload(agent, big, 'image/png', 'huge.png');
    expect(res.status).toBe(413);
    expect(await res.json<ErrorJson>()).toMatchObject({ error: 'payload_too_large', details: [{ path: 'file' }] });
    const huge = await upload(agent, new Uint8Array(MEDIA_LIMITS.videoBytes + 64 * 1024), 'video/mp4');
    expect(huge.status).toBe(413);
    const names = (await listAll(admin, 100)).map((i) => i.name);
    expect(names).not.toContain('huge.png');
  });

  it('warns when an image is larger than MMS carries', async () => {
    const res = await upload(agent, png(2000, 2000, MEDIA_LIMITS.mmsImageBytes + 1), 'image/png');
    expect(res.status).toBe(201);
    expect((await res.json<MediaItem>()).warnings).toEqual(['mms_too_large']);
  });

  it('answers 401 without a session, and 403 without the CSRF token', async () => {
    expect((await upload(null, png(1, 1), 'image/png')).status).toBe(401);
    const res = await exports.default.fetch(`${BASE}/api/media/library`, {
      method: 'POST',
      headers: { origin: BASE, cookie: agent.cookie, 'content-type': 'image/png' },
      body: png(1, 1),
    });
    expect(res.status).toBe(403);
  });
});

describe('public serving', () => {
  it('serves the file without a session, immutable, with its exact type, nosniff and no redirect', async () => {
    const bytes = png(3, 4);
    const item = await (await upload(agent, bytes, 'image/png')).json<MediaItem>();
    const res = await publicGet(pathOf(item));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(res.headers.get('location')).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const again = await publicGet(pathOf(item), { 'if-none-match': res.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
  });

  it('answers 404 for an unknown id, a wrong extension, and a customer’s inbound file', async () => {
    const item = await (await upload(agent, png(2, 2), 'image/png')).json<MediaItem>();
    expect((await publicGet(`/media/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect((await publicGet(`/media/${item.id}.gif`)).status).toBe(404);
    expect((await publicGet(`/media/${item.id}`)).status).toBe(404);
    await env.MEDIA.put(`library/${'a'.repeat(32)}.png`, png(1, 1), { customMetadata: { state: 'stored', provider: 'twilio' } });
    expect((await publicGet(`/media/${'a'.repeat(32)}.png`)).status).toBe(404);
  });
});

describe('listing', () => {
  it('lists newest first, page by page, every file once', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) {
      mine.push((await (await upload(marketer, png(10 + i, 10), 'image/png', `page-${i}.png`)).json<MediaItem>()).id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const all = await listAll(agent, 2);
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => mine.includes(id))).toEqual([...mine].reverse());
    const times = all.map((i) => i.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('refuses a cursor it did not make, naming it', async () => {
    const res = await api(agent, '/api/media/library?cursor=bm90LW91cnM');
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).details?.[0]?.path).toBe('cursor');
  });
});

describe('removal', () => {
  it('is for the uploader or an admin, hides the file from the library, and keeps its URL working', async () => {
    const item = await (await upload(agent, png(8, 8), 'image/png')).json<MediaItem>();
    const other = await signIn('agent');
    expect((await api(other, `/api/media/library/${item.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(marketer, `/api/media/library/${item.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(agent, `/api/media/library/${item.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await listAll(agent, 100)).map((i) => i.id)).not.toContain(item.id);
    // Messages already sent name this URL: the carriers can still fetch it.
    expect((await publicGet(pathOf(item))).status).toBe(200);
    expect((await api(agent, `/api/media/library/${item.id}`, { method: 'DELETE' })).status).toBe(404);

    const theirs = await (await upload(marketer, png(9, 9), 'image/png')).json<MediaItem>();
    expect((await api(admin, `/api/media/library/${theirs.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('brings a removed file back when it is uploaded again', async () => {
    const bytes = png(12, 12);
    const item = await (await upload(agent, bytes, 'image/png')).json<MediaItem>();
    await api(agent, `/api/media/library/${item.id}`, { method: 'DELETE' });
    const again = await upload(marketer, bytes, 'image/png', 'back.png');
    expect(again.status).toBe(201);
    expect(await again.json<MediaItem>()).toMatchObject({ id: item.id, name: 'back.png', created_by: marketer.user.id });
    expect((await listAll(agent, 100)).map((i) => i.id)).toContain(item.id);
  });
});
