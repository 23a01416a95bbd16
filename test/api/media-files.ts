// Small image files built byte by byte (the Worker reads only their headers), each with a
// random tail so no two tests upload the same file (the library keeps one copy per content).
import { exports } from 'cloudflare:workers';
import { BASE, type Session } from '../console/helpers';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const tail = () => Array.from(crypto.getRandomValues(new Uint8Array(16)));

/** A PNG header (signature + IHDR) of `width` × `height`, padded to `size` bytes when given. */
export function png(width: number, height: number, size = 0): Uint8Array<ArrayBuffer> {
  const head = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    ...ascii('IHDR'),
    ...be32(width),
    ...be32(height),
    8,
    6,
    0,
    0,
    0,
  ];
  const bytes = new Uint8Array(Math.max(size, head.length + 16));
  bytes.set([...head, ...tail()]);
  return bytes;
}

/** A JPEG: SOI, an APP0 segment, then a baseline SOF0 of `width` × `height`. */
export function jpeg(width: number, height: number): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, ...tail(), 0xff, 0xd9]);
}

/** A GIF89a header of `width` × `height`. */
export const gif = (width: number, height: number) =>
  new Uint8Array([...ascii('GIF89a'), width & 255, width >> 8, height & 255, height >> 8, 0, 0, 0, ...tail()]);

/** Uploads raw bytes as `s` (no session when null), declaring `contentType`. */
export function upload(s: Session | null, body: BodyInit, contentType: string, name?: string): Promise<Response> {
  const headers: Record<string, string> = { origin: BASE, 'content-type': contentType };
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  return exports.default.fetch(`${BASE}/api/media/library${query}`, { method: 'POST', headers, body });
}

/** Uploads a multipart form with the file in its `file` field. */
export function uploadForm(s: Session, bytes: Uint8Array<ArrayBuffer>, name: string, type: string): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type }));
  return exports.default.fetch(`${BASE}/api/media/library`, {
    method: 'POST',
    headers: { origin: BASE, cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
}
