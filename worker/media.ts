/**
 * Files customers send. A carrier's callback names them by URL on the carrier's host; the
 * agent's browser must never load that (a tracking pixel would see every agent who opens the
 * thread). So the Worker copies each file into R2 (`MEDIA`) when the callback is ingested,
 * bounded in size and to known content types, and the console loads it from `/api/media/...`
 * behind its session. A copy that fails leaves a small marker object naming the original, so
 * an agent can ask the Worker to load it from the carrier later (`loadFromCarrier`).
 *
 * Keys: `inbound/<phone>/<provider>-<message id>/<n>`; `library/<hash>.<ext>` is the brand's
 * media library (media-library.ts), served publicly for the carriers.
 */
import * as v from 'valibot';
import { HttpsUrlSchema } from '../schemas/content';
import type { InboundEvent, InboundMedia } from '../schemas/events';
import { sha256Hex } from './lib/crypto';
import type { WebhookProvider } from './providers/types';

/** A customer's photo or short video; anything larger stays at the carrier (placeholder). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 8000;
const MAX_REDIRECTS = 3;

/** What may be copied, and the file extension it is served under. No SVG or HTML: they run script. */
export const MEDIA_TYPES: ReadonlyMap<string, string> = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
  ['video/mp4', 'mp4'],
  ['video/webm', 'webm'],
  ['video/3gpp', '3gp'],
  ['audio/mpeg', 'mp3'],
  ['audio/mp4', 'm4a'],
  ['audio/ogg', 'ogg'],
  ['audio/amr', 'amr'],
  ['application/pdf', 'pdf'],
  ['text/vcard', 'vcf'],
  ['text/x-vcard', 'vcf'],
]);

/** Custom metadata of a media object: where it came from and whether the bytes are there. */
export interface MediaMeta {
  state: 'stored' | 'failed';
  provider: string;
  source: string;
  /** The content type the carrier announced (used when its file host sends none). */
  declared?: string;
  reason?: string;
}

/** A message part of a key: the provider's id as is when it is tame, else its hash. */
export const MESSAGE_PART = /^(sandbox|rbm|twilio)-[A-Za-z0-9._-]{1,100}$/;

async function messagePart(provider: string, id: string): Promise<string> {
  const safe = /^[A-Za-z0-9._-]{1,100}$/.test(id) ? id : (await sha256Hex(id)).slice(0, 40);
  return `${provider}-${safe}`;
}

export const inboundKey = (phone: string, part: string, n: number) => `inbound/${phone}/${part}/${n}`;

/** The console's address of a stored file. */
export const mediaPath = (key: string) => `/api/media/${key.split('/').map(encodeURIComponent).join('/')}`;

const baseType = (contentType: string | null | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

type Fetched = { ok: true; bytes: Uint8Array<ArrayBuffer>; contentType: string } | { ok: false; reason: string };

/**
 * Fetches one file from a carrier: https only at every hop, redirects followed by hand so the
 * carrier's credentials only go where `authorization` says, bounded size and allowed types.
 */
export async function fetchCarrierMedia(
  source: string,
  declaredType: string | undefined,
  authorization: (url: URL) => string | null,
): Promise<Fetched> {
  let url = source;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!v.is(HttpsUrlSchema, url)) return { ok: false, reason: 'not an https URL' };
    const target = new URL(url);
    const auth = authorization(target);
    let res: Response;
    try {
      res = await fetch(target, { redirect: 'manual', signal, headers: auth ? { authorization: auth } : {} });
    } catch (err) {
      return { ok: false, reason: `carrier unreachable (${err instanceof Error ? err.name : 'error'})` };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      url = new URL(location, target).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, reason: `carrier answered ${res.status}` };
    }
    let contentType = baseType(res.headers.get('content-type'));
    if ((!contentType || contentType === 'application/octet-stream') && MEDIA_TYPES.has(baseType(declaredType))) {
      contentType = baseType(declaredType);
    }
    if (!MEDIA_TYPES.has(contentType)) {
      await res.body?.cancel();
      return { ok: false, reason: `content type ${contentType || 'missing'} is not allowed` };
    }
    if (Number(res.headers.get('content-length') ?? '0') > MAX_MEDIA_BYTES) {
      await res.body?.cancel();
      return { ok: false, reason: `larger than ${MAX_MEDIA_BYTES} bytes` };
    }
    const bytes = await readBounded(res);
    return bytes ? { ok: true, bytes, contentType } : { ok: false, reason: `larger than ${MAX_MEDIA_BYTES} bytes` };
  }
  return { ok: false, reason: 'too many redirects' };
}

/** The body, or null once it passes MAX_MEDIA_BYTES (a length header can lie or be absent). */
async function readBounded(res: Response): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_MEDIA_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Copies one file into `key` (or records why not); its content type once the bytes are stored, else null. */
export async function copyToR2(
  env: Env,
  key: string,
  provider: WebhookProvider,
  source: string,
  declaredType?: string,
): Promise<string | null> {
  const fetched = await fetchCarrierMedia(source, declaredType, (url) => provider.mediaAuthorization?.(env, url) ?? null);
  if (!fetched.ok) {
    console.warn(`media ${key} not copied from ${provider.name}: ${fetched.reason}`);
    const meta: MediaMeta = {
      state: 'failed',
      provider: provider.name,
      source,
      reason: fetched.reason,
      ...(declaredType ? { declared: declaredType } : {}),
    };
    await env.MEDIA.put(key, new Uint8Array(0), { customMetadata: { ...meta } });
    return null;
  }
  const meta: MediaMeta = { state: 'stored', provider: provider.name, source };
  await env.MEDIA.put(key, fetched.bytes, { httpMetadata: { contentType: fetched.contentType }, customMetadata: { ...meta } });
  return fetched.contentType;
}

/**
 * Copies the files of every message event and rewrites them to our address, keeping the
 * carrier's as `source_url`. A redelivered callback finds its copy already there.
 */
export async function copyInboundMedia(env: Env, provider: WebhookProvider, events: readonly InboundEvent[]): Promise<InboundEvent[]> {
  return Promise.all(
    events.map(async (event) => {
      if (event.type !== 'message' || !event.media?.length) return event;
      const part = await messagePart(provider.name, event.id);
      const media = await Promise.all(
        event.media.map(async (item, n): Promise<InboundMedia> => {
          const key = inboundKey(event.phone, part, n);
          const existing = await env.MEDIA.head(key);
          const storedType =
            existing?.customMetadata?.state === 'stored'
              ? (existing.httpMetadata?.contentType ?? 'application/octet-stream')
              : await copyToR2(env, key, provider, item.url, item.content_type);
          const contentType = storedType ?? item.content_type;
          return {
            url: mediaPath(key),
            ...(contentType ? { content_type: contentType } : {}),
            source_url: item.url,
            key,
            stored: storedType !== null,
          };
        }),
      );
      return { ...event, media };
    }),
  );
}
