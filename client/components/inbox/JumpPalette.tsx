/** ⌘K / Ctrl+K: jump to any conversation: the list's search (names, emails, numbers, message words), or the loaded rows when empty. */
import { useSignal, useSignalEffect } from '@preact/signals';
import type { ConversationSummary } from '../../../schemas/console';
import { ConversationListSchema } from '../../../schemas/console-api';
import { call, qs } from '../../lib/api';
import { t } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { conversations } from '../../state/inbox';
import { showPalette } from '../../state/ui';
import { Modal } from '../Modal';

export function JumpPalette() {
  const q = useSignal('');
  const remote = useSignal<ConversationSummary[]>([]);
  const active = useSignal(0);
  useSignalEffect(() => {
    const term = q.value.trim();
    if (!term) return;
    const timer = setTimeout(() => {
      call(ConversationListSchema, 'GET', `/api/conversations${qs({ tab: 'all', q: term, limit: 10 })}`)
        .then((b) => (remote.value = b.conversations))
        .catch(() => {});
    }, 200);
    return () => clearTimeout(timer);
  });
  const term = q.value.trim();
  const results = (term ? remote.value : conversations.value).slice(0, 10);
  const go = (c: ConversationSummary | undefined) => {
    if (!c) return;
    showPalette.value = false;
    navigate(`/inbox/${encodeURIComponent(c.phone)}`);
  };
  return (
    <Modal title={t('shortcuts.jump')} onClose={() => (showPalette.value = false)}>
      <input
        class="palette-input"
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.placeholder')}
        value={q.value}
        onInput={(e) => {
          q.value = e.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') active.value = Math.min(active.value + 1, results.length - 1);
          else if (e.key === 'ArrowUp') active.value = Math.max(active.value - 1, 0);
          else if (e.key === 'Enter') go(results[active.value]);
          else return;
          e.preventDefault();
        }}
      />
      <div class="palette-list" role="listbox">
        {results.length === 0 && <div class="muted">{t('palette.empty')}</div>}
        {results.map((c, i) => (
          <div
            key={c.phone}
            role="option"
            tabIndex={-1}
            aria-selected={i === active.value}
            class={i === active.value ? 'active' : ''}
            onMouseDown={() => go(c)}
          >
            <span>{c.name || c.phone}</span>
            <span class="muted small">{c.phone}</span>
          </div>
        ))}
      </div>
    </Modal>
  );
}
