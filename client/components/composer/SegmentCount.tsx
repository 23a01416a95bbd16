/** Live SMS length: segments, encoding (GSM-7 or UCS-2) and characters. */
import { t } from '../../lib/i18n';
import { countSegments } from '../../../schemas/sms';

export function SegmentCount({ text }: { text: string }) {
  const c = countSegments(text);
  if (!text) return null;
  return (
    <span class={c.segments > 1 ? 'segments segments-multi' : 'segments'} aria-live="polite">
      {t('composer.segments', { n: c.segments, enc: c.encoding, len: c.characters })}
    </span>
  );
}
