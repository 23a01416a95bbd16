/**
 * The conversation list: filters, pages (cursor-based, so 10,000 conversations cost one page
 * at a time), and live upserts from the WebSocket that respect the current filters.
 */
import { batch, effect, signal, untracked } from '@preact/signals';
import type { ConversationStatus, ConversationSummary } from '../../schemas/console';
import { ConversationListSchema, type Tab } from '../../schemas/console-api';
import { call, qs } from '../lib/api';
import { user } from '../lib/auth-state';

export type { Tab };

const PAGE = 50;
export const tab = signal<Tab>('all');
/** '' = every status. */
export const statusFilter = signal<ConversationStatus | ''>('open');
export const channelFilter = signal<'' | 'rcs' | 'sms'>('');
export const labelFilter = signal('');
export const query = signal('');

export const conversations = signal<ConversationSummary[]>([]);
export const nextCursor = signal<string | null>(null);
export const counts = signal<Record<Tab, number>>({ mine: 0, unassigned: 0, all: 0 });
export const listLoading = signal(false);
export const listError = signal<string | null>(null);

let generation = 0;
const params = (cursor?: string | null, limit = PAGE) =>
  qs({
    tab: tab.value,
    status: statusFilter.value,
    channel: channelFilter.value,
    label: labelFilter.value,
    q: query.value.trim(),
    cursor,
    limit,
  });

/** First page for the current filters; older responses are dropped when filters moved on. */
export async function reloadList(): Promise<void> {
  const gen = ++generation;
  listLoading.value = true;
  try {
    const body = await call(ConversationListSchema, 'GET', `/api/conversations${params()}`);
    if (gen !== generation) return;
    batch(() => {
      conversations.value = body.conversations;
      nextCursor.value = body.next_cursor;
      counts.value = body.counts;
      listError.value = null;
    });
  } catch (e) {
    if (gen === generation) listError.value = e instanceof Error ? e.message : String(e);
  } finally {
    if (gen === generation) listLoading.value = false;
  }
}

export async function loadMore(): Promise<void> {
  const cursor = nextCursor.value;
  if (!cursor || listLoading.value) return;
  const gen = generation;
  listLoading.value = true;
  try {
    const body = await call(ConversationListSchema, 'GET', `/api/conversations${params(cursor)}`);
    if (gen !== generation) return;
    const seen = new Set(conversations.value.map((c) => c.phone));
    batch(() => {
      conversations.value = [...conversations.value, ...body.conversations.filter((c) => !seen.has(c.phone))];
      nextCursor.value = body.next_cursor;
    });
  } finally {
    if (gen === generation) listLoading.value = false;
  }
}

/** Lower case without accents ("Léa" → "lea"), as the server's search compares. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matchesFilters(c: ConversationSummary): boolean {
  const me = user.value?.id;
  if (tab.value === 'mine' && c.assignee !== me) return false;
  if (tab.value === 'unassigned' && c.assignee !== null) return false;
  if (statusFilter.value && c.status !== statusFilter.value) return false;
  if (channelFilter.value && c.channel !== channelFilter.value) return false;
  if (labelFilter.value && !c.labels.includes(labelFilter.value)) return false;
  // A search row stays while it is listed (the server matched it: an email, a message's
  // words); a new row joins when its name or number matches.
  const q = fold(query.value.trim());
  if (q && !conversations.value.some((x) => x.phone === c.phone)) {
    const digits = q.replace(/\D/g, '').replace(/^0/, '');
    if (!fold(c.name ?? '').includes(q) && !(digits && /^[\d\s+().-]+$/.test(q) && c.phone.includes(digits))) return false;
  }
  return true;
}

let countsTimer: ReturnType<typeof setTimeout> | undefined;
/** Counts are server truth; refresh them shortly after live changes rather than guessing. */
function refreshCountsSoon(): void {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(() => {
    call(ConversationListSchema, 'GET', `/api/conversations${params(null, 1)}`)
      .then((b) => (counts.value = b.counts))
      .catch(() => {});
  }, 800);
}

/** A conversation row changed (live event or our own PATCH): place it where it now belongs. */
export function upsertConversation(c: ConversationSummary): void {
  const rest = conversations.value.filter((x) => x.phone !== c.phone);
  if (!matchesFilters(c)) {
    if (rest.length !== conversations.value.length) conversations.value = rest;
  } else {
    const list = [...rest, c].sort((a, b) =>
      a.last_activity_at < b.last_activity_at ? 1 : a.last_activity_at > b.last_activity_at ? -1 : 0,
    );
    // Keep the list bounded to what was paged in: a row older than the last loaded one waits for its page.
    const last = conversations.value[conversations.value.length - 1];
    if (nextCursor.value && last && c.last_activity_at < last.last_activity_at && !conversations.value.some((x) => x.phone === c.phone))
      return;
    conversations.value = list;
  }
  refreshCountsSoon();
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;
/** Reload whenever a filter changes (search debounced so typing stays smooth). */
export function startInbox(): void {
  if (started) return;
  started = true;
  let firstQuery = true;
  effect(() => {
    void [tab.value, statusFilter.value, channelFilter.value, labelFilter.value];
    if (user.value) untracked(() => void reloadList());
  });
  effect(() => {
    void query.value;
    if (firstQuery) {
      firstQuery = false;
      return;
    }
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void reloadList(), 250);
    return;
  });
}
