/**
 * SMS encoding and billing, shared by the Worker and the browser console (no Node or Workers
 * APIs): GSM-7 or UCS-2, how many parts the carrier bills, which characters force UCS-2, and
 * the "GSM-safe" replacements (curly quotes, dashes, ellipsis, odd spaces) that keep a text in
 * GSM-7, as Twilio's Smart Encoding does.
 *
 * The rules follow 3GPP TS 23.038 and the carrier we bill through (Twilio), checked against
 * Twilio's segment calculator and Android's splitter:
 * - Only capital `Ç` is in the GSM-7 table (0x09); `ç` is UCS-2 (Android shows 0x09 as "Ç").
 * - A part holds 160 septets or 70 UTF-16 code units alone, 153 / 67 once concatenated.
 * - An extension character (ESC + char, 2 septets), a surrogate pair and a whole grapheme
 *   cluster (skin-tone emoji, ZWJ family, flag, letter + combining accent) are never split
 *   between two parts: the part ends short and the cluster moves to the next one.
 *
 * Written here rather than taken from npm: `sms-segments-calculator` (Twilio DevEd) applies
 * these rules but pulls in `grapheme-splitter` (~250 kB) for the console bundle, where
 * `Intl.Segmenter` (workerd, browsers, Node) gives the same clusters natively.
 */

/** GSM 03.38 default alphabet, basic table (one septet each); 0x09 is capital `Ç` only. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Extension table: each costs two septets (ESC + char) and is never split across segments. */
const GSM_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);
const isGsmChar = (ch: string) => BASIC.has(ch) || EXTENDED.has(ch);

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
  for (const ch of text) if (!isGsmChar(ch)) return false;
  return true;
}

let segmenter: Intl.Segmenter | null | undefined;

/** User-perceived characters (grapheme clusters); code points where Intl.Segmenter is missing. */
export function graphemes(text: string): string[] {
  if (segmenter === undefined)
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Units one piece costs: septets in GSM-7, UTF-16 code units in UCS-2. */
function unitCost(piece: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return piece.length;
  let n = 0;
  for (const ch of piece) n += EXTENDED.has(ch) ? 2 : 1;
  return n;
}

/**
 * Counts the SMS parts of `text`. A single part holds 160 septets or 70 code units; once
 * split, each part loses room to the concatenation header (153 / 67). Pieces are grapheme
 * clusters, packed greedily and never cut, so a part can end a few units short. A cluster
 * larger than a whole part (a long run of combining marks) is cut between code points, which
 * still keeps surrogate pairs and extension characters whole.
 */
export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;
  const characters = encoding === 'UCS-2' ? text.length : unitCost(text, encoding);

  if (characters === 0) return { encoding, segments: 0, characters: 0, perSegment: single, remaining: single };
  if (characters <= single) {
    return { encoding, segments: 1, characters, perSegment: single, remaining: single - characters };
  }
  const costs: number[] = [];
  for (const cluster of graphemes(text)) {
    const cost = unitCost(cluster, encoding);
    if (cost <= multi) costs.push(cost);
    else for (const ch of cluster) costs.push(unitCost(ch, encoding));
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

/** The distinct characters (grapheme clusters) that force UCS-2, in order of appearance. */
export function ucs2Characters(text: string): string[] {
  const found = new Set<string>();
  for (const cluster of graphemes(text)) if (!isGsm7(cluster)) found.add(cluster);
  return [...found];
}

// ---------------------------------------------------------------------------------------
// GSM-safe replacement

/**
 * Look-alikes and their GSM-7 equivalents, after Twilio's Smart Encoding list: quotes,
 * apostrophes and primes, commas, dashes and minus signs, slashes, the ellipsis, angle
 * quotes, spaces of every width (zero-width ones are dropped). Letters are never changed:
 * `ç` or `ê` stay as written (and the text stays UCS-2).
 */
const LOOKALIKES: Record<string, string> = {
  ...Object.fromEntries([...'«»“”ʺˮ‟❝❞〝〞'].map((c) => [c, '"'])),
  ...Object.fromEntries([...'‘’ʻˈʼʽʹ‛´ˊ`ˋ❛❜′‵\u0313\u0314\uFE10\uFE11'].map((c) => [c, "'"])),
  ...Object.fromEntries([...'‚\uFE50'].map((c) => [c, ','])),
  ...Object.fromEntries([...'‐‑‒–—―⁃﹣−⎼⎽'].map((c) => [c, '-'])),
  ...Object.fromEntries([...'÷⁄∕⧸'].map((c) => [c, '/'])),
  ...Object.fromEntries([...'⧹⧵﹨'].map((c) => [c, '\\'])),
  ...Object.fromEntries([...'∣⏐⎸⎹'].map((c) => [c, '|'])),
  ...Object.fromEntries(
    [...'\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t'].map((c) => [c, ' ']),
  ),
  ...Object.fromEntries([...'\u200B\u2060\uFEFF'].map((c) => [c, ''])),
  '…': '...',
  '‹': '<',
  '›': '>',
  ˆ: '^',
  '˜': '~',
  '¼': '1/4',
  '½': '1/2',
  '¾': '3/4',
};

/** The GSM-7 replacement of one character, or null when it has none (or needs none). */
export function gsmEquivalent(ch: string): string | null {
  if (isGsmChar(ch)) return null;
  const mapped = LOOKALIKES[ch];
  if (mapped !== undefined) return mapped;
  // Fullwidth ASCII (U+FF01–U+FF5E), as typed by CJK keyboards: the ASCII character itself.
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    if (isGsmChar(ascii)) return ascii;
  }
  return null;
}

/** `text` with every look-alike replaced by its GSM-7 equivalent; other characters kept. */
export function gsmSafe(text: string): string {
  let out = '';
  for (const ch of text) out += gsmEquivalent(ch) ?? ch;
  return out;
}

export interface EncodingAdvice {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or code units (UCS-2), as in `countSegments`. */
  characters: number;
  /** Characters that force UCS-2, as typed. */
  ucs2: string[];
  /** Those of them with a GSM-7 equivalent (a "GSM-safe" replacement changes them). */
  replaceable: string[];
  /** The GSM-safe text, when it differs from `text`; otherwise null. */
  fixed: string | null;
  /** Parts billed now, and after the GSM-safe replacement. */
  segments: number;
  fixedSegments: number;
}

/** What the composer and the lint show: why a text is UCS-2 and what GSM-safe would save. */
export function encodingAdvice(text: string): EncodingAdvice {
  const now = countSegments(text);
  const ucs2 = now.encoding === 'UCS-2' ? ucs2Characters(text) : [];
  const replaceable = ucs2.filter((c) => [...c].every((ch) => isGsmChar(ch) || gsmEquivalent(ch) !== null));
  const safe = replaceable.length ? gsmSafe(text) : text;
  const fixed = safe === text ? null : safe;
  return {
    encoding: now.encoding,
    characters: now.characters,
    ucs2,
    replaceable,
    fixed,
    segments: now.segments,
    fixedSegments: fixed === null ? now.segments : countSegments(fixed).segments,
  };
}
