/** Tabs (Mine / Unassigned / All with counts), status, channel and label filters, and search. */
import type { ConversationStatus } from '../../../schemas/console';
import { t } from '../../lib/i18n';
import { labels } from '../../state/directory';
import { channelFilter, counts, labelFilter, query, statusFilter, tab, type Tab } from '../../state/inbox';
import { Icon } from '../Icon';

const tabs: Tab[] = ['mine', 'unassigned', 'all'];
const statuses: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

/** The ARIA tabs pattern: arrow keys, Home and End pick and focus a tab. */
function onTabKey(e: KeyboardEvent): void {
  const i = tabs.indexOf(tab.value);
  const to =
    e.key === 'ArrowRight'
      ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft'
        ? (i + tabs.length - 1) % tabs.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? tabs.length - 1
            : -1;
  const next = tabs[to];
  if (!next) return;
  e.preventDefault();
  // The list's shortcuts must not see these keys.
  e.stopPropagation();
  tab.value = next;
  document.getElementById(`inbox-tab-${next}`)?.focus();
}

export function InboxFilters() {
  return (
    <div class="inbox-filters">
      <div class="tabs" role="tablist" aria-label={t('inbox.conversations')} onKeyDown={onTabKey}>
        {tabs.map((k) => (
          <button
            type="button"
            key={k}
            role="tab"
            id={`inbox-tab-${k}`}
            tabIndex={tab.value === k ? 0 : -1}
            aria-selected={tab.value === k}
            class={tab.value === k ? 'tab active' : 'tab'}
            onClick={() => (tab.value = k)}
          >
            {t(`tab.${k}`)}
            <span class="tab-count">{counts.value[k]}</span>
          </button>
        ))}
      </div>
      <label class="search">
        <Icon name="search" size={14} />
        <input
          type="search"
          placeholder={t('filter.search')}
          aria-label={t('filter.search')}
          value={query.value}
          onInput={(e) => (query.value = e.currentTarget.value)}
        />
      </label>
      <div class="filter-row">
        <select
          aria-label={t('filter.status')}
          value={statusFilter.value}
          onChange={(e) => (statusFilter.value = e.currentTarget.value as ConversationStatus | '')}
        >
          <option value="">{t('filter.anyStatus')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filter.channel')}
          value={channelFilter.value}
          onChange={(e) => (channelFilter.value = e.currentTarget.value as '' | 'rcs' | 'sms')}
        >
          <option value="">{t('filter.allChannels')}</option>
          <option value="rcs">RCS</option>
          <option value="sms">SMS</option>
        </select>
        <select aria-label={t('filter.label')} value={labelFilter.value} onChange={(e) => (labelFilter.value = e.currentTarget.value)}>
          <option value="">{t('filter.allLabels')}</option>
          {labels.value.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
