/**
 * The brand's media library: files uploaded from the card and carousel builders, stored in R2
 * under `library/<id>.<ext>` and served publicly at `{PUBLIC_URL}/media/<id>.<ext>` for the
 * carriers to fetch (worker/routes/media-public.ts). The id is the file's SHA-256 (128 bits of
 * it): the same file uploaded twice is one object, and a URL is never reused for other bytes,
 * so it can be cached forever. D1's `media_library` lists them for the console.
 *
 * The type is what the bytes are (magic numbers), whatever the upload declared: an HTML page
 * named `.png` or an SVG (which runs script) is refused. Width and height come from the header.
 */
import { isLibraryType, LIBRARY_TYPES, type LibraryType, type MediaItem, mediaWarnings } from '../schemas/media';
import { config } from './config';
import { sha256 } from './lib/crypto';
import { bytesToHex } from './lib/encoding';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** The type the bytes are, or null when they are none of the library's types. */
export function sniffType(bytes: Uint8Array): LibraryType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  // ISO base media: a box size, then `ftyp`; the brand says MP4 family (isom, mp41, mp42, avc1…).
  if (startsWith(bytes, ascii('ftyp'), 4) && !startsWith(bytes, ascii('qt  '), 8)) return 'video/mp4';
  return null;
}

/** Width and height in pixels from an image's header, or null when it cannot be read. */
export function imageSize(type: LibraryType, b: Uint8Array): { width: number; height: number } | null {
  const be16 = (at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
  const be32 = (at: number) => be16(at) * 65536 + be16(at + 2);
  const le16 = (at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
  switch (type) {
    case 'image/png':
      // The IHDR chunk is first: length(4) "IHDR"(4) width(4) height(4).
      return startsWith(b, ascii('IHDR'), 12) ? { width: be32(16), height: be32(20) } : null;
    case 'image/gif':
      return b.length >= 10 ? { width: le16(6), height: le16(8) } : null;
    case 'image/jpeg': {
      // Walk the segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
      let at = 2;
      while (at + 9 < b.length) {
        if (b[at] !== 0xff) return null;
        const marker = b[at + 1] ?? 0;
        if (marker === 0xff) {
          at++;
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return { height: be16(at + 5), width: be16(at + 7) };
        }
        at += 2 + be16(at + 2);
      }
      return null;
    }
    case 'video/mp4':
      return null;
  }
}

export interface LibraryRow {
  id: string;
  key: string;
  content_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  name: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
}

/** The public address of a stored file. */
export const publicMediaUrl = (env: Env, key: string) => `${config(env).publicUrl}/media/${key.slice('library/'.length)}`;

export function toItem(env: Env, row: LibraryRow): MediaItem {
  const type = isLibraryType(row.content_type) ? row.content_type : 'image/jpeg';
  return {
    id: row.id,
    url: publicMediaUrl(env, row.key),
    content_type: type,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    name: row.name,
    created_by: row.created_by,
    created_at: row.created_at,
    warnings: mediaWarnings(type, row.bytes),
  };
}

/**
 * Stores checked bytes (their type already sniffed) and lists them. A file already in the
 * library comes back as it is (`created: false`); one that was removed from the library comes
 * back into it, under the new name and uploader.
 */
export async function addToLibrary(
  env: Env,
  bytes: Uint8Array<ArrayBuffer>,
  type: LibraryType,
  name: string,
  userId: string,
): Promise<{ item: MediaItem; created: boolean }> {
  const id = bytesToHex(await sha256(bytes)).slice(0, 32);
  const key = `library/${id}.${LIBRARY_TYPES[type]}`;
  const existing = await env.DB.prepare('SELECT * FROM media_library WHERE id = ?').bind(id).first<LibraryRow>();
  if (existing && existing.deleted_at === null) return { item: toItem(env, existing), created: false };
  if (!(await env.MEDIA.head(key))) {
    await env.MEDIA.put(key, bytes, {
      httpMetadata: { contentType: type },
      customMetadata: { state: 'stored', provider: 'library', source: 'upload' },
    });
  }
  const size = imageSize(type, bytes);
  const row: LibraryRow = {
    id,
    key,
    content_type: type,
    bytes: bytes.byteLength,
    width: size?.width ?? null,
    height: size?.height ?? null,
    name: name || `${id.slice(0, 8)}.${LIBRARY_TYPES[type]}`,
    created_by: userId,
    created_at: new Date().toISOString(),
    deleted_at: null,
  };
  await env.DB.prepare(
    `INSERT INTO media_library (id, key, content_type, bytes, width, height, name, created_by, created_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_by = excluded.created_by,
       created_at = excluded.created_at, deleted_at = NULL`,
  )
    .bind(row.id, row.key, row.content_type, row.bytes, row.width, row.height, row.name, row.created_by, row.created_at)
    .run();
  return { item: toItem(env, row), created: true };
}
