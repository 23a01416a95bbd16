/**
 * Asks before a destructive action (remove a user, revoke a key, delete a canned response).
 * Cancel comes first and takes the focus, so Enter or Escape right away changes nothing; a
 * refusal from the server is shown in the dialog, which stays open.
 */
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { Modal } from './Modal';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The action's verb, on the button ("Remove", "Revoke"). */
  confirm: string;
  /** Runs the action; the dialog closes when it resolves. */
  run: () => Promise<void>;
}

export function ConfirmDialog({ request, onDone }: { request: ConfirmRequest; onDone: () => void }) {
  const bodyId = useId();
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const go = async () => {
    busy.value = true;
    error.value = null;
    try {
      await request.run();
      onDone();
    } catch (e) {
      error.value = e instanceof ApiError && e.status !== 0 ? e.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };
  return (
    <Modal title={request.title} onClose={onDone} alert describedBy={bodyId}>
      <p class="confirm-body" id={bodyId}>
        {request.body}
      </p>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="button" class="btn btn-danger" disabled={busy.value} onClick={() => void go()}>
          {request.confirm}
        </button>
      </div>
    </Modal>
  );
}
