/**
 * SMS length maths for the composer. TODO(schemas/sms.ts): switch to the shared
 * `countSegments`/`smsFallbackText` when they land on main; this local copy exists only so
 * the composer works before then.
 */
import type { Content } from '../../schemas/content';

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT = '^{}\\[~]|€\f';

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Length in encoding units (septets for GSM-7, UTF-16 code units for UCS-2). */
  units: number;
}

export function countSegments(text: string): SegmentCount {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7.includes(ch)) septets += 1;
    else if (GSM7_EXT.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'GSM-7', units: septets, segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** A standalone SMS version of rich content: text, then card titles, descriptions and links. */
export function smsFallbackText(content: Content, opts: { optOutMention?: string } = {}): string {
  const parts: string[] = [];
  const cardText = (c: { title?: string; description?: string; buttons?: { type: string; text: string; url?: string }[] }) => {
    if (c.title) parts.push(c.title);
    if (c.description) parts.push(c.description);
    for (const b of c.buttons ?? []) if (b.type === 'url' && b.url) parts.push(`${b.text}: ${b.url}`);
  };
  if (content.type === 'text') parts.push(content.text);
  else if (content.type === 'media') parts.push(content.text ?? '');
  else if (content.type === 'card') cardText(content.card);
  else content.cards.forEach(cardText);
  if (opts.optOutMention) parts.push(opts.optOutMention);
  return parts.filter(Boolean).join('\n');
}
