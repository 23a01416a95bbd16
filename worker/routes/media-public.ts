/**
 * `/media/<id>.<ext>`: the library's files as carriers and phones fetch them, with no session
 * (RBM and Twilio fetch without cookies). The URL is the file's hash, so its bytes never
 * change: cached for a year, no redirect (RBM refuses one), the exact content type, nosniff.
 * Files removed from the library stay here: messages already sent point at them.
 */
import { Hono } from 'hono';
import { LIBRARY_EXTENSIONS } from '../../schemas/media';
import type { AppEnv } from '../app-env';
import { HttpError } from '../errors';

const FILE = new RegExp(`^[0-9a-f]{32}\\.(${LIBRARY_EXTENSIONS.join('|')})$`);
const notFound = () => new HttpError(404, 'not_found', 'No such file.');

export const publicMedia = new Hono<AppEnv>().get('/:file', async (c) => {
  const file = c.req.param('file');
  if (!FILE.test(file)) throw notFound();
  const key = `library/${file}`;
  const range = c.req.header('range');
  const object = await c.env.MEDIA.get(key, range ? { range: c.req.raw.headers } : {});
  if (object?.customMetadata?.provider !== 'library') throw notFound();
  const headers = new Headers({
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    // Opened on its own, the file can run nothing and load nothing; any site may show it.
    'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'cross-origin',
    'accept-ranges': 'bytes',
    etag: object.httpEtag,
  });
  if (c.req.header('if-none-match') === object.httpEtag) return new Response(null, { status: 304, headers });
  const part = object.range as { offset?: number; length?: number } | undefined;
  if (range && part && 'offset' in part) {
    const offset = part.offset ?? 0;
    const length = part.length ?? object.size - offset;
    headers.set('content-range', `bytes ${offset}-${offset + length - 1}/${object.size}`);
    headers.set('content-length', String(length));
    return new Response(object.body, { status: 206, headers });
  }
  headers.set('content-length', String(object.size));
  return new Response(object.body, { status: 200, headers });
});
