/**
 * A message as a chosen customer would get it, before it is sent: on an RCS phone and as an
 * SMS (with its parts, encoding and the characters that force UCS-2), rendered by the server
 * (`POST /api/preview`) with that customer's profile, plus the lint for the message's purpose
 * and the template errors of each field. Mountable anywhere a message is written (card builder,
 * campaign builder): `onChange` tells the host what is wrong so it can mark fields and hold
 * Send back.
 */
import { useSignal } from '@preact/signals';
import type { Content } from '../../../schemas/content';
import type { LintPurpose } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { fieldLabel } from '../../lib/lint-messages';
import { Icon } from '../Icon';
import { LintList } from './LintList';
import { type PickedProfile, ProfilePicker } from './ProfilePicker';
import { RcsPreview } from './RcsPreview';
import { SmsPreview } from './SmsPreview';
import { type PreviewState, usePreview } from './usePreview';

export interface MessagePreviewProps {
  /** The message as written (Liquid included); null shows an empty preview. */
  content: unknown;
  /** The sender's own SMS version, when they wrote one (else it is generated). */
  fallbackText?: string | null;
  purpose: LintPurpose;
  /** The customer shown first (e.g. the open conversation's); the sample customer when absent. */
  profile?: PickedProfile | null;
  onChange?: (state: PreviewState) => void;
  /**
   * The message as the console builds it (Liquid not rendered), shown, marked as such, whenever
   * the server has no answer to show: not yet, a template error, or `content` null because the
   * host holds a blocked message back. The phone is never empty while there is a message.
   */
  local?: { content: Content | null; sms: string | null } | null;
}

export function MessagePreview({ content, fallbackText, purpose, profile = null, onChange, local = null }: MessagePreviewProps) {
  const chosen = useSignal<PickedProfile | null>(profile);
  const state = usePreview({ content, fallbackText, purpose, phone: chosen.value?.phone ?? null }, onChange);
  const data = state.data;
  const channel = data?.channel_for_profile;
  const rcs = data?.rcs.content ?? local?.content ?? null;
  const sms = data?.sms.text ?? local?.sms ?? null;
  const asTyped = !data && rcs !== null;

  return (
    <div class="message-preview" aria-busy={state.status === 'loading'}>
      <div class="message-preview-head">
        <ProfilePicker value={chosen.value} onChange={(p) => (chosen.value = p)} />
        {data && chosen.value && (
          <span class="muted small" data-testid="preview-channel">
            {channel === 'rcs' ? t('preview.getsRcs') : channel === 'sms' ? t('preview.getsSms') : t('preview.getsUnknown')}
          </span>
        )}
      </div>
      {state.status === 'invalid' && state.issues.length > 0 && (
        <ul class="lint template-errors" role="alert" aria-label={t('preview.templateErrors')}>
          {state.issues.map((i) => (
            <li key={i.path} class="lint-error" data-path={i.path}>
              <Icon name="alert" size={12} /> <strong>{fieldLabel(i.path)}</strong> — {i.message}
            </li>
          ))}
        </ul>
      )}
      {(state.status === 'not_found' || state.status === 'error') && (
        <p class="send-error" role="alert">
          {state.status === 'not_found' ? t('preview.notFound') : t('preview.failed')}
        </p>
      )}
      <div class="message-preview-body">
        <div>
          <h3 class="preview-title">{t('preview.rcs')}</h3>
          {asTyped && <p class="muted small preview-as-typed">{t('preview.asTyped')}</p>}
          <RcsPreview content={rcs} />
          {data && <LintList issues={data.rcs.lint} />}
        </div>
        <div>
          <h3 class="preview-title">{t('preview.sms')}</h3>
          <SmsPreview text={sms} segments={data?.sms.segments ?? null} />
          {data && <LintList issues={data.sms.lint} />}
        </div>
      </div>
    </div>
  );
}
