/**
 * A message as one customer gets it: rendered, with the brand's additions made at send time
 * (the "Stop" chip under RCS marketing, the opt-out mention and short links in a marketing SMS) by the same
 * functions the send pipeline uses, and linted for its purpose.
 */
import type { Content } from '../../schemas/content';
import { countSegments, encodingAdvice } from '../../schemas/gsm';
import { type LintIssue, type LintPurpose, lintContent, lintSms } from '../../schemas/lint';
import type { PreviewResponse } from '../../schemas/preview';
import { smsVersion } from '../../schemas/sms';
import { withStopSuggestion } from '../profile/postbacks';
import { previewShortLinks } from '../results/links';
import type { BrandSettings } from '../settings';
import { renderContent, type TemplateContext, type TemplateIssue } from '.';

export type Preview = { ok: true; rcs: PreviewResponse['rcs']; sms: PreviewResponse['sms'] } | { ok: false; issues: TemplateIssue[] };

const inContent = (i: LintIssue): LintIssue => ({ ...i, path: i.path ? `content.${i.path}` : 'content' });

/** The RCS content as sent: marketing gets the brand's "Stop" chip when the brand offers one. */
export function contentAsSent(content: Content, purpose: LintPurpose, brand: Pick<BrandSettings, 'rcsStopSuggestion'>): Content {
  return purpose === 'marketing' && brand.rcsStopSuggestion ? withStopSuggestion(content) : content;
}

export function previewMessage(
  content: unknown,
  fallbackText: string | null | undefined,
  purpose: LintPurpose,
  context: TemplateContext,
  brand: Pick<BrandSettings, 'rcsStopSuggestion' | 'optOutMention'>,
  /** `PUBLIC_URL`: a marketing SMS's links are counted at the length of the short links they go out as. */
  shortLinkBase?: string,
): Preview {
  const rendered = renderContent(content, fallbackText, context);
  if (!rendered.ok) return rendered;
  const rcs = contentAsSent(rendered.content, purpose, brand);
  // SMS advice is given once, on the SMS itself.
  const rcsLint = lintContent(rcs, { purpose })
    .filter((i) => !i.code.startsWith('sms_'))
    .map(inContent);
  const asWritten = smsVersion(rendered.content, { fallbackText: rendered.fallbackText, purpose, optOutMention: brand.optOutMention });
  const text = purpose === 'marketing' && shortLinkBase ? previewShortLinks(asWritten, shortLinkBase) : asWritten;
  const a = encodingAdvice(text);
  const { perSegment, remaining } = countSegments(text);
  return {
    ok: true,
    rcs: { content: rcs, lint: rcsLint },
    sms: {
      text,
      segments: {
        encoding: a.encoding,
        segments: a.segments,
        characters: a.characters,
        per_segment: perSegment,
        remaining,
        ucs2_characters: a.ucs2,
      },
      lint: lintSms(text, { purpose, optOutMention: brand.optOutMention, path: rendered.fallbackText ? 'fallback_text' : 'sms' }),
    },
  };
}
