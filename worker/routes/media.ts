/**
 * `/api/media`: customers' files as the console loads them, from the Worker's R2 copy
 * (worker/media.ts), behind the console session of the `/api/*` gate; the browser never
 * contacts a carrier's or a third party's host. `POST .../load` is the placeholder's "load
 * from carrier": the Worker fetches the original again (with the carrier's credentials) and
 * keeps the copy.
 */
import { Hono } from 'hono';
import type { ConsoleEnv } from '../auth/session';
import { HttpError } from '../errors';
import { copyToR2, inboundKey, type MediaMeta, MEDIA_TYPES, MESSAGE_PART, mediaPath } from '../media';
import { rbmWebhook } from '../providers/rbm/webhook';
import { sandboxWebhook } from '../providers/sandbox/webhook';
import { twilioWebhook } from '../providers/twilio/webhook';
import type { WebhookProvider } from '../providers/types';
import { library } from './media-library';
import * as v from 'valibot';
import { PhoneSchema } from '../../schemas/phone';

const PROVIDERS: Record<string, WebhookProvider> = { sandbox: sandboxWebhook, rbm: rbmWebhook, twilio: twilioWebhook };

/** The object key from the path, every part checked (no traversal, nothing outside `inbound/`). */
function keyOf(params: { phone?: string; message?: string; n?: string }): string {
  const phone = v.safeParse(PhoneSchema, params.phone ?? '');
  if (!phone.success) throw new HttpError(404, 'not_found', 'No such file.');
  if (!MESSAGE_PART.test(params.message ?? '')) throw new HttpError(404, 'not_found', 'No such file.');
  if (!/^\d$/.test(params.n ?? '')) throw new HttpError(404, 'not_found', 'No such file.');
  return inboundKey(phone.output, params.message ?? '', Number(params.n));
}

const notStored = () =>
  new HttpError(
    404,
    'media_not_stored',
    'This file was not copied from the carrier; use "Load from carrier" to fetch it through the Worker.',
  );

export const media = new Hono<ConsoleEnv>()
  // The brand's own uploads (routes/media-library.ts).
  .route('/library', library)
  .get('/inbound/:phone/:message/:n', async (c) => {
    const key = keyOf(c.req.param());
    const object = await c.env.MEDIA.get(key);
    if (object?.customMetadata?.state !== 'stored') {
      const res = notStored().toResponse();
      res.headers.set('cache-control', 'no-store');
      return res;
    }
    const type = object.httpMetadata?.contentType ?? '';
    const extension = MEDIA_TYPES.get(type);
    const headers = new Headers({
      'content-type': extension ? type : 'application/octet-stream',
      // Photos, videos and sounds show in the thread; anything else (PDF, vCard) is downloaded.
      'content-disposition': `${/^(image|video|audio)\//.test(type) ? 'inline' : 'attachment'}; filename="file-${c.req.param('n')}.${extension ?? 'bin'}"`,
      'x-content-type-options': 'nosniff',
      // Opened on its own, the file can run nothing and load nothing.
      'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'private, max-age=86400',
      etag: object.httpEtag,
    });
    if (c.req.header('if-none-match') === object.httpEtag) return new Response(null, { status: 304, headers });
    headers.set('content-length', String(object.size));
    return new Response(object.body, { status: 200, headers });
  })
  .post('/inbound/:phone/:message/:n/load', async (c) => {
    const key = keyOf(c.req.param());
    const head = await c.env.MEDIA.head(key);
    const meta = head?.customMetadata as Partial<MediaMeta> | undefined;
    if (!head || !meta?.source || !meta.provider) throw new HttpError(404, 'not_found', 'No such file.');
    if (meta.state !== 'stored') {
      const provider = PROVIDERS[meta.provider];
      if (!provider) throw new HttpError(404, 'not_found', 'No such file.');
      const type = await copyToR2(c.env, key, provider, meta.source, meta.declared);
      if (type === null) throw new HttpError(502, 'carrier_media_unavailable', 'The carrier did not give the file (see the server log).');
    }
    return c.json({ url: mediaPath(key), stored: true }, 200);
  });
