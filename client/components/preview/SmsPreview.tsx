/** The message as an SMS: the bubble, its parts and encoding, and the characters forcing UCS-2. */
import type { SmsSegments } from '../../../schemas/preview';
import { t } from '../../lib/i18n';
import { Linkified } from '../message/Linkified';

/** Invisible characters (spaces of other widths, zero-width ones) are shown by code point. */
const visible = (c: string) => (/^[\s\p{Cf}]+$/u.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : c);

export function SmsPreview({ text, segments }: { text: string | null; segments: SmsSegments | null }) {
  return (
    <section class="sms-preview" aria-label={t('preview.sms')}>
      <div class="phone-screen sms-preview-screen">
        {text ? (
          <div class="sim-row">
            <div class="sim-bubble sim-them" data-testid="sms-bubble">
              <Linkified text={text} />
            </div>
          </div>
        ) : (
          <p class="muted small">{t('preview.nothing')}</p>
        )}
      </div>
      {segments && text && (
        <p class="segment-info" data-testid="sms-segments">
          <span class={segments.segments > 1 ? 'segments segments-multi' : 'segments'}>
            {t('composer.segments', { n: segments.segments, enc: segments.encoding, len: segments.characters })}
          </span>
          {segments.ucs2_characters.length > 0 && (
            <span class="ucs2-chars">
              {t('composer.ucs2Because')}{' '}
              {segments.ucs2_characters.slice(0, 12).map((c) => (
                <code key={c} class="ucs2-char">
                  {visible(c)}
                </code>
              ))}
              {segments.ucs2_characters.length > 12 && '…'}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
