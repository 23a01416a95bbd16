/**
 * The list pane. Pages of 50 are appended when the sentinel at the bottom scrolls into view,
 * so a 10,000-conversation inbox renders one page at a time; rows use `content-visibility`
 * so the browser skips layout for those off-screen.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { conversations, listError, listLoading, loadMore, nextCursor, reloadList } from '../../state/inbox';
import { ConversationRow } from './ConversationRow';
import { InboxFilters } from './InboxFilters';

export function ConversationList({ selected }: { selected: string | null }) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadMore(), { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const list = conversations.value;
  return (
    <section class="pane pane-list" aria-label={t('inbox.conversations')}>
      <header class="pane-head">
        <h1>{t('nav.inbox')}</h1>
      </header>
      <InboxFilters />
      <ul class="conv-list" aria-busy={listLoading.value}>
        {list.map((c) => (
          <ConversationRow key={c.phone} c={c} active={c.phone === selected} />
        ))}
      </ul>
      {listError.value && (
        <div class="list-note" role="alert">
          {t('common.error')}{' '}
          <button type="button" class="link-btn" onClick={() => void reloadList()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!listLoading.value && !listError.value && list.length === 0 && <div class="list-note">{t('inbox.empty')}</div>}
      {listLoading.value && <div class="list-note">{t('inbox.loading')}</div>}
      <div ref={sentinel} class="sentinel" />
      {nextCursor.value && !listLoading.value && (
        <button type="button" class="link-btn load-more" onClick={() => void loadMore()}>
          {t('inbox.loadMore')}
        </button>
      )}
    </section>
  );
}
