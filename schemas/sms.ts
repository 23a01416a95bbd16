/**
 * The stand-alone SMS version of any rich `Content` (every rich message has an SMS version
 * that stands alone) with the brand's opt-out mention (docs/compliance.md, "Mandatory content"). Shared by the Worker and the browser console. Encoding and segment
 * counting live in gsm.ts.
 *
 * The words added here (separators, "Reply:", labels) are all GSM-7, so the fallback stays
 * GSM-7 (and half the price of UCS-2) whenever the brand's own words are.
 */
import type { Card, Content, Suggestion } from './content';
import { graphemes } from './gsm';

/** Twilio refuses longer bodies; the API's `fallback_text` has the same bound. */
export const SMS_MAX_CHARS = 1600;

// ---------------------------------------------------------------------------------------
// Opt-out mention

/**
 * Words that show a text already tells the customer how to stop. Only the upper-case forms
 * count ("Reply STOP", "STOP au 36111"): a lower-case "stop" in marketing copy ("don't stop
 * shopping") is not an opt-out instruction, and when in doubt the mention is appended. Of the
 * opt-out keywords, those that also read as ordinary copy in capitals ("FIN DES SOLDES",
 * "END OF SEASON", "ANNULER" a booking, "CANCEL" an order) do not count either.
 */
const OPT_OUT_MENTION =
  /(^|[^\p{L}\p{N}])(STOP|STOPALL|ARR[EÊ]T|ARR[EÊ]TE|ARR[EÊ]TEZ|UNSUBSCRIBE|OPTOUT|OPT[ -]OUT|D[EÉ]SABONNER|D[EÉ]SABONNEMENT|D[EÉ]SINSCRIRE)(?=$|[^\p{L}\p{N}])/u;

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

function cardLines(card: Card): Block[] {
  const lines: Block[] = [];
  if (card.title?.trim()) lines.push(prose(card.title));
  if (card.description?.trim()) lines.push(prose(card.description));
  // The image only carries the message when the card has no words of its own.
  if (lines.length === 0 && card.media) lines.push(fixed(card.media.url));
  return lines.concat(suggestionLines(card.buttons).map(fixed));
}

/** "Title - description - https://first-link" for one card of a carousel (a GSM-7 hyphen, not an en dash). */
function carouselLine(card: Card): Block {
  const firstUrl = card.buttons?.find((b) => b.type === 'url');
  const words = [card.title, card.description].map((p) => (p ? oneLine(p) : '')).filter(Boolean);
  const link = firstUrl?.type === 'url' ? firstUrl.url : words.length === 0 && card.media ? card.media.url : '';
  return { prose: words.join(' - '), tail: link ? (words.length ? ` - ${link}` : link) : '' };
}

/**
 * One line or paragraph of an SMS version: `prose` is the brand's words, which may be
 * shortened to fit; `tail` (links, numbers, the reply choices) is kept whole.
 */
interface Block {
  prose: string;
  tail: string;
}

const prose = (text: string): Block => ({ prose: text.trim(), tail: '' });
const fixed = (text: string): Block => ({ prose: '', tail: text.trim() });
const ELLIPSIS = '...';

/** `text` cut to at most `max` UTF-16 units, between grapheme clusters, ending with "...". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return '';
  const room = max - ELLIPSIS.length;
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > room) break;
    out += g;
  }
  // End on a word when one ends near the cut.
  const space = out.search(/\s\S*$/);
  if (space > room * 0.8) out = out.slice(0, space);
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * Joins the blocks into at most `max` characters: when too long, the longest words are
 * shortened first (each to the same cap), so links, numbers and reply choices stay whole and
 * every part of the message keeps its beginning. Only when those alone are too long are the
 * last lines dropped.
 */
function fitBlocks(blocks: readonly Block[], max: number): string {
  const join = (list: readonly Block[]) =>
    tidy(
      list
        .map((b) => b.prose + b.tail)
        .filter((l) => l.trim())
        .join('\n'),
    );
  const whole = join(blocks);
  if (whole.length <= max) return whole;
  const excess = whole.length - max;
  const lengths = blocks.map((b) => b.prose.length);
  // The highest cap that removes enough: sum(max(0, length - cap)) >= excess.
  let lo = 0;
  let hi = Math.max(...lengths);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const removed = lengths.reduce((n, l) => n + Math.max(0, l - mid), 0);
    if (removed >= excess) lo = mid;
    else hi = mid - 1;
  }
  const cut = blocks.map((b) => ({ ...b, prose: shorten(b.prose, lo) }));
  let text = join(cut);
  // Links and choices alone over the limit: keep whole lines from the top.
  if (text.length > max) {
    const lines = text.split('\n');
    while (lines.length > 1 && lines.join('\n').length > max) lines.pop();
    text = shorten(lines.join('\n'), max);
  }
  return text;
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
  const blocks: Block[] = [];
  switch (content.type) {
    case 'text':
      blocks.push(prose(content.text));
      break;
    case 'media':
      if (content.text) blocks.push(prose(content.text));
      blocks.push(fixed(content.media.url));
      break;
    case 'card':
      blocks.push(...cardLines(content.card));
      break;
    case 'carousel':
      for (const card of content.cards) blocks.push(carouselLine(card));
      break;
  }
  blocks.push(...suggestionLines(content.suggestions).map(fixed));
  return fitWithMention(blocks, opts.optOutMention);
}

/**
 * The blocks within the carriers' limit, then the opt-out mention when they lack one; room
 * for the mention is kept, so shortening never cuts it off.
 */
function fitWithMention(blocks: readonly Block[], mention?: string | null): string {
  const m = mention?.trim() ?? '';
  const whole = fitBlocks(blocks, SMS_MAX_CHARS);
  if (!m) return whole;
  const withMention = withOptOutMention(whole, m);
  if (withMention.length <= SMS_MAX_CHARS) return withMention;
  return withOptOutMention(fitBlocks(blocks, SMS_MAX_CHARS - m.length - 1), m);
}

/**
 * The SMS a message goes out as, on its own or as the RCS fallback: the sender's
 * `fallback_text` when given, else generated from the content; a marketing SMS gets the
 * brand's opt-out mention when it lacks one. The Worker sends exactly this, and the console's
 * preview shows exactly this.
 */
export function smsVersion(
  content: Content | null,
  opts: { fallbackText?: string | null; purpose?: string | null; optOutMention?: string | null } = {},
): string {
  const mention = opts.purpose === 'marketing' ? opts.optOutMention : null;
  if (opts.fallbackText) return mention ? fitWithMention([prose(opts.fallbackText)], mention) : opts.fallbackText;
  if (!content) return '';
  return smsFallbackText(content, mention ? { optOutMention: mention } : {});
}
