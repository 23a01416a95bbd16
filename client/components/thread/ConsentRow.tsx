/** A consent change shown inline in the thread (STOP, START, an agent's recorded change). */
import type { ConsentLogEntry } from '../../../schemas/profile';
import { fullTime, lang, t } from '../../lib/i18n';
import { sourceName } from '../../lib/labels';
import { Icon } from '../Icon';

export function ConsentRow({ e }: { e: ConsentLogEntry }) {
  return (
    <div class={`system-row consent-${e.status}`} role="note">
      <Icon name="shield" size={13} />
      <span>
        {t('thread.consent', { purpose: t(`purpose.${e.purpose}`), status: t(`consent.${e.status}`) })}
        {' · '}
        {t('thread.via', { source: sourceName(e.source) })}
        {e.text ? ` · “${e.text}”` : ''}
      </span>
      <time dateTime={e.at} title={fullTime(e.at)}>
        {new Date(e.at).toLocaleTimeString(lang.value, { hour: '2-digit', minute: '2-digit' })}
      </time>
    </div>
  );
}
