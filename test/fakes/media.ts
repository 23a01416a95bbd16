// Files a customer sends, as the carriers' file hosts serve them: a 1x1 PNG, an SVG (refused:
// it can run script), an HTML page posing as a photo, and a file larger than the Worker copies.
// `/cdn/...` stands for the third-party host (S3 behind Twilio, Google's file store for RBM).
import type { Recorded, Reply } from './server';

/** A 1x1 transparent PNG: the classic tracking pixel. */
export const PIXEL_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Answers `/cdn/<name>`; null for any other path. */
export function cdnReply(r: Recorded): Reply | null {
  const m = /^\/cdn\/(.+)$/.exec(r.path);
  if (!m) return null;
  // A file host gets no carrier credentials: the Worker must drop them on the redirect.
  if (r.headers.authorization) return { status: 400, body: 'credentials sent to the file host' };
  const name = m[1] ?? '';
  if (name.endsWith('.svg'))
    return {
      status: 200,
      body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    };
  if (name.endsWith('.html')) return { status: 200, body: '<script>alert(1)</script>', headers: { 'content-type': 'text/html' } };
  if (name.endsWith('.big'))
    return { status: 200, bytes: Buffer.alloc(11 * 1024 * 1024).toString('base64'), headers: { 'content-type': 'image/png' } };
  if (name.endsWith('.missing')) return { status: 404, body: 'gone' };
  return { status: 200, bytes: PIXEL_PNG_BASE64, headers: { 'content-type': 'image/png' } };
}
