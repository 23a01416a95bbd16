// SMS segment counting (schemas/gsm.ts): GSM-7 vs UCS-2 detection and the 160/153 and 70/67
// boundaries, with extension characters, surrogate pairs and grapheme clusters never split
// between parts, checked against 3GPP TS 23.038 and the counts of Twilio's segment calculator.
import { describe, expect, it } from 'vitest';
import { countSegments, encodingAdvice, gsmSafe, isGsm7, ucs2Characters } from '../schemas/gsm';

describe('countSegments', () => {
  it('counts an empty text as no segment with a full first part left', () => {
    expect(countSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, characters: 0, perSegment: 160, remaining: 160 });
  });

  it('fits 160 GSM-7 characters in one segment', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160, perSegment: 160, remaining: 0 });
  });

  it('splits 161 GSM-7 characters into two parts of 153', () => {
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 161, perSegment: 153, remaining: 145 });
  });

  it('fits exactly 306 GSM-7 characters in two parts and needs a third at 307', () => {
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the euro sign as two septets of GSM-7', () => {
    expect(countSegments('€')).toMatchObject({ encoding: 'GSM-7', characters: 2, remaining: 158 });
    expect(countSegments(`${'a'.repeat(158)}€`).segments).toBe(1);
    expect(countSegments(`${'a'.repeat(159)}€`).segments).toBe(2);
  });

  it('never splits an extension character across two parts', () => {
    // 152 septets then "€" (2 septets) would straddle the 153 boundary: it moves to part 2.
    const text = `${'a'.repeat(152)}€${'a'.repeat(10)}`;
    const count = countSegments(text);
    expect(count.characters).toBe(164);
    expect(count.segments).toBe(2);
    expect(count.remaining).toBe(153 - 12);
  });

  it('keeps capital Ç in GSM-7 (0x09) but counts lowercase ç as UCS-2, as 3GPP TS 23.038 and Twilio do', () => {
    expect(isGsm7('Ç')).toBe(true);
    expect(countSegments('Ça va').encoding).toBe('GSM-7');
    expect(isGsm7('ç')).toBe(false);
    expect(countSegments('garçon')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 6, perSegment: 70, remaining: 64 });
    expect(countSegments('Pâtes').encoding).toBe('UCS-2');
  });

  it('bills a 100-character French text with ç as two parts, not one', () => {
    const text = 'Bonjour, votre reçu est prêt'.replace('ê', 'e').padEnd(100, '.');
    expect(text).toHaveLength(100);
    expect(countSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 2, characters: 100 });
    expect(countSegments(text.replace('ç', 'c'))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('treats every basic GSM character as one septet', () => {
    const all =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    expect(all.length).toBe(127);
    expect(countSegments(all)).toMatchObject({ encoding: 'GSM-7', characters: 127 });
    expect(countSegments('^{}\\[~]|€\f')).toMatchObject({ encoding: 'GSM-7', characters: 20 });
  });

  it('fits 70 UCS-2 code units in one segment and splits 71 into parts of 67', () => {
    expect(countSegments('â'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 70, perSegment: 70, remaining: 0 });
    expect(countSegments('â'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 71, perSegment: 67, remaining: 63 });
  });

  it('counts an emoji as two UCS-2 code units', () => {
    expect(countSegments('Hi 👋')).toMatchObject({ encoding: 'UCS-2', characters: 5, segments: 1, remaining: 65 });
    expect(countSegments(`${'a'.repeat(68)}👋`).segments).toBe(1);
    expect(countSegments(`${'a'.repeat(69)}👋`).segments).toBe(2);
  });

  it('never splits a surrogate pair across two parts', () => {
    // 66 units then an emoji would straddle the 67 boundary: the emoji moves to part 2.
    const count = countSegments(`${'a'.repeat(66)}👋${'a'.repeat(5)}`);
    expect(count.characters).toBe(73);
    expect(count.segments).toBe(2);
    expect(count.remaining).toBe(67 - 7);
  });

  it('never splits a grapheme cluster: a ZWJ family at the boundary moves whole to the next part', () => {
    const family = '👨‍👩‍👧‍👦'; // 4 emoji joined by 3 ZWJ: 11 code units
    expect(family).toHaveLength(11);
    // 62 + 11 + 61 = 134 units = exactly 2 × 67, but the family does not fit the 5 units left
    // in part 1: it opens part 2 (11 + 56), and the last 5 units need a part 3 (Twilio: 3).
    const count = countSegments(`${'a'.repeat(62)}${family}${'a'.repeat(61)}`);
    expect(count).toMatchObject({ encoding: 'UCS-2', characters: 134, segments: 3, remaining: 67 - 5 });
    // When the family ends exactly at unit 67, it stays in part 1 and 2 parts suffice.
    expect(countSegments(`${'a'.repeat(56)}${family}${'a'.repeat(67)}`).segments).toBe(2);
  });

  it('keeps a skin-tone emoji, a flag and a letter with a combining accent whole', () => {
    // Each straddles the 67-unit boundary of part 1 when split by code units or code points.
    expect(countSegments(`${'a'.repeat(65)}👍🏽${'a'.repeat(65)}`)).toMatchObject({ characters: 134, segments: 3 });
    expect(countSegments(`${'a'.repeat(65)}🇫🇷${'a'.repeat(65)}`)).toMatchObject({ characters: 134, segments: 3 });
    expect(countSegments(`${'a'.repeat(66)}e\u0301${'a'.repeat(66)}`)).toMatchObject({ characters: 134, segments: 3 });
  });

  it('still fits a long grapheme cluster in one part when the whole text fits', () => {
    expect(countSegments(`${'a'.repeat(59)}👨‍👩‍👧‍👦`)).toMatchObject({ characters: 70, segments: 1, remaining: 0 });
  });

  it('cuts a cluster larger than a whole part between code points, never inside a surrogate pair', () => {
    const zalgo = `e${'\u0301'.repeat(100)}`; // 101 units: cannot fit any part whole
    expect(countSegments(zalgo)).toMatchObject({ encoding: 'UCS-2', characters: 101, segments: 2, remaining: 67 - 34 });
  });
});

describe('ucs2Characters and gsmSafe', () => {
  it('lists the characters that force UCS-2, once each, in order', () => {
    expect(ucs2Characters('“Garçon” – café… “ok”')).toEqual(['“', 'ç', '”', '–', '…']);
    expect(ucs2Characters('Hello')).toEqual([]);
    expect(ucs2Characters('Top 👍🏽')).toEqual(['👍🏽']);
  });

  it('replaces curly quotes, dashes, ellipsis and non-breaking spaces with their GSM equivalents', () => {
    expect(gsmSafe('“Hello” — it’s 20\u00A0% off… ‘today’ – «\u202Fvite\u202F»')).toBe('"Hello" - it\'s 20 % off... \'today\' - " vite "');
    expect(isGsm7(gsmSafe('“Hello” — it’s 20\u00A0% off…'))).toBe(true);
  });

  it('never changes letters, so ç and ê stay as written', () => {
    expect(gsmSafe('garçon, fête')).toBe('garçon, fête');
  });

  it('folds fullwidth ASCII and drops zero-width spaces', () => {
    expect(gsmSafe('ＳＡＬＥ！\u200B')).toBe('SALE!');
  });

  it('advises the GSM-safe fix with what it saves, and says which characters would remain', () => {
    const text = `${'a'.repeat(100)} “sale” – now…`;
    expect(encodingAdvice(text)).toEqual({
      encoding: 'UCS-2',
      characters: 114,
      ucs2: ['“', '”', '–', '…'],
      replaceable: ['“', '”', '–', '…'],
      fixed: `${'a'.repeat(100)} "sale" - now...`,
      segments: 2,
      fixedSegments: 1,
    });
    expect(encodingAdvice('“garçon”')).toMatchObject({
      ucs2: ['“', 'ç', '”'],
      replaceable: ['“', '”'],
      fixed: '"garçon"',
      fixedSegments: 1,
    });
    expect(encodingAdvice('plain text')).toMatchObject({ encoding: 'GSM-7', ucs2: [], fixed: null });
  });
});
