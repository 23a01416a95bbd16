/** The customer beside the thread: identity, RCS capability, consent (+ log), properties, recent events. */
import type { ProfileView } from '../../../schemas/profile';
import { PURPOSES } from '../../../schemas/profile';
import { canWrite } from '../../lib/auth-state';
import { fullTime, shortTime, t } from '../../lib/i18n';
import { money, propName, propValue } from './format';
import { labelColor } from '../../state/directory';
import type { ConversationDetail, ProfileEventView } from '../../../schemas/console-api';
import { showProfile } from '../../state/ui';
import { Icon } from '../Icon';
import { ConsentForm } from './ConsentForm';

function eventLine(e: ProfileEventView): string {
  const p = e.properties;
  const what = [p.product_name, p.name, p.category, p.order_id].find((x) => typeof x === 'string' || typeof x === 'number');
  return what !== undefined ? String(what) : '';
}

function Identity({ p, channel }: { p: ProfileView; channel: string }) {
  // Not checked yet, but the conversation runs over RCS (the list's badge): it is capable.
  const rcs =
    p.rcs.capable === null
      ? channel === 'rcs'
        ? t('profile.rcsLastMessage')
        : t('profile.rcsUnknown')
      : p.rcs.capable
        ? t('profile.rcsYes')
        : t('profile.rcsNo');
  return (
    <dl class="kv">
      <dt>{t('profile.phone')}</dt>
      <dd>{p.phone}</dd>
      {p.email && (
        <>
          <dt>{t('profile.email')}</dt>
          <dd>{p.email}</dd>
        </>
      )}
      <dt>{t('profile.locale')}</dt>
      <dd>{p.locale ?? '—'}</dd>
      <dt>{t('profile.timezone')}</dt>
      <dd>{p.timezone ?? '—'}</dd>
      <dt>{t('profile.rcs')}</dt>
      <dd>
        <span class={`cap cap-${String(p.rcs.capable ?? (channel === 'rcs' || null))}`}>{rcs}</span>
        {p.rcs.checked_at && <span class="muted small"> · {t('profile.checked', { time: shortTime(p.rcs.checked_at) })}</span>}
      </dd>
    </dl>
  );
}

export function ProfilePanel({ d }: { d: ConversationDetail }) {
  const p = d.profile;
  const name = p ? [p.first_name, p.last_name].filter(Boolean).join(' ') : '';
  return (
    <aside class="pane pane-profile" aria-label={t('profile.title')}>
      <div class="profile-head">
        <div class="profile-head-row">
          <button type="button" class="icon-btn profile-back" aria-label={t('nav.hideProfile')} onClick={() => (showProfile.value = false)}>
            <Icon name="left" size={18} />
          </button>
          <h2>{name || d.conversation.name || d.conversation.phone}</h2>
        </div>
        {d.labels.length > 0 && (
          <div class="conv-tags">
            {d.labels.map((l) => (
              <span key={l} class="tag" style={{ '--tag': labelColor(l) }}>
                {l}
              </span>
            ))}
          </div>
        )}
      </div>
      {p && <Identity p={p} channel={d.conversation.channel} />}
      {p && (
        <section class="panel-section">
          <h3>{t('profile.consent')}</h3>
          <ul class="consent-list">
            {PURPOSES.map((k) => (
              <li key={k}>
                <span>{t(`purpose.${k}`)}</span>
                <span class={`consent-pill consent-${p.consent[k].status}`}>{t(`consent.${p.consent[k].status}`)}</span>
              </li>
            ))}
          </ul>
          {d.consent_log.length > 0 && (
            <details class="consent-log">
              <summary>{t('profile.consentLog')}</summary>
              <ol>
                {[...d.consent_log].reverse().map((e) => (
                  <li key={e.id}>
                    <span>
                      {t(`purpose.${e.purpose}`)}: {t(`consent.${e.status}`)}
                    </span>
                    <span class="muted small">
                      {fullTime(e.at)} · {e.source}
                      {e.text ? ` · “${e.text}”` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            </details>
          )}
          {canWrite.value && (
            <details class="consent-record">
              <summary>{t('profile.recordConsent')}</summary>
              <ConsentForm phone={p.phone} consent={p.consent} />
            </details>
          )}
        </section>
      )}
      <section class="panel-section">
        <h3>{t('profile.events')}</h3>
        {d.events.length === 0 ? (
          <p class="muted small">{t('profile.noEvents')}</p>
        ) : (
          <ul class="events">
            {d.events.slice(0, 12).map((e) => (
              <li key={e.id}>
                <span class="event-name">{e.name}</span>
                <span class="event-what">{eventLine(e)}</span>
                {e.value !== null && <span class="event-value">{money(e.value, e.properties?.currency)}</span>}
                <time class="muted small" dateTime={e.time}>
                  {shortTime(e.time)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
      {p && Object.keys(p.properties).length > 0 && (
        <section class="panel-section">
          <h3>{t('profile.properties')}</h3>
          <dl class="kv">
            {Object.entries(p.properties).map(([k, v]) => (
              <>
                <dt key={k} title={k}>
                  {propName(k)}
                </dt>
                <dd>{propValue(k, v)}</dd>
              </>
            ))}
          </dl>
        </section>
      )}
    </aside>
  );
}
