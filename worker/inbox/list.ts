/**
 * The conversation list: one page (keyset on (last_activity_at, phone), newest first) for a
 * tab and filters, with the tab counts for the same filters. Counts come from the maintained
 * count tables (migrations.ts) unless the list is a search, whose prefix filter no count
 * table can answer (searches are narrow, so aggregating their rows stays cheap).
 */
import type { ConversationStatus } from '../../schemas/console';
import type { ConversationList, Tab } from '../../schemas/console-api';
import { decodeCursor as decodeListCursor, encodeCursor as encodeListCursor } from '../lib/cursor';
import { phoneDigits } from '../search';
import { COLUMNS, type ConversationRow, toSummary } from './projection';

export interface ListQuery {
  tab: Tab;
  /** The signed-in user, for the Mine tab and its count. */
  userId: string;
  status?: ConversationStatus;
  channel?: 'rcs' | 'sms';
  label?: string;
  q?: string;
  /** Numbers D1's search found for `q` (names, emails, message words: worker/search.ts). */
  phones?: string[];
  cursor?: string;
  limit: number;
}

/** `GET /api/conversations`'s answer (schemas/console-api.ts). */
export type ListPage = ConversationList;

/** Keyset cursor over (last_activity_at, phone), descending. Opaque to clients. */
export function encodeCursor(at: string, phone: string): string {
  return encodeListCursor([at, phone]);
}
export function decodeCursor(cursor: string): { at: string; phone: string } | null {
  const value = decodeListCursor(cursor);
  if (value?.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { at: value[0], phone: value[1] };
  return null;
}

interface Statement {
  sql: string;
  params: SqlStorageValue[];
}

/** Escapes LIKE wildcards so a search for "50%" means the characters. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The tab counts from a count table (`label_counts` when filtering by label). */
function countsFromTable(query: ListQuery): Statement {
  const where: string[] = [];
  const params: SqlStorageValue[] = [query.userId];
  if (query.label) {
    where.push('label = ?');
    params.push(query.label);
  }
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.channel) {
    where.push('channel = ?');
    params.push(query.channel);
  }
  return {
    sql: `SELECT COALESCE(SUM(n), 0) AS total, COALESCE(SUM(CASE WHEN assignee = ? THEN n END), 0) AS mine,
            COALESCE(SUM(CASE WHEN assignee = '' THEN n END), 0) AS unassigned
          FROM ${query.label ? 'label_counts' : 'conversation_counts'} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  };
}

/** The status, channel and search filters, on the conversations table named `t` ('' or 'c.'). */
function filters(query: ListQuery, t: string): { where: string[]; params: SqlStorageValue[] } {
  const where: string[] = [];
  const params: SqlStorageValue[] = [];
  if (query.status) {
    where.push(`${t}status = ?`);
    params.push(query.status);
  }
  if (query.channel) {
    where.push(`${t}channel = ?`);
    params.push(query.channel);
  }
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const digits = phoneDigits(q);
    if (digits) {
      // Digits only, against E.164: from the start after a "+", else anywhere (part of a
      // number, or a national number without its trunk 0).
      where.push(`${t}phone LIKE ? ESCAPE '\\'`);
      params.push(q.startsWith('+') ? `+${digits}%` : `%${digits}%`);
    } else {
      // Name prefix, or prefix of any later word ("dup" finds "Marie Dupont"), or what D1's
      // search found (accent-free names, emails, message words).
      where.push(`(${t}name_lc LIKE ? ESCAPE '\\' OR ${t}name_lc LIKE ? ESCAPE '\\' OR ${t}phone IN (SELECT value FROM json_each(?)))`);
      params.push(`${likeEscape(q)}%`, `% ${likeEscape(q)}%`, JSON.stringify(query.phones ?? []));
    }
  }
  return { where, params };
}

/**
 * The SQL of a list page (keyset on (last_activity_at, phone), one row more than the limit to
 * know whether another page exists) and of its tab counts. With a label, the page walks that
 * label's rows in list order (`conversation_labels_activity`) and joins each conversation.
 * Exported so a test can check that every list shape is an index range scan.
 */
export function listStatements(query: ListQuery): { page: Statement; counts: Statement } {
  const label = query.label ? query.label : null;
  const search = Boolean(query.q?.trim());
  let counts = countsFromTable(query);
  if (search) {
    // A search: aggregate its (few) matching rows.
    const { where, params } = filters(query, '');
    if (label !== null) {
      where.push('phone IN (SELECT phone FROM conversation_labels WHERE label = ?)');
      params.push(label);
    }
    counts = {
      sql: `SELECT COUNT(*) AS total, COALESCE(SUM(assignee = ?), 0) AS mine, COALESCE(SUM(assignee IS NULL), 0) AS unassigned
              FROM conversations WHERE ${where.join(' AND ')}`,
      params: [query.userId, ...params],
    };
  }
  const t = label === null ? '' : 'c.';
  const { where, params } = filters(query, t);
  if (label !== null) {
    where.unshift('l.label = ?');
    params.unshift(label);
  }
  if (query.tab === 'mine') {
    where.push(`${t}assignee = ?`);
    params.push(query.userId);
  } else if (query.tab === 'unassigned') {
    where.push(`${t}assignee IS NULL`);
  }
  // The keyset: the label's copy of the activity time when walking a label's index.
  const k = label === null ? '' : 'l.';
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    where.push(`(${k}last_activity_at, ${k}phone) < (?, ?)`);
    params.push(after.at, after.phone);
  }
  const columns =
    label === null
      ? COLUMNS
      : COLUMNS.split(', ')
          .map((c) => `c.${c}`)
          .join(', ');
  const from = label === null ? 'conversations' : 'conversation_labels l JOIN conversations c ON c.phone = l.phone';
  const page: Statement = {
    sql: `SELECT ${columns} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY ${k}last_activity_at DESC, ${k}phone DESC LIMIT ?`,
    params: [...params, query.limit + 1],
  };
  return { page, counts };
}

/** One page of the list, newest activity first, with the tab counts for the same filters. */
export function listPage(sql: SqlStorage, query: ListQuery): ListPage {
  const { page, counts } = listStatements(query);
  const totals = sql.exec<{ total: number; mine: number; unassigned: number }>(counts.sql, ...counts.params).one();
  const rows = sql.exec<ConversationRow>(page.sql, ...page.params).toArray();
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    conversations: shown.map(toSummary),
    next_cursor: more && last ? encodeCursor(last.last_activity_at, last.phone) : null,
    counts: { mine: totals.mine, unassigned: totals.unassigned, all: totals.total },
  };
}
