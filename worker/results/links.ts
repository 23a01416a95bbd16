/**
 * Short links (docs/api.md, "Short links"): the links in the SMS text of a marketing send (an
 * SMS-only send, or the SMS fallback of an RCS one) go out as `{PUBLIC_URL}/l/{code}`, one code
 * per message and link, so an SMS click counts as an RCS tap does. `GET /l/{code}` answers 302
 * to the original URL and records the click on the customer's Profile object (once per message
 * for the counts). Link previews and prefetchers get the same 302 without a click.
 * RCS URL suggestions keep their URL: their tap comes back as a postback.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { config } from '../config';
import type { Core } from '../profile/core';
import type { MessageRow } from '../profile/store';

/** 62^10 ≈ 8·10^17 codes: unguessable, and short enough for an SMS. */
export const CODE_LENGTH = 10;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CODE = new RegExp(`^[A-Za-z0-9]{${CODE_LENGTH}}$`);

/** http(s) links in a text; trailing punctuation belongs to the sentence, not the link. */
const LINK = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"»]+$/;

export function newCode(): string {
  const out: string[] = [];
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 62).
  while (out.length < CODE_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(CODE_LENGTH * 2))) {
      if (b < 248 && out.length < CODE_LENGTH) out.push(ALPHABET[b % 62] as string);
    }
  }
  return out.join('');
}

/** Replaces each link of `text` (except ours) with what `shorten` gives for it. */
export function replaceLinks(text: string, base: string, shorten: (url: string) => string): string {
  const ours = `${base}/l/`;
  return text.replace(LINK, (match) => {
    const url = match.replace(TRAILING, '');
    if (url.startsWith(ours)) return match;
    return shorten(url) + match.slice(url.length);
  });
}

/** The SMS text as a marketing send will carry it: each link at the length of a short link. */
export function previewShortLinks(text: string, base: string): string {
  return replaceLinks(text, base, () => `${base}/l/${'x'.repeat(CODE_LENGTH)}`);
}

/**
 * Gives each link of a marketing SMS a short link (stored in D1 before the SMS leaves). When
 * D1 cannot store them, the SMS keeps its original links: the customer's link must work, even
 * if its click then goes uncounted.
 */
export async function shortenForSend(core: Core, row: MessageRow, text: string): Promise<string> {
  if (row.purpose !== 'marketing') return text;
  const base = config(core.env).publicUrl;
  const links = new Map<string, string>();
  const shortened = replaceLinks(text, base, (url) => {
    let code = links.get(url);
    if (!code) {
      code = newCode();
      links.set(url, code);
    }
    return `${base}/l/${code}`;
  });
  if (links.size === 0) return text;
  const db = core.env.DB;
  const created = core.now();
  try {
    await db.batch(
      [...links].map(([url, code]) =>
        db
          .prepare('INSERT INTO short_links (code, url, message_id, phone, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          // The message that carries the link (an SMS fallback's own id): its click is on its channel.
          .bind(code, url, row.id, core.phone(), row.campaign_id, created),
      ),
    );
  } catch (err) {
    console.error('short links not stored: the SMS keeps its links', err);
    return text;
  }
  return shortened;
}

/**
 * Requests that are not a person opening the link: HEAD, browser prefetch and prerender
 * (`Sec-Purpose`, `Purpose`, `X-Purpose`, `X-Moz`), and the link-preview fetchers of the
 * messaging apps and social networks, and crawlers. The list is in docs/api.md.
 */
const PREVIEW_AGENTS =
  /facebookexternalhit|facebot|twitterbot|slackbot|discordbot|whatsapp|telegrambot|linkedinbot|skypeuripreview|applebot|pinterest|redditbot|embedly|iframely|vkshare|viber|snapchat|mastodon|bitlybot|google-pagerenderer|googlebot|bingbot|yandex|duckduckbot|baiduspider|petalbot|bot\b|crawler|spider|preview/i;

export function isPrefetch(req: Request): boolean {
  if (req.method === 'HEAD') return true;
  const purpose = [req.headers.get('sec-purpose'), req.headers.get('purpose'), req.headers.get('x-purpose'), req.headers.get('x-moz')]
    .filter(Boolean)
    .join(' ');
  if (/prefetch|prerender|preview/i.test(purpose)) return true;
  return PREVIEW_AGENTS.test(req.headers.get('user-agent') ?? '');
}

const notFound = () =>
  new Response('This link does not exist or has expired.\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** `GET /l/{code}` (public, no session): 302 to the original URL; unknown code → 404. */
export const shortLinks = new Hono<AppEnv>().on(['GET', 'HEAD'], '/:code', async (c) => {
  const code = c.req.param('code');
  if (!CODE.test(code)) return notFound();
  const link = await c.env.DB.prepare('SELECT url, message_id, phone FROM short_links WHERE code = ?')
    .bind(code)
    .first<{ url: string; message_id: string; phone: string }>();
  if (!link) return notFound();
  if (!isPrefetch(c.req.raw)) {
    try {
      await c.env.PROFILE.getByName(link.phone).recordClick(link.phone, link.message_id);
    } catch (err) {
      // The customer still gets where they were going.
      console.error('short link click not recorded', err);
    }
  }
  // no-store: every open reaches the Worker (a cached redirect would hide nothing, but counts nothing).
  return new Response(null, {
    status: 302,
    headers: { location: link.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
});
