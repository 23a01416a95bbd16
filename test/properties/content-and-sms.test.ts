// Properties of the content schema, the SMS version generator and the segment counter, over
// generated inputs (fast-check): they never throw, never exceed the carriers' limits and
// round-trip. A failure prints the smallest input that breaks the property.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ContentSchema } from '../../schemas/content';
import { countSegments, graphemes, gsmSafe, isGsm7 } from '../../schemas/gsm';
import { SMS_MAX_CHARS } from '../../schemas/lint';
import { hasOptOutMention, smsVersion } from '../../schemas/sms';
import { anyText, asJson, content, gsmText } from './arbitraries';

const RUNS = { numRuns: 100, endOnFailure: true };

describe('the content schema', () => {
  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        v.safeParse(ContentSchema, input);
      }),
      RUNS,
    );
  });

  it('accepts every valid content and gives it back unchanged, also after a JSON round trip', () => {
    fc.assert(
      fc.property(content, (c) => {
        const input = asJson(c);
        const parsed = v.safeParse(ContentSchema, input);
        expect(parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`)).toBeUndefined();
        expect(asJson(parsed.output)).toEqual(input);
      }),
      RUNS,
    );
  });

  it('refuses a calendar event that ends before it starts, naming its end', () => {
    const parsed = v.safeParse(ContentSchema, {
      type: 'text',
      text: 'Live shopping',
      suggestions: [{ type: 'calendar', text: 'Add', title: 'Live', start: '2026-05-01T18:00:00Z', end: '2026-05-01T17:00:00Z' }],
    });
    expect(parsed.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([['suggestions.0.end', 'must not be before start']]);
  });

  it('refuses a javascript: or data: URL in any button, naming where it is', () => {
    fc.assert(
      fc.property(content, fc.constantFrom('javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>x</script>'), (c, bad) => {
        const input = asJson({ ...c, suggestions: [{ type: 'url', text: 'Open', url: bad }] });
        const parsed = v.safeParse(ContentSchema, input);
        expect(parsed.success).toBe(false);
        expect(parsed.issues?.map((i) => v.getDotPath(i))).toContain('suggestions.0.url');
      }),
      { numRuns: 50 },
    );
  });
});

describe('the SMS version of a content', () => {
  const mention = 'STOP au 36111';

  it('never throws and fits the carriers’ 1,600-character limit, with the opt-out mention on marketing', () => {
    fc.assert(
      fc.property(content, fc.boolean(), (c, marketing) => {
        const sms = smsVersion(c, { purpose: marketing ? 'marketing' : 'transactional', optOutMention: mention });
        expect(sms.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
        expect(sms.trim().length).toBeGreaterThan(0);
        if (marketing) expect(hasOptOutMention(sms, mention)).toBe(true);
      }),
      RUNS,
    );
  });

  it('stays GSM-7 whenever the brand’s own words are', () => {
    fc.assert(
      fc.property(content, (c) => {
        const sms = smsVersion(c, { purpose: 'marketing', optOutMention: mention });
        expect(isGsm7(sms), sms.slice(0, 200)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps every link of a short message whole', () => {
    fc.assert(
      fc.property(content, (c) => {
        const sms = smsVersion(c, {});
        if (sms.length >= SMS_MAX_CHARS - 10) return; // shortened: covered by the limit property
        const urls = (c.suggestions ?? []).flatMap((s) => (s.type === 'url' ? [s.url] : []));
        for (const url of urls) expect(sms).toContain(url);
      }),
      RUNS,
    );
  });

  it('fits the limit with the sender’s own fallback text of up to 1,600 characters plus the mention', () => {
    fc.assert(
      fc.property(
        gsmText(1, 1600).filter((t) => t.trim().length > 0),
        (fallbackText) => {
          const sms = smsVersion(null, { fallbackText, purpose: 'marketing', optOutMention: mention });
          expect(sms.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
          expect(hasOptOutMention(sms, mention)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('the segment counter', () => {
  it('never throws, and counts 0 parts only for the empty text', () => {
    fc.assert(
      fc.property(anyText(800), (text) => {
        const n = countSegments(text);
        expect(n.segments === 0).toBe(text.length === 0);
        expect(n.remaining).toBeGreaterThanOrEqual(0);
        expect(n.remaining).toBeLessThanOrEqual(n.perSegment);
      }),
      RUNS,
    );
  });

  it('bills one part up to 160 GSM-7 septets or 70 UCS-2 code units, and never fewer parts than the units need', () => {
    fc.assert(
      fc.property(anyText(800), (text) => {
        const n = countSegments(text);
        const single = n.encoding === 'GSM-7' ? 160 : 70;
        if (n.characters > 0 && n.characters <= single) expect(n.segments).toBe(1);
        if (n.characters > single) expect(n.segments).toBeGreaterThanOrEqual(Math.ceil(n.characters / n.perSegment));
      }),
      RUNS,
    );
  });

  it('never bills more for a text than for the same text with one more character', () => {
    fc.assert(
      fc.property(anyText(400), fc.constantFrom('a', 'é', '€'), (text, extra) => {
        const before = countSegments(text);
        const after = countSegments(text + extra);
        if (before.encoding === after.encoding) expect(after.segments).toBeGreaterThanOrEqual(before.segments);
      }),
      RUNS,
    );
  });

  it('splits into grapheme clusters that join back to the text', () => {
    fc.assert(
      fc.property(anyText(300), (text) => {
        expect(graphemes(text).join('')).toBe(text);
      }),
      RUNS,
    );
  });

  it('GSM-safe replacement never costs more parts and is idempotent', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        const safe = gsmSafe(text);
        expect(gsmSafe(safe)).toBe(safe);
        expect(countSegments(safe).segments).toBeLessThanOrEqual(countSegments(text).segments);
      }),
      RUNS,
    );
  });
});
