/** The agent's workspace: conversation list | thread + composer | customer profile. */
import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n';
import { jumpKeys } from '../lib/platform';
import { onInboxKey } from '../lib/shortcuts';
import { startInbox } from '../state/inbox';
import { detail, openThread, threadPhone } from '../state/thread';
import { showPalette, showProfile } from '../state/ui';
import { ConversationList } from '../components/inbox/ConversationList';
import { JumpPalette } from '../components/inbox/JumpPalette';
import { ProfilePanel } from '../components/profile/ProfilePanel';
import { ThreadView } from '../components/thread/ThreadView';
import { Icon } from '../components/Icon';

export function InboxPage({ phone }: { phone: string | null }) {
  useEffect(() => startInbox(), []);
  useEffect(() => {
    if (phone) void openThread(phone);
    else threadPhone.value = null;
    showProfile.value = false;
  }, [phone]);
  useEffect(() => {
    addEventListener('keydown', onInboxKey);
    return () => removeEventListener('keydown', onInboxKey);
  }, []);
  const d = detail.value;
  return (
    <div class={`inbox${phone ? ' has-thread' : ''}${phone && showProfile.value ? ' show-profile' : ''}`}>
      <ConversationList selected={phone} />
      {phone ? (
        <ThreadView phone={phone} />
      ) : (
        <section class="pane pane-thread pane-empty">
          <div class="empty-state">
            <Icon name="inbox" size={32} />
            <h2>{t('inbox.pick')}</h2>
            <p class="muted">{t('inbox.pickHint', { keys: jumpKeys })}</p>
          </div>
        </section>
      )}
      {phone && d && d.conversation.phone === phone && <ProfilePanel d={d} />}
      {showPalette.value && <JumpPalette />}
    </div>
  );
}
