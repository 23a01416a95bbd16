/** Above the reply box: why this customer cannot be answered (or only until when), and what is still possible. */
import { fullTime, t } from '../../lib/i18n';
import { Icon } from '../Icon';
import type { ReplyState } from './optout';

export function OptOutBanner({ state, name }: { state: ReplyState; name: string }) {
  if (state.kind === 'open') return null;
  if (state.kind === 'care')
    return (
      <div class="optout-banner optout-care" role="status">
        <Icon name="shield" size={14} />
        <span>{t('optout.care', { name, time: fullTime(state.until) })}</span>
      </div>
    );
  const why =
    state.recentMinutes !== null
      ? t('optout.recent', { name, n: state.recentMinutes })
      : state.byCustomer
        ? t('optout.customer', { name, time: state.since ? fullTime(state.since) : '' })
        : t('optout.other', { name, time: state.since ? fullTime(state.since) : '' });
  return (
    <div class="optout-banner" role="status">
      <Icon name="shield" size={14} />
      <span>
        <strong>{why}</strong> {t('optout.still')}
      </span>
    </div>
  );
}
