// Properties of the keyword matcher over generated customer texts (fast-check): it never throws,
// and an opt-out word survives every disguise a phone keyboard or a copy-paste adds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKeyword, DEFAULT_KEYWORDS } from '../../worker/compliance/keywords';
import { anyText } from './arbitraries';

const RUNS = { numRuns: 300 };
const optOutWord = fc.constantFrom(...DEFAULT_KEYWORDS.optOut);

/** What a keyboard, an autocorrect or a copy-paste puts around or inside a word. */
const disguise = (word: string) =>
  fc
    .record({
      before: fc.constantFrom('', ' ', '\n', '  ', '\u00a0', '\u200b', '"', '*'),
      after: fc.constantFrom('', ' ', '.', '!', '!!', ' ?', '\u200b', '\ufeff', '\n'),
      casing: fc.constantFrom('upper', 'lower', 'title'),
      zeroWidthInside: fc.boolean(),
      fullwidth: fc.boolean(),
    })
    .map(({ before, after, casing, zeroWidthInside, fullwidth }) => {
      let w = casing === 'upper' ? word.toUpperCase() : casing === 'lower' ? word.toLowerCase() : word[0] + word.slice(1).toLowerCase();
      // Fullwidth Latin letters (U+FF21…) are what some Asian keyboards send; NFKC folds them back.
      if (fullwidth) w = w.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      if (zeroWidthInside && w.length > 1) w = `${w[0]}\u200b${w.slice(1)}`;
      return `${before}${w}${after}`;
    });

describe('the keyword matcher', () => {
  it('never throws and answers one of its kinds, whatever the text', () => {
    fc.assert(
      fc.property(anyText(500), fc.boolean(), (text, awaiting) => {
        const m = classifyKeyword(text, { awaitingDoubleOptIn: awaiting });
        expect([null, 'opt_out', 'opt_in', 'help']).toContain(m.kind);
        expect(typeof m.flagged).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('honours every opt-out word in any case, with spaces, punctuation, zero-width or fullwidth characters', () => {
    fc.assert(
      fc.property(optOutWord.chain(disguise), (text) => {
        expect(classifyKeyword(text).kind, JSON.stringify(text)).toBe('opt_out');
      }),
      RUNS,
    );
  });

  it('never takes a text without letters for a keyword', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' .,!?0123456789-+*#\n\u200b😀👍🏽'.split('')), maxLength: 60 }), (text) => {
        expect(classifyKeyword(text).kind).toBeNull();
      }),
      RUNS,
    );
  });

  it('does not read an opt-out word inside another word as one', () => {
    fc.assert(
      fc.property(optOutWord, fc.constantFrom('NON', 'X', 'ZZ'), (word, glue) => {
        expect(classifyKeyword(`${glue}${word}${glue}`).kind).toBeNull();
      }),
      RUNS,
    );
  });
});
