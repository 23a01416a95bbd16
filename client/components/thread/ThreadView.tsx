/** The middle pane: header, the scrolling thread, and the composer (or a read-only note for marketers). */
import { canWrite } from '../../lib/auth-state';
import { t } from '../../lib/i18n';
import { detail, threadError } from '../../state/thread';
import { Composer } from '../composer/Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';

export function ThreadView({ phone }: { phone: string }) {
  const d = detail.value;
  return (
    <section class="pane pane-thread" aria-label={d?.conversation.name || phone}>
      {d ? (
        <ConversationHeader c={d.conversation} />
      ) : (
        <header class="thread-head">
          <div class="thread-title">
            <h2>{phone}</h2>
          </div>
        </header>
      )}
      {threadError.value ? <div class="page-empty">{t('thread.notFound')}</div> : <MessageList />}
      {canWrite.value ? <Composer key={phone} phone={phone} /> : <div class="read-only">{t('conv.readOnly')}</div>}
    </section>
  );
}
