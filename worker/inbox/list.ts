/**
 * The conversation list: one page (keyset on (last_activity_at, phone), newest first) for a
 * tab and filters, with the tab counts for the same filters. Counts come from the maintained
 * count tables (migrations.ts) unless the list is a search, whose prefix filter no count
 * table can answer (searches are narrow, so aggregating their rows stays cheap).
 */
import type { ConversationStatus, ConversationSummary } from '../../schemas/console';
import { decodeCursor as decodeListCursor, encodeCursor as encodeListCursor } from '../lib/cursor';
import { COLUMNS, type ConversationRow, toSummary } from './projection';

export interface ListQuery {
  tab: 'mine' | 'unassigned' | 'all';
  /** The signed-in user, for the Mine tab and its count. */
  userId: string;
  status?: ConversationStatus;
  channel?: 'rcs' | 'sms';
  label?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export interface ListPage {
  conversations: ConversationSummary[];
  next_cursor: string | null;
  counts: { mine: number; unassigned: number; all: number };
}

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

/**
 * The SQL of a list page (keyset on (last_activity_at, phone), one row more than the limit to
 * know whether another page exists) and of its tab counts. Exported so a test can check that
 * every list shape is an index range scan.
 */
export function listStatements(query: ListQuery): { page: Statement; counts: Statement } {
  const where: string[] = [];
  const params: SqlStorageValue[] = [];
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.channel) {
    where.push('channel = ?');
    params.push(query.channel);
  }
  if (query.label) {
    where.push('phone IN (SELECT phone FROM conversation_labels WHERE label = ?)');
    params.push(query.label);
  }
  const q = query.q?.trim().toLowerCase();
  if (q) {
    if (/^\+?[\d\s().-]+$/.test(q)) {
      // A phone prefix: compare digits only, against E.164.
      where.push("phone LIKE ? ESCAPE '\\'");
      params.push(`+${q.replace(/\D/g, '')}%`);
    } else {
      // Name prefix, or prefix of any later word ("dup" finds "Marie Dupont").
      where.push("(name_lc LIKE ? ESCAPE '\\' OR name_lc LIKE ? ESCAPE '\\')");
      params.push(`${likeEscape(q)}%`, `% ${likeEscape(q)}%`);
    }
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts: Statement = q
    ? {
        sql: `SELECT COUNT(*) AS total, COALESCE(SUM(assignee = ?), 0) AS mine, COALESCE(SUM(assignee IS NULL), 0) AS unassigned
                FROM conversations ${filter}`,
        params: [query.userId, ...params],
      }
    : countsFromTable(query);
  const pageWhere = [...where];
  const pageParams = [...params];
  if (query.tab === 'mine') {
    pageWhere.push('assignee = ?');
    pageParams.push(query.userId);
  } else if (query.tab === 'unassigned') {
    pageWhere.push('assignee IS NULL');
  }
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    pageWhere.push('(last_activity_at, phone) < (?, ?)');
    pageParams.push(after.at, after.phone);
  }
  const page: Statement = {
    sql: `SELECT ${COLUMNS} FROM conversations ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
           ORDER BY last_activity_at DESC, phone DESC LIMIT ?`,
    params: [...pageParams, query.limit + 1],
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
