/**
 * Live SMS length: segments, encoding (GSM-7 or UCS-2) and characters. When the text is UCS-2
 * it names the characters that force it, and offers the GSM-safe replacement (curly quotes,
 * dashes, "…", special spaces → plain GSM characters) when `onFix` is given.
 */
import { encodingAdvice } from '../../../schemas/gsm';
import { t } from '../../lib/i18n';

/** Invisible characters (spaces of other widths, zero-width ones) are shown by code point. */
const visible = (c: string) => (/^[\s\p{Cf}]+$/u.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : c);

export function SegmentCount({ text, onFix }: { text: string; onFix?: (fixed: string) => void }) {
  if (!text) return null;
  const a = encodingAdvice(text);
  const fixed = a.fixed;
  return (
    <span class="segment-info">
      <span class={a.segments > 1 ? 'segments segments-multi' : 'segments'} aria-live="polite">
        {t('composer.segments', { n: a.segments, enc: a.encoding, len: a.characters })}
      </span>
      {a.ucs2.length > 0 && (
        <span class="ucs2-chars" title={t('composer.ucs2Hint')}>
          {t('composer.ucs2Because')}{' '}
          {a.ucs2.slice(0, 8).map((c) => (
            <code key={c} class={a.replaceable.includes(c) ? 'ucs2-char ucs2-fixable' : 'ucs2-char'}>
              {visible(c)}
            </code>
          ))}
          {a.ucs2.length > 8 && '…'}
        </span>
      )}
      {onFix && fixed !== null && (
        <button type="button" class="link-btn gsm-safe" title={t('composer.gsmSafeHint')} onClick={() => onFix(fixed)}>
          {a.fixedSegments < a.segments ? t('composer.gsmSafeSaves', { n: a.fixedSegments }) : t('composer.gsmSafe')}
        </button>
      )}
    </span>
  );
}
