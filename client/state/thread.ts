/**
 * The open conversation: its detail (profile, consent log, events) and its messages, oldest
 * first. Only the latest page is fetched on open; older pages are prepended as the agent
 * scrolls up, so a 10,000-message thread costs the same as a short one.
 */
import { batch, signal } from '@preact/signals';
import { type ConversationSummary, ConversationSummarySchema } from '../../schemas/console';
import { type ConversationDetail, ConversationDetailSchema, type ConversationPatch, MessagePageSchema } from '../../schemas/console-api';
import type { MessageView } from '../../schemas/messages';
import type { ConsentLogEntry, ProfileView } from '../../schemas/profile';
import { api, call, enc, qs } from '../lib/api';
import { upsertConversation } from './inbox';

export type { ConversationDetail };

export const PAGE = 50;
export const threadPhone = signal<string | null>(null);
export const detail = signal<ConversationDetail | null>(null);
export const messages = signal<MessageView[]>([]);
export const olderCursor = signal<string | null>(null);
export const loadingOlder = signal(false);
export const threadError = signal<string | null>(null);
/** phone → time (ms) the customer was last seen typing. */
export const typing = signal<Record<string, number>>({});

const byTime = (a: MessageView, b: MessageView) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0);

export async function openThread(phone: string): Promise<void> {
  batch(() => {
    threadPhone.value = phone;
    detail.value = null;
    messages.value = [];
    olderCursor.value = null;
    threadError.value = null;
  });
  const [d, page] = await Promise.allSettled([
    call(ConversationDetailSchema, 'GET', `/api/conversations/${enc(phone)}`),
    call(MessagePageSchema, 'GET', `/api/conversations/${enc(phone)}/messages${qs({ limit: PAGE })}`),
  ]);
  if (threadPhone.value !== phone) return;
  batch(() => {
    if (d.status === 'fulfilled') detail.value = d.value;
    if (page.status === 'fulfilled') {
      messages.value = [...page.value.messages].reverse();
      olderCursor.value = page.value.next_cursor;
    } else threadError.value = page.reason instanceof Error ? page.reason.message : 'error';
  });
  if (d.status === 'fulfilled' && d.value.conversation.unread > 0) void markRead(phone);
}

export async function refreshDetail(): Promise<void> {
  const phone = threadPhone.value;
  if (!phone) return;
  const d = await call(ConversationDetailSchema, 'GET', `/api/conversations/${enc(phone)}`);
  if (threadPhone.value === phone) detail.value = d;
}

export async function loadOlder(): Promise<void> {
  const phone = threadPhone.value;
  const cursor = olderCursor.value;
  if (!phone || !cursor || loadingOlder.value) return;
  loadingOlder.value = true;
  try {
    const page = await call(MessagePageSchema, 'GET', `/api/conversations/${enc(phone)}/messages${qs({ cursor, limit: PAGE })}`);
    if (threadPhone.value !== phone) return;
    const have = new Set(messages.value.map((m) => m.id));
    batch(() => {
      messages.value = [...page.messages.filter((m) => !have.has(m.id)).reverse(), ...messages.value];
      olderCursor.value = page.next_cursor;
    });
  } finally {
    loadingOlder.value = false;
  }
}

/** A new or changed message (live event, or the result of our own send). */
export function upsertMessage(phone: string, m: MessageView): void {
  if (phone !== threadPhone.value) return;
  const list = messages.value;
  const i = list.findIndex((x) => x.id === m.id);
  if (i >= 0) {
    const next = list.slice();
    next[i] = m;
    messages.value = next;
  } else {
    const last = list[list.length - 1];
    messages.value = !last || byTime(last, m) <= 0 ? [...list, m] : [...list, m].sort(byTime);
  }
  if (m.direction === 'in') clearTyping(phone);
}

export function setTyping(phone: string): void {
  typing.value = { ...typing.value, [phone]: Date.now() };
  setTimeout(() => {
    if (Date.now() - (typing.value[phone] ?? 0) >= 6000) clearTyping(phone);
  }, 6100);
}
function clearTyping(phone: string): void {
  if (!(phone in typing.value)) return;
  const next = { ...typing.value };
  delete next[phone];
  typing.value = next;
}

export async function markRead(phone: string): Promise<void> {
  try {
    await api<void>('POST', `/api/conversations/${enc(phone)}/read`);
  } catch {
    /* read receipts are best effort */
  }
}

/** PATCH the conversation (status, assignee, labels, snooze) and apply the server's row. */
export async function patchConversation(phone: string, patch: ConversationPatch): Promise<ConversationSummary> {
  const c = await call(ConversationSummarySchema, 'PATCH', `/api/conversations/${enc(phone)}`, patch);
  applyConversation(c);
  return c;
}

/** The profile after a consent change, with the consent log entries it wrote (newest first). */
export function applyProfile(phone: string, profile: ProfileView, entries: ConsentLogEntry[]): void {
  const d = detail.value;
  if (!d || d.conversation.phone !== phone) return;
  const known = new Set(d.consent_log.map((e) => e.id));
  const added = entries.filter((e) => !known.has(e.id));
  detail.value = { ...d, profile, consent_log: [...added, ...d.consent_log].sort((a, b) => b.id - a.id) };
}

export function applyConversation(c: ConversationSummary): void {
  upsertConversation(c);
  const d = detail.value;
  if (d && d.conversation.phone === c.phone) detail.value = { ...d, conversation: c, labels: c.labels };
}
