/**
 * `/api/media/library`: the brand's uploads (worker/media-library.ts), behind the console
 * session of the `/api/*` gate. Every role may upload and list (marketers build campaigns,
 * agents cards); removing is for the uploader or an admin, and only hides the file from the
 * library: messages already sent keep their working URL.
 *
 * The upload is the one `/api` body that is not JSON (routes/validate.ts lets it through):
 * either the raw bytes with their `Content-Type` (name in `?name=`) or multipart/form-data
 * with a `file` field. The size is bounded before the body is read whole.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { isLibraryType, MEDIA_LIMITS, MediaListQuerySchema, MediaNameSchema, type MediaPage, maxBytesFor } from '../../schemas/media';
import type { ConsoleEnv } from '../auth/session';
import { HttpError } from '../errors';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { addToLibrary, type LibraryRow, sniffType, toItem } from '../media-library';
import { IdParam, params, query } from './validate';

const PAGE = 24;
/** Multipart framing around the file (boundaries, headers) on top of the largest file. */
const FORM_OVERHEAD = 16 * 1024;
const MAX_UPLOAD = Math.max(MEDIA_LIMITS.imageBytes, MEDIA_LIMITS.videoBytes) + FORM_OVERHEAD;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const tooLarge = (max: number) =>
  new HttpError(413, 'payload_too_large', `The file is larger than ${mb(max)}.`, [{ path: 'file', message: `must be at most ${mb(max)}` }]);

/** The upload's bytes and name, from a raw body or a multipart `file` field. */
async function readUpload(req: Request, url: URL): Promise<{ bytes: Uint8Array<ArrayBuffer>; name: string }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new HttpError(400, 'invalid_request', 'file: the form could not be read', [
        { path: 'file', message: 'the form could not be read' },
      ]);
    }
    const file = form.get('file');
    if (!(file instanceof File)) {
      throw new HttpError(400, 'invalid_request', 'file: missing (send the file in a "file" field)', [
        { path: 'file', message: 'missing' },
      ]);
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  }
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength === 0) throw new HttpError(400, 'invalid_request', 'file: the body is empty', [{ path: 'file', message: 'empty' }]);
  return { bytes, name: url.searchParams.get('name') ?? '' };
}

export const library = new Hono<ConsoleEnv>()
  .get('/', query(MediaListQuerySchema), async (c) => {
    const { cursor, limit = PAGE } = c.req.valid('query');
    let after: [string, string] | null = null;
    if (cursor) {
      const values = decodeCursor(cursor);
      if (values?.length !== 2 || typeof values[0] !== 'string' || typeof values[1] !== 'string') {
        throw new HttpError(400, 'invalid_request', 'cursor: is not a cursor of this list', [
          { path: 'cursor', message: 'is not a cursor of this list' },
        ]);
      }
      after = [values[0], values[1]];
    }
    const { results } = await c.env.DB.prepare(
      `SELECT * FROM media_library WHERE deleted_at IS NULL ${after ? 'AND (created_at < ?1 OR (created_at = ?1 AND id < ?2))' : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
    )
      .bind(...(after ?? []))
      .all<LibraryRow>();
    const rows = results.slice(0, limit);
    const last = rows.at(-1);
    const page: MediaPage = {
      items: rows.map((r) => toItem(c.env, r)),
      next_cursor: results.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
    return c.json(page, 200);
  })
  .post(
    '/',
    bodyLimit({
      maxSize: MAX_UPLOAD,
      onError: () => {
        throw tooLarge(MEDIA_LIMITS.videoBytes);
      },
    }),
    async (c) => {
      const url = new URL(c.req.url);
      const { bytes, name } = await readUpload(c.req.raw, url);
      const type = sniffType(bytes);
      if (!type || !isLibraryType(type)) {
        throw new HttpError(
          415,
          'unsupported_media_type',
          'file: this is not a JPEG, PNG or GIF image or an MP4 video (the file’s content was checked, not its name).',
          [{ path: 'file', message: 'must be a JPEG, PNG or GIF image or an MP4 video' }],
        );
      }
      if (bytes.byteLength > maxBytesFor(type)) throw tooLarge(maxBytesFor(type));
      const parsedName = v.safeParse(MediaNameSchema, name);
      const safeName = parsedName.success ? parsedName.output.replace(/[\p{Cc}\p{Cf}]/gu, '') : '';
      const { item, created } = await addToLibrary(c.env, bytes, type, safeName, c.var.user.id);
      return c.json(item, created ? 201 : 200);
    },
  )
  .delete('/:id', params(v.object({ id: IdParam })), async (c) => {
    const { id } = c.req.valid('param');
    const row = await c.env.DB.prepare('SELECT * FROM media_library WHERE id = ? AND deleted_at IS NULL').bind(id).first<LibraryRow>();
    if (!row) throw new HttpError(404, 'not_found', 'No such file in the library.');
    const user = c.var.user;
    if (user.role !== 'admin' && row.created_by !== user.id) {
      throw new HttpError(403, 'forbidden', 'Only the person who uploaded this file, or an admin, can remove it.');
    }
    await c.env.DB.prepare('UPDATE media_library SET deleted_at = ? WHERE id = ?').bind(new Date().toISOString(), id).run();
    return c.body(null, 204);
  });
