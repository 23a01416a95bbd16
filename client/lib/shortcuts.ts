/**
 * Inbox keyboard shortcuts (j/k ↑/↓, e, r, n, ⌘K/Ctrl+K, ?). Single keys act only when focus
 * is on the page itself, the conversation list or the thread (WCAG 2.1.4): never in a field, a
 * button of the composer, a menu or a dialog, so typing after a click on a tab or on Send can
 * never resolve or switch a conversation. The agent can also turn them off (user menu).
 */
import { canWrite } from './auth-state';
import { navigate } from './router';
import { changeConversationFromKey } from '../state/actions';
import { conversations } from '../state/inbox';
import { prefs } from '../state/prefs';
import { detail, threadPhone } from '../state/thread';
import { composerMode, focusComposer, showHelp, showPalette } from '../state/ui';

/** Focus is where single keys are meant as commands: the page, the list, the thread. */
function onListOrPage(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return true;
  if (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return false;
  if (el.closest('[role=dialog], [role=menu], [role=listbox]')) return false;
  return Boolean(el.closest('.pane-list, [role=log]'));
}

function step(delta: number): void {
  const list = conversations.value;
  if (!list.length) return;
  const i = list.findIndex((c) => c.phone === threadPhone.value);
  const next = list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + delta))];
  if (next) navigate(`/inbox/${encodeURIComponent(next.phone)}`);
  document.querySelector(`.conv-row.active`)?.scrollIntoView({ block: 'nearest' });
}

export function onInboxKey(e: KeyboardEvent): void {
  if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    showPalette.value = !showPalette.value;
    return;
  }
  if (e.metaKey || e.ctrlKey || e.altKey || !onListOrPage(e) || showPalette.value || document.querySelector('[role=dialog]')) return;
  if (!prefs.value.singleKeys && e.key !== '?') return;
  const phone = threadPhone.value;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      step(1);
      break;
    case 'k':
    case 'ArrowUp':
      step(-1);
      break;
    case 'e': {
      const c = detail.value?.conversation;
      if (c && c.phone === phone && canWrite.value && c.status !== 'resolved') changeConversationFromKey(c, { status: 'resolved' });
      break;
    }
    case 'r':
    case 'n':
      if (!phone || !canWrite.value) return;
      composerMode.value = e.key === 'r' ? 'reply' : 'note';
      focusComposer.value++;
      break;
    case '?':
      showHelp.value = true;
      break;
    default:
      return;
  }
  e.preventDefault();
}
