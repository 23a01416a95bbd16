/** An admin sets a new password for someone; the server ends that person's sessions. */
import { useSignal } from '@preact/signals';
import { type ConsoleUser, ConsoleUserSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../schemas/users';
import { ApiError, call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { ta } from '../../lib/admin-i18n';
import { Modal } from '../Modal';

export function ResetPasswordDialog({ user, onClose, onDone }: { user: ConsoleUser; onClose: () => void; onDone: () => void }) {
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const save = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await call(ConsoleUserSchema, 'PATCH', `/api/users/${encodeURIComponent(user.id)}`, { password: password.value });
      onDone();
    } catch (err) {
      error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };
  return (
    <Modal title={ta('users.resetTitle', { name: user.name })} onClose={onClose}>
      <form onSubmit={save}>
        <label class="field">
          <span>{ta('users.password')}</span>
          <input
            type="password"
            autocomplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            value={password.value}
            onInput={(e) => (password.value = e.currentTarget.value)}
            aria-describedby="reset-hint"
          />
          <small class="field-help" id="reset-hint">
            {ta('users.passwordHint', { n: PASSWORD_MIN_LENGTH })} {ta('users.resetHint', { name: user.name })}
          </small>
        </label>
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy.value}>
            {ta('users.resetSave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
