/**
 * Under a customer message that may ask to stop without being a keyword ("ne m'envoyez plus
 * rien", "remove me from your list"): one click records it as the customer's opt-out (the
 * server sends the usual single confirmation and logs the customer's words). Agents and
 * admins only; hidden once the customer is opted out of everything by their own request.
 */
import { useSignal } from '@preact/signals';
import type { MessageView } from '../../../schemas/messages';
import { PURPOSES } from '../../../schemas/profile';
import { RecordedOptOutSchema } from '../../../schemas/console-api';
import { ApiError, call, enc } from '../../lib/api';
import { canWrite } from '../../lib/auth-state';
import { t } from '../../lib/i18n';
import { detail, refreshDetail, threadPhone } from '../../state/thread';
import { Icon } from '../Icon';

export function RecordOptOut({ m }: { m: MessageView }) {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const phone = threadPhone.value;
  const profile = detail.value?.profile;
  const done = profile ? PURPOSES.every((p) => profile.consent[p].opted_out_by_customer) : false;
  if (!phone) return null;
  if (done)
    return (
      <div class="optout-flag optout-done" role="note">
        <Icon name="shield" size={13} /> {t('thread.optOutRecorded')}
      </div>
    );
  const record = async () => {
    busy.value = true;
    error.value = null;
    try {
      await call(RecordedOptOutSchema, 'POST', `/api/conversations/${enc(phone)}/opt-out`, { message_id: m.id });
      await refreshDetail();
    } catch (err) {
      error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="optout-flag" role="note">
      <Icon name="alert" size={13} />
      <span>{t('thread.mayBeOptOut')}</span>
      {canWrite.value && (
        <button
          type="button"
          class="btn btn-small"
          disabled={busy.value}
          onClick={() => void record()}
          title={t('thread.recordOptOutHint')}
        >
          {t('thread.recordOptOut')}
        </button>
      )}
      {error.value && (
        <span class="form-error" role="alert">
          {error.value}
        </span>
      )}
    </div>
  );
}
