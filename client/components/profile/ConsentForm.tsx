/**
 * An agent records a consent change (e.g. a customer asked by phone) with a reason; the server
 * logs it. A purpose the customer opted out of themselves cannot be set back to subscribed by
 * an agent: that choice is not offered, and the server's refusal (409) is shown word for word.
 */
import { useSignal } from '@preact/signals';
import { type ConsentState, ProfileViewSchema, type Purpose } from '../../../schemas/profile';
import { ApiError, call, enc } from '../../lib/api';
import { t } from '../../lib/i18n';
import { refreshDetail } from '../../state/thread';

export function ConsentForm({ phone, consent }: { phone: string; consent: Record<Purpose, ConsentState> }) {
  const purpose = useSignal<Purpose>('marketing');
  const status = useSignal<'subscribed' | 'unsubscribed'>('unsubscribed');
  const reason = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const locked = consent[purpose.value].opted_out_by_customer === true;
  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await call(ProfileViewSchema, 'POST', `/api/conversations/${enc(phone)}/consent`, {
        purpose: purpose.value,
        status: status.value,
        reason: reason.value.trim(),
      });
      reason.value = '';
      await refreshDetail();
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="consent-form" onSubmit={submit}>
      <div class="row">
        <select
          aria-label={t('profile.purpose')}
          value={purpose.value}
          onChange={(e) => {
            purpose.value = e.currentTarget.value as Purpose;
            error.value = null;
            if (consent[purpose.value].opted_out_by_customer) status.value = 'unsubscribed';
          }}
        >
          <option value="marketing">{t('purpose.marketing')}</option>
          <option value="transactional">{t('purpose.transactional')}</option>
        </select>
        <select
          aria-label={t('profile.newStatus')}
          value={status.value}
          onChange={(e) => (status.value = e.currentTarget.value as 'subscribed' | 'unsubscribed')}
        >
          {!locked && <option value="subscribed">{t('consent.subscribed')}</option>}
          <option value="unsubscribed">{t('consent.unsubscribed')}</option>
        </select>
      </div>
      {locked && <p class="form-hint consent-locked">{t('profile.customerOptedOut')}</p>}
      <input
        aria-label={t('profile.reason')}
        placeholder={t('profile.reason')}
        required
        value={reason.value}
        onInput={(e) => (reason.value = e.currentTarget.value)}
      />
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <button class="btn btn-small" type="submit" disabled={busy.value || !reason.value.trim()}>
        {t('profile.save')}
      </button>
    </form>
  );
}
