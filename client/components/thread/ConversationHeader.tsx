/** Thread header: who, channel, and the conversation controls (assignee, labels, snooze, resolve). */
import { useSignal } from '@preact/signals';
import type { ConversationSummary } from '../../../schemas/console';
import { ApiError } from '../../lib/api';
import { canWrite, user } from '../../lib/auth-state';
import { fullTime, t } from '../../lib/i18n';
import { assignable, labels } from '../../state/directory';
import { changeConversation } from '../../state/actions';
import type { patchConversation } from '../../state/thread';
import { showProfile } from '../../state/ui';
import { Icon } from '../Icon';
import { useMenu } from '../useMenu';
import { LabelPicker } from './LabelPicker';

function tomorrowAtNine(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.toISOString();
}

export function ConversationHeader({ c }: { c: ConversationSummary }) {
  const error = useSignal<string | null>(null);
  const snooze = useMenu();
  const write = canWrite.value;
  const run = async (patch: Parameters<typeof patchConversation>[1]) => {
    error.value = null;
    snooze.close();
    try {
      await changeConversation(c, patch);
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : t('common.error');
    }
  };
  return (
    <header class="thread-head">
      <a class="icon-btn stack-back" href="/inbox" aria-label={t('nav.back')}>
        <Icon name="left" size={18} />
      </a>
      <div class="thread-title">
        <h2>{c.name || c.phone}</h2>
        <div class="thread-sub">
          <span class={`badge badge-${c.channel}`}>{c.channel.toUpperCase()}</span>
          {c.name && <span class="muted">{c.phone}</span>}
          <span class={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span>
          {c.status === 'snoozed' && c.snoozed_until && (
            <span class="muted">{t('conv.snoozedUntil', { time: fullTime(c.snoozed_until) })}</span>
          )}
        </div>
      </div>
      <div class="thread-actions">
        <label class="assignee">
          <span class="sr-only">{t('conv.assignee')}</span>
          <select
            aria-label={t('conv.assignee')}
            disabled={!write}
            value={c.assignee ?? ''}
            onChange={(e) => void run({ assignee: e.currentTarget.value || null })}
          >
            <option value="">{t('conv.unassigned')}</option>
            {assignable(c.assignee).map((u) => (
              <option key={u.id} value={u.id} disabled={u.disabled}>
                {u.id === user.value?.id ? t('conv.me', { name: u.name }) : u.disabled ? `${u.name} (${t('users.removed')})` : u.name}
              </option>
            ))}
          </select>
        </label>
        {write && (
          <LabelPicker
            phone={c.phone}
            current={c.labels}
            all={labels.value.map((l) => l.name)}
            onChange={(next) => void run({ labels: next })}
          />
        )}
        {write && (
          // biome-ignore lint/a11y/noStaticElementInteractions: keys of the menu's items (focusable buttons) bubble here.
          <div class="dropdown" ref={snooze.root} onKeyDown={snooze.onKeyDown}>
            <button type="button" class="btn" ref={snooze.button} {...snooze.buttonProps} onClick={snooze.toggle}>
              <Icon name="snooze" size={14} /> {t('conv.snooze')}
            </button>
            {snooze.open && (
              <div class="menu menu-right" role="menu" id={snooze.menuId} aria-label={t('conv.snooze')}>
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item"
                  onClick={() => void run({ snooze: { until: new Date(Date.now() + 3600e3).toISOString() } })}
                >
                  {t('conv.snooze1h')}
                </button>
                <button type="button" role="menuitem" class="menu-item" onClick={() => void run({ snooze: { until: tomorrowAtNine() } })}>
                  {t('conv.snoozeTomorrow')}
                </button>
                <button type="button" role="menuitem" class="menu-item" onClick={() => void run({ snooze: { until_reply: true } })}>
                  {t('conv.snoozeReply')}
                </button>
              </div>
            )}
          </div>
        )}
        {write &&
          (c.status === 'resolved' ? (
            <button type="button" class="btn" onClick={() => void run({ status: 'open' })}>
              {t('conv.reopen')}
            </button>
          ) : (
            <button type="button" class="btn btn-primary" onClick={() => void run({ status: 'resolved' })}>
              <Icon name="check" size={14} /> {t('conv.resolve')}
            </button>
          ))}
        <button
          type="button"
          class="btn profile-toggle"
          aria-expanded={showProfile.value}
          onClick={() => (showProfile.value = !showProfile.value)}
        >
          {showProfile.value ? t('nav.hideProfile') : t('nav.profile')}
        </button>
      </div>
      {error.value && (
        <p class="form-error head-error" role="alert">
          {error.value}
        </p>
      )}
    </header>
  );
}
