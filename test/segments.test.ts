// SMS segment counting (schemas/sms.ts): GSM-7 vs UCS-2 detection and the 160/153 and 70/67
// boundaries, with extension characters and surrogate pairs never split between parts.
import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from '../schemas/sms';

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

  it('keeps ç in GSM-7 but switches to UCS-2 for â', () => {
    expect(countSegments('Ça va, garçon ?').encoding).toBe('GSM-7');
    expect(isGsm7('ç')).toBe(true);
    expect(countSegments('Pâtes').encoding).toBe('UCS-2');
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
});
