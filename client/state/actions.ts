/**
 * Resolve, snooze and assign as the agent does them (buttons or shortcuts): each shows a toast
 * with Undo (the inverse patch, computed from the row as it was), and a resolve or snooze of the
 * open conversation moves on to the next one when the agent's preference says so.
 */
import type { ConversationSummary } from '../../schemas/console';
import type { ConversationPatch } from '../../schemas/console-api';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { navigate } from '../lib/router';
import { userName } from './directory';
import { conversations } from './inbox';
import { prefs } from './prefs';
import { patchConversation, threadPhone } from './thread';
import { toast } from './toasts';

/** The patch that puts back what `patch` changes of `prev`. */
export function inversePatch(prev: ConversationSummary, patch: ConversationPatch): ConversationPatch {
  const out: ConversationPatch = {};
  if (patch.assignee !== undefined) out.assignee = prev.assignee;
  if (patch.labels) out.labels = prev.labels;
  if (patch.status || patch.snooze) {
    if (prev.status === 'snoozed') out.snooze = prev.snoozed_until ? { until: prev.snoozed_until } : { until_reply: true };
    else out.status = prev.status;
  }
  return out;
}

function describe(c: ConversationSummary, patch: ConversationPatch): string | null {
  const who = c.name || c.phone;
  if (patch.status === 'resolved') return t('toast.resolved', { who });
  if (patch.snooze || patch.status === 'snoozed') return t('toast.snoozed', { who });
  if (patch.status === 'open') return t('toast.reopened', { who });
  if (patch.assignee !== undefined)
    return patch.assignee ? t('toast.assigned', { who, name: userName(patch.assignee) ?? '' }) : t('toast.unassigned', { who });
  return null;
}

/** The conversation the list shows after `phone` (else before it), to open once it is resolved. */
function neighbour(phone: string): string | null {
  const list = conversations.value;
  const i = list.findIndex((c) => c.phone === phone);
  if (i < 0) return null;
  return (list[i + 1] ?? list[i - 1])?.phone ?? null;
}

/** Applies `patch` to `c`; throws the server's refusal (an ApiError) for the caller to show. */
export async function changeConversation(c: ConversationSummary, patch: ConversationPatch): Promise<void> {
  const leaving = Boolean(patch.status === 'resolved' || patch.snooze || patch.status === 'snoozed');
  const next = leaving && prefs.value.nextAfterResolve && threadPhone.value === c.phone ? neighbour(c.phone) : null;
  await patchConversation(c.phone, patch);
  const text = describe(c, patch);
  const undo = inversePatch(c, patch);
  if (text)
    toast(text, {
      undo: async () => {
        await patchConversation(c.phone, undo);
        toast(t('toast.undone'));
      },
    });
  if (next && threadPhone.value === c.phone) navigate(`/inbox/${encodeURIComponent(next)}`);
}

/** For shortcuts, which have no place to show an error: a toast says it. */
export function changeConversationFromKey(c: ConversationSummary, patch: ConversationPatch): void {
  changeConversation(c, patch).catch((e: unknown) => toast(e instanceof ApiError ? e.message : t('common.error'), { error: true }));
}
