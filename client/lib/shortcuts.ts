/** Inbox keyboard shortcuts (j/k ↑/↓, e, r, n, ⌘K/Ctrl+K, ?). Ignored while typing in a field. */
import { canWrite } from './auth-state';
import { navigate } from './router';
import { conversations } from '../state/inbox';
import { patchConversation, threadPhone } from '../state/thread';
import { composerMode, focusComposer, showHelp, showPalette } from '../state/ui';

function inField(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
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
  if (e.metaKey || e.ctrlKey || e.altKey || inField(e) || showPalette.value || document.querySelector('[role=dialog]')) return;
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
    case 'e':
      if (phone && canWrite.value) void patchConversation(phone, { status: 'resolved' }).catch(() => {});
      break;
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
