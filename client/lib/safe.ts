/**
 * Customer and message text is only ever rendered as text nodes. These helpers decide what
 * may become a link or an image: http(s) only, so `javascript:`/`data:` stay inert text.
 */
import * as v from 'valibot';
import { HttpsUrlSchema } from '../../schemas/content';

export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isHttpsUrl(s: string): boolean {
  return /^https:\/\//i.test(s) && isHttpUrl(s);
}

/** Media the console may load: the content model's own rule (https, or the local demo's loopback http). */
export function isMediaUrl(s: string): boolean {
  return v.is(HttpsUrlSchema, s);
}

/** Splits text into plain parts and http(s) URLs (anything else, e.g. `javascript:`, stays text). */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const out: { text: string; href?: string }[] = [];
  const re = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push({ text: text.slice(last, i) });
    out.push(isHttpUrl(m[0]) ? { text: m[0], href: m[0] } : { text: m[0] });
    last = i + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
