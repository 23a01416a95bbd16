/**
 * The right-hand side of the builders: the message as the chosen customer gets it, rendered by
 * the server (templates filled, the "Stop" chip and opt-out mention of marketing, the exact SMS
 * the Worker sends, the lint for the purpose), then the SMS as the author may rewrite it, with
 * its segment count. While the server has not answered, or while the message is blocked and so
 * not asked about, the phone shows the message as typed.
 */
import type { Content } from '../../../schemas/content';
import { t } from '../../lib/i18n';
import { FieldIssues } from '../preview/FieldIssues';
import { MessagePreview } from '../preview/MessagePreview';
import type { PickedProfile } from '../preview/ProfilePicker';
import type { FieldIssue, PreviewState } from '../preview/usePreview';
import type { Purpose } from './drafts';
import { SegmentCount } from './SegmentCount';

export function Previews({
  content,
  preview,
  sms,
  fallback,
  onSms,
  purpose,
  profile,
  issues,
  onPreview,
}: {
  /** The checked message, asked about on the server; null while a problem blocks it. */
  content: Content | null;
  /** What to show while `content` is blocked or the server has not answered: the message as typed. */
  preview: Content | null;
  /** The SMS as shown in the box: the author's, else the generated one. */
  sms: string;
  /** The author's own SMS, or null when the Worker generates it. */
  fallback: string | null;
  /** The author's SMS, or null to go back to the generated one. */
  onSms: (text: string | null) => void;
  purpose: Purpose;
  profile: PickedProfile | null;
  /** The preview's template errors: the SMS box shows its own. */
  issues: readonly FieldIssue[];
  onPreview: (state: PreviewState) => void;
}) {
  return (
    <div class="card-previews">
      <MessagePreview
        content={content}
        fallbackText={fallback}
        purpose={purpose}
        profile={profile}
        onChange={onPreview}
        local={{ content: content ?? preview, sms: sms || null }}
      />
      <section aria-label={t('card.previewSms')}>
        <h3 class="preview-title">{t('card.previewSms')}</h3>
        <textarea
          class="fallback-text"
          aria-label={t('card.fallbackText')}
          rows={5}
          value={sms}
          onInput={(e) => onSms(e.currentTarget.value)}
        />
        <FieldIssues issues={issues} path="fallback_text" />
        <div class="preview-foot">
          <SegmentCount text={sms} onFix={(fixed) => onSms(fixed)} />
          <span class="muted">{t('card.fallbackHint')}</span>
          {purpose === 'marketing' && <span class="muted">{t('builder.optOutHint')}</span>}
        </div>
      </section>
    </div>
  );
}
