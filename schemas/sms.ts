/**
 * SMS text helpers shared by the Worker and the browser console (no Node or Workers APIs):
 * segment counting for the composer and the campaign report, and the stand-alone SMS version
 * of any rich `Content` (product.md: "every rich message has an SMS version that stands alone")
 * with the brand's opt-out mention (compliance.md, "Mandatory content").
 *
 * Segment counting is written here rather than taken from npm on purpose. The maintained
 * candidate, `sms-segments-calculator` (Twilio DevEd, MIT), was read: it pulls in
 * `grapheme-splitter` (~250 kB, too heavy for the console bundle), keeps whole grapheme clusters
 * together (carriers split on UTF-16 code units, not graphemes) and maps only `Ç`, so a French
 * "ça" counts as UCS-2 there. `split-sms` is unmaintained. The GSM 03.38 rules fit in the
 * tables below.
 */
import type { Card, Content, Suggestion } from './content';

/**
 * GSM 03.38 default alphabet, basic table (one septet each). `Ç` sits at 0x09; the Unicode
 * mapping note (GSM0338.TXT) says the intent of 0x09 is the lowercase c-cedilla, and French
 * gateways send `ç` as GSM-7, so both map to it (a handset may render either case).
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
  'ç';
/** Extension table: each costs two septets (ESC + char) and is never split across segments. */
const GSM_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS parts the carrier bills (0 for an empty text). */
  segments: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  characters: number;
  /** Capacity of one part: 160/153 septets (GSM-7) or 70/67 code units (UCS-2). */
  perSegment: number;
  /** Units still free in the last part before another part is needed. */
  remaining: number;
}

/** True when every character of `text` is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return false;
  return true;
}

/**
 * Counts the SMS parts of `text`. A single part holds 160 septets or 70 code units; once
 * split, each part loses room to the concatenation header (153 / 67). Extension characters
 * (ESC + char) and surrogate pairs (emoji) are never cut between two parts, so a part can
 * end one unit short: the greedy packing below reproduces what carriers do.
 */
export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;

  // Unit cost of each indivisible piece, in order.
  const costs: number[] = [];
  if (encoding === 'GSM-7') {
    for (const ch of text) costs.push(EXTENDED.has(ch) ? 2 : 1);
  } else {
    // Iterating a string yields code points: a surrogate pair is one piece of 2 units.
    // A lone surrogate yields a 1-unit piece, as it is sent.
    for (const ch of text) costs.push(ch.length);
  }
  const characters = costs.reduce((sum, c) => sum + c, 0);

  if (characters === 0) return { encoding, segments: 0, characters: 0, perSegment: single, remaining: single };
  if (characters <= single) {
    return { encoding, segments: 1, characters, perSegment: single, remaining: single - characters };
  }
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, characters, perSegment: multi, remaining: multi - used };
}

// ---------------------------------------------------------------------------------------
// Opt-out mention

/**
 * Words that show a text already tells the customer how to stop. Only the upper-case forms
 * count ("Reply STOP", "STOP au 36111"): a lower-case "stop" in marketing copy ("don't stop
 * shopping") is not an opt-out instruction, and when in doubt the mention is appended.
 */
const OPT_OUT_MENTION = /(^|[^\p{L}\p{N}])(STOP|STOPALL|ARR[EÊ]T|UNSUBSCRIBE|OPTOUT|OPT[ -]OUT|D[EÉ]SABONNER)(?=$|[^\p{L}\p{N}])/u;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when `text` already carries an opt-out instruction (or the brand's own mention). */
export function hasOptOutMention(text: string, mention?: string | null): boolean {
  if (OPT_OUT_MENTION.test(text)) return true;
  const m = mention ? fold(mention) : '';
  return m.length > 0 && fold(text).includes(m);
}

/**
 * Appends the brand's opt-out mention ("STOP au 36111") on its own line, unless the text
 * already has one. An empty mention leaves the text as it is.
 */
export function withOptOutMention(text: string, mention: string): string {
  const m = mention.trim();
  const body = text.trim();
  if (!m || hasOptOutMention(body, m)) return body;
  return body ? `${body}\n${m}` : m;
}

// ---------------------------------------------------------------------------------------
// SMS fallback

/** A maps link anyone can open from an SMS (no app needed). */
export function mapsUrl(latitude: number, longitude: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;
}

/**
 * "2026-05-01T18:00:00+02:00" → "2026-05-01 18:00" (the wall time as written, which is the
 * one the brand meant); a UTC time says so. Anything else is shown as given.
 */
export function formatWhen(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(iso.trim());
  if (!m) return iso.trim();
  const zone = m[3]?.toUpperCase() === 'Z' ? ' UTC' : '';
  return `${m[1]} ${m[2]}${zone}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The SMS line of one action, or null for replies and actions SMS cannot carry. */
function actionLine(s: Suggestion): string | null {
  const label = oneLine(s.text);
  switch (s.type) {
    case 'url':
      return `${label}: ${s.url}`;
    case 'dial':
      return `${label}: ${s.phone}`;
    case 'location': {
      const place = s.label ? ` (${oneLine(s.label)})` : '';
      return `${label}${place}: ${mapsUrl(s.latitude, s.longitude)}`;
    }
    case 'calendar':
      return `${label}: ${oneLine(s.title)}, ${formatWhen(s.start)}`;
    case 'reply':
    case 'share_location':
      // Replies are gathered on one "Reply:" line; sharing a location has no SMS equivalent
      // (the customer can still write their address back).
      return null;
  }
}

/** Action lines in order, then the reply choices on one line ("Reply: Yes / No"). */
function suggestionLines(list: readonly Suggestion[] | undefined): string[] {
  if (!list?.length) return [];
  const lines: string[] = [];
  const replies: string[] = [];
  for (const s of list) {
    if (s.type === 'reply') replies.push(oneLine(s.text));
    else {
      const line = actionLine(s);
      if (line) lines.push(line);
    }
  }
  if (replies.length) lines.push(`Reply: ${replies.join(' / ')}`);
  return lines;
}

function cardLines(card: Card): string[] {
  const lines: string[] = [];
  if (card.title?.trim()) lines.push(card.title.trim());
  if (card.description?.trim()) lines.push(card.description.trim());
  // The image only carries the message when the card has no words of its own.
  if (lines.length === 0 && card.media) lines.push(card.media.url);
  return lines.concat(suggestionLines(card.buttons));
}

/** "Title – description – https://first-link" for one card of a carousel. */
function carouselLine(card: Card): string {
  const firstUrl = card.buttons?.find((b) => b.type === 'url');
  const parts = [card.title, card.description].map((p) => (p ? oneLine(p) : '')).filter(Boolean);
  if (firstUrl?.type === 'url') parts.push(firstUrl.url);
  else if (parts.length === 0 && card.media) parts.push(card.media.url);
  return parts.join(' – ');
}

/** Trims every line and keeps at most one blank line in a row (the customer's paragraphs). */
function tidy(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A stand-alone SMS for any content: the words, then each link as "label: URL", each call as
 * "label: +phone", reply chips as "Reply: Yes / No", a carousel as one line per card. With
 * `optOutMention`, the mention is appended when the text lacks one (France: every marketing
 * SMS offers a free opt-out).
 */
export function smsFallbackText(content: Content, opts: { optOutMention?: string | null } = {}): string {
  const blocks: string[] = [];
  switch (content.type) {
    case 'text':
      blocks.push(content.text);
      break;
    case 'media':
      if (content.text) blocks.push(content.text);
      blocks.push(content.media.url);
      break;
    case 'card':
      blocks.push(...cardLines(content.card));
      break;
    case 'carousel':
      for (const card of content.cards) blocks.push(carouselLine(card));
      break;
  }
  blocks.push(...suggestionLines(content.suggestions));
  const text = tidy(
    blocks
      .map((b) => b.trim())
      .filter(Boolean)
      .join('\n'),
  );
  return opts.optOutMention ? withOptOutMention(text, opts.optOutMention) : text;
}
