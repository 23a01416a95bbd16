/** The fields of a canned response (shortcut, title, text), to add one or edit one. */
import { useSignal } from '@preact/signals';
import {
  CANNED_TEXT_MAX_LENGTH,
  CANNED_TITLE_MAX_LENGTH,
  type CannedResponseInput,
  SHORTCUT_MAX_LENGTH,
} from '../../../schemas/canned-responses';
import { ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';
import { ta } from '../../lib/admin-i18n';

const EMPTY: CannedResponseInput = { shortcut: '', title: '', text: '' };

export function CannedForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: CannedResponseInput;
  submitLabel: string;
  /** Saves; the form empties itself after a new response was added. */
  onSubmit: (input: CannedResponseInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useSignal<CannedResponseInput>(initial ?? EMPTY);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const set = (k: keyof CannedResponseInput, value: string) => (form.value = { ...form.value, [k]: value });
  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await onSubmit(form.value);
      if (!initial) form.value = EMPTY;
    } catch (err) {
      error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="canned-form" onSubmit={submit}>
      <div class="canned-form-row">
        <label class="field canned-form-shortcut">
          <span>{ta('canned.shortcut')}</span>
          <span class="shortcut-input">
            <span aria-hidden="true">/</span>
            <input
              required
              maxLength={SHORTCUT_MAX_LENGTH}
              pattern="[A-Za-z0-9_\-]+"
              autocapitalize="off"
              spellcheck={false}
              aria-describedby="canned-shortcut-hint"
              value={form.value.shortcut}
              onInput={(e) => set('shortcut', e.currentTarget.value)}
            />
          </span>
          <small class="field-help" id="canned-shortcut-hint">
            {ta('canned.shortcutHint', { n: SHORTCUT_MAX_LENGTH })}
          </small>
        </label>
        <label class="field canned-form-title">
          <span>{ta('canned.titleField')}</span>
          <input
            required
            maxLength={CANNED_TITLE_MAX_LENGTH}
            value={form.value.title}
            onInput={(e) => set('title', e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field">
        <span>{ta('canned.text')}</span>
        <textarea
          required
          rows={4}
          maxLength={CANNED_TEXT_MAX_LENGTH}
          value={form.value.text}
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </label>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <div class="form-actions">
        {onCancel && (
          <button type="button" class="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy.value}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
