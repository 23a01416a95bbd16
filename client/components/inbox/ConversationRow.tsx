/** One inbox row: who, channel, last message preview, when, unread count, labels. */
import type { ConversationSummary } from '../../../schemas/console';
import { shortTime, t } from '../../lib/i18n';
import { labelColor, userName } from '../../state/directory';
import { initials } from '../shell/UserMenu';

export function ConversationRow({ c, active }: { c: ConversationSummary; active: boolean }) {
  const who = c.name || c.phone;
  return (
    <li class={`conv-row${active ? ' active' : ''}${c.unread ? ' unread' : ''}`}>
      <a href={`/inbox/${encodeURIComponent(c.phone)}`} aria-current={active ? 'true' : undefined} data-phone={c.phone}>
        <span class="avatar avatar-sm" aria-hidden="true">
          {initials(who)}
        </span>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">{who}</span>
            <span class={`badge badge-${c.channel}`}>{c.channel.toUpperCase()}</span>
            <time class="conv-time" dateTime={c.last_activity_at}>
              {shortTime(c.last_activity_at)}
            </time>
          </span>
          <span class="conv-bottom">
            <span class="conv-preview">
              {c.last_direction === 'out' && <span class="muted">↩ </span>}
              {c.preview}
            </span>
            {c.unread > 0 && (
              <span class="unread-count" role="img" aria-label={t('inbox.unread', { n: c.unread })}>
                {c.unread}
              </span>
            )}
          </span>
          {(c.labels.length > 0 || c.assignee || c.flagged) && (
            <span class="conv-tags">
              {c.flagged && <span class="tag tag-flag">!</span>}
              {c.labels.map((l) => (
                <span class="tag" key={l} style={{ '--tag': labelColor(l) }}>
                  {l}
                </span>
              ))}
              {c.assignee && <span class="conv-assignee">{userName(c.assignee)}</span>}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
