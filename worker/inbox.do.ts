/**
 * Inbox: the conversation list projection and the agents' WebSockets (hibernation API).
 * It coordinates what every console sees live: one row per customer conversation (status,
 * assignee, labels, unread, last-message preview, snooze), an append-only event log with a
 * monotonically increasing `seq` so a reconnecting console catches up with `resume`, and the
 * broadcast of conversation, message and typing events. It receives only conversation-level
 * changes from Profile objects, never per-message status storms from campaigns. Time-based
 * snoozes wake through the object's alarm. The Worker authenticates before forwarding a
 * WebSocket upgrade here: identity arrives in trusted headers only the Worker can set.
 */
import { DurableObject } from 'cloudflare:workers';
import { decodeCursor as decodeListCursor, encodeCursor as encodeListCursor } from './lib/cursor';
import { normalizeIso } from './lib/time';
import * as v from 'valibot';
import {
  ClientEventSchema,
  type ConversationActivity,
  type ConversationStatus,
  type ConversationSummary,
  type ServerEvent,
} from '../schemas/console';
import type { ConversationPatch, Role } from '../schemas/console-api';
import type { MessageView } from '../schemas/messages';
import { toE164 } from '../schemas/phone';

/** Per-message changes a Profile forwards for a conversation already surfaced in the inbox. */
export type ThreadEvent = { type: 'message'; message: MessageView } | { type: 'typing'; at: string };

/** Headers the Worker sets on a forwarded WebSocket upgrade, after checking the session. */
export const WS_USER_HEADER = 'x-inbox-user-id';
export const WS_ROLE_HEADER = 'x-inbox-user-role';

/** How many events are kept for `resume`; older gaps get a fresh `hello` (refetch). */
export const KEEP_EVENTS = 5000;
/** At most this many events are replayed on `resume`; beyond, refetching is cheaper. */
export const MAX_REPLAY = 1000;

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

interface ConversationRow {
  phone: string;
  name: string | null;
  status: ConversationStatus;
  assignee: string | null;
  labels: string;
  channel: 'rcs' | 'sms';
  preview: string;
  last_direction: 'in' | 'out';
  last_activity_at: string;
  unread: number;
  snoozed_until: string | null;
  snooze_until_reply: number;
  flagged: number;
  [key: string]: SqlStorageValue;
}

interface SocketAttachment {
  userId: string;
  role: Role;
}

/** Ordered schema migrations; each runs once, in order, under blockConcurrencyWhile. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     phone TEXT PRIMARY KEY,
     name TEXT,
     -- Lower-cased name for case-insensitive prefix search.
     name_lc TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL DEFAULT 'open',
     assignee TEXT,
     labels TEXT NOT NULL DEFAULT '[]',
     channel TEXT NOT NULL,
     preview TEXT NOT NULL DEFAULT '',
     last_direction TEXT NOT NULL,
     -- ISO 8601 from Date.toISOString(): sorts lexicographically in time order.
     last_activity_at TEXT NOT NULL,
     unread INTEGER NOT NULL DEFAULT 0,
     snoozed_until TEXT,
     snooze_until_reply INTEGER NOT NULL DEFAULT 0,
     flagged INTEGER NOT NULL DEFAULT 0
   );
   -- One index per list shape, each ending in the keyset (last_activity_at, phone) so a page is
   -- an index range scan however many conversations exist.
   CREATE INDEX conversations_activity ON conversations (last_activity_at, phone);
   CREATE INDEX conversations_status ON conversations (status, last_activity_at, phone);
   CREATE INDEX conversations_assignee ON conversations (assignee, last_activity_at, phone);
   CREATE INDEX conversations_assignee_status ON conversations (assignee, status, last_activity_at, phone);
   CREATE INDEX conversations_channel ON conversations (channel, last_activity_at, phone);
   CREATE INDEX conversations_channel_status ON conversations (channel, status, last_activity_at, phone);
   CREATE INDEX conversations_name ON conversations (name_lc);
   CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL;
   -- Labels are also kept here so the label filter is an index lookup, not a JSON scan.
   CREATE TABLE conversation_labels (
     label TEXT NOT NULL,
     phone TEXT NOT NULL,
     PRIMARY KEY (label, phone)
   ) WITHOUT ROWID;
   CREATE INDEX conversation_labels_phone ON conversation_labels (phone);
   -- AUTOINCREMENT: seq never goes back, even after old events are trimmed.
   CREATE TABLE events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     type TEXT NOT NULL,
     phone TEXT,
     at TEXT NOT NULL,
     payload TEXT NOT NULL
   );`,
];

const COLUMNS =
  'phone, name, status, assignee, labels, channel, preview, last_direction, last_activity_at, unread, snoozed_until, snooze_until_reply, flagged';

/** A time from an event, as our ISO form; an unparseable one is taken as now. */
const iso = (at: string): string => normalizeIso(at) ?? new Date().toISOString();

/** Escapes LIKE wildcards so a search for "50%" means the characters. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function toSummary(row: ConversationRow): ConversationSummary {
  let labels: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.labels);
    if (Array.isArray(parsed)) labels = parsed.filter((l): l is string => typeof l === 'string');
  } catch {
    labels = [];
  }
  return {
    phone: row.phone,
    name: row.name,
    status: row.status,
    assignee: row.assignee,
    labels,
    channel: row.channel,
    preview: row.preview,
    last_direction: row.last_direction,
    last_activity_at: row.last_activity_at,
    unread: row.unread,
    snoozed_until: row.snoozed_until,
    flagged: row.flagged === 1,
  };
}

interface Statement {
  sql: string;
  params: SqlStorageValue[];
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
  const counts: Statement = {
    sql: `SELECT COUNT(*) AS total, COALESCE(SUM(assignee = ?), 0) AS mine, COALESCE(SUM(assignee IS NULL), 0) AS unassigned
            FROM conversations ${filter}`,
    params: [query.userId, ...params],
  };
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

type StoredEvent = DistributiveOmit<Exclude<ServerEvent, { type: 'hello' } | { type: 'pong' }>, 'seq'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class Inbox extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => {
      this.migrate();
    });
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  private migrate(): void {
    this.sql.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = this.sql.exec<{ version: number }>('SELECT version FROM schema_version').toArray()[0];
    const current = row?.version ?? 0;
    if (!row) this.sql.exec('INSERT INTO schema_version (version) VALUES (0)');
    for (let i = current; i < MIGRATIONS.length; i++) {
      this.sql.exec(MIGRATIONS[i]!);
      this.sql.exec('UPDATE schema_version SET version = ?', i + 1);
    }
  }

  // ---------------------------------------------------------------- Profile → Inbox

  /** A conversation changed: create or update its row, reopen on customer activity, broadcast. */
  async conversationActivity(activity: ConversationActivity): Promise<void> {
    const at = iso(activity.at);
    const existing = this.row(activity.phone);
    const inbound = activity.direction === 'in' && activity.kind !== 'note';
    // Notes are private and already in the thread; they do not move the conversation.
    if (activity.kind === 'note') {
      if (existing) this.emitConversation(existing);
      return;
    }
    // RETURNING: the row to broadcast comes back from the write itself (one statement per
    // event on this single, shared object).
    let row: ConversationRow;
    if (!existing) {
      row = this.sql
        .exec<ConversationRow>(
          `INSERT INTO conversations (phone, name, name_lc, status, channel, preview, last_direction, last_activity_at, unread, flagged)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
          activity.phone,
          activity.name,
          (activity.name ?? '').toLowerCase(),
          activity.channel,
          activity.preview,
          activity.direction,
          at,
          inbound ? 1 : 0,
          activity.flagged ? 1 : 0,
        )
        .one();
    } else {
      // Out-of-order activity (an older event arriving late) never moves the preview back.
      const newer = at >= existing.last_activity_at;
      const wake = inbound && (existing.status === 'resolved' || existing.status === 'snoozed');
      row = this.sql
        .exec<ConversationRow>(
          `UPDATE conversations SET
           name = COALESCE(?, name), name_lc = COALESCE(?, name_lc),
           channel = CASE WHEN ? THEN ? ELSE channel END,
           preview = CASE WHEN ? THEN ? ELSE preview END,
           last_direction = CASE WHEN ? THEN ? ELSE last_direction END,
           last_activity_at = CASE WHEN ? THEN ? ELSE last_activity_at END,
           unread = CASE WHEN ? THEN unread + 1 WHEN ? THEN 0 ELSE unread END,
           status = CASE WHEN ? THEN 'open' ELSE status END,
           snoozed_until = CASE WHEN ? THEN NULL ELSE snoozed_until END,
           snooze_until_reply = CASE WHEN ? THEN 0 ELSE snooze_until_reply END,
           flagged = CASE WHEN ? THEN 1 ELSE flagged END
         WHERE phone = ? RETURNING ${COLUMNS}`,
          activity.name,
          activity.name === null ? null : activity.name.toLowerCase(),
          Number(newer),
          activity.channel,
          Number(newer),
          activity.preview,
          Number(newer),
          activity.direction,
          Number(newer),
          at,
          Number(inbound),
          // An agent's reply means the conversation was read.
          Number(activity.kind === 'agent_reply'),
          Number(wake),
          Number(wake),
          Number(wake),
          Number(activity.flagged === true),
          activity.phone,
        )
        .one();
      if (wake && existing.snoozed_until) await this.scheduleAlarm();
    }
    this.emitConversation(row);
  }

  /**
   * One inbound (or agent) event as a single call: the conversation change, then the thread
   * message that caused it, in that order, so a console sees the row move and the bubble
   * appear together. Halves the Profile → Inbox round trips on the ingest hot path.
   */
  async conversationEvent(activity: ConversationActivity, message: MessageView | null): Promise<void> {
    await this.conversationActivity(activity);
    if (message) this.emit({ type: 'message', phone: activity.phone, message }, activity.phone);
  }

  /** Broadcast a thread change (new message, tap, status tick, typing) to connected consoles. */
  async threadEvent(phone: string, event: ThreadEvent): Promise<void> {
    if (event.type === 'message') this.emit({ type: 'message', phone, message: event.message }, phone);
    else this.emit({ type: 'typing', phone, at: iso(event.at) }, phone);
  }

  // ---------------------------------------------------------------- console routes → Inbox

  async get(phone: string): Promise<ConversationSummary | null> {
    const row = this.row(phone);
    return row ? toSummary(row) : null;
  }

  /** One page of the list, newest activity first, with the tab counts for the same filters. */
  async list(query: ListQuery): Promise<ListPage> {
    const { page, counts } = listStatements(query);
    const totals = this.sql.exec<{ total: number; mine: number; unassigned: number }>(counts.sql, ...counts.params).one();
    const rows = this.sql.exec<ConversationRow>(page.sql, ...page.params).toArray();
    const more = rows.length > query.limit;
    const shown = more ? rows.slice(0, query.limit) : rows;
    const last = shown[shown.length - 1];
    return {
      conversations: shown.map(toSummary),
      next_cursor: more && last ? encodeCursor(last.last_activity_at, last.phone) : null,
      counts: { mine: totals.mine, unassigned: totals.unassigned, all: totals.total },
    };
  }

  /** Status, assignee, labels and snooze changes from an agent. Null when the conversation is unknown. */
  async update(phone: string, patch: ConversationPatch): Promise<ConversationSummary | null> {
    const existing = this.row(phone);
    if (!existing) return null;
    let status = patch.status ?? existing.status;
    let snoozedUntil = existing.snoozed_until;
    let untilReply = existing.snooze_until_reply;
    if (patch.snooze) {
      status = 'snoozed';
      if ('until' in patch.snooze) {
        snoozedUntil = iso(patch.snooze.until);
        untilReply = 0;
      } else {
        snoozedUntil = null;
        untilReply = 1;
      }
    } else if (patch.status === 'snoozed' && existing.status !== 'snoozed') {
      // "Snoozed" without a time means until the customer replies.
      snoozedUntil = null;
      untilReply = 1;
    }
    if (status !== 'snoozed') {
      snoozedUntil = null;
      untilReply = 0;
    }
    const assignee = patch.assignee === undefined ? existing.assignee : patch.assignee;
    const labels = patch.labels ? [...new Set(patch.labels)] : null;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        `UPDATE conversations SET status = ?, assignee = ?, snoozed_until = ?, snooze_until_reply = ?, labels = COALESCE(?, labels)
          WHERE phone = ?`,
        status,
        assignee,
        snoozedUntil,
        untilReply,
        labels ? JSON.stringify(labels) : null,
        phone,
      );
      if (labels) {
        this.sql.exec('DELETE FROM conversation_labels WHERE phone = ?', phone);
        for (const label of labels) this.sql.exec('INSERT INTO conversation_labels (label, phone) VALUES (?, ?)', label, phone);
      }
    });
    if (snoozedUntil !== existing.snoozed_until) await this.scheduleAlarm();
    const row = this.row(phone)!;
    this.emitConversation(row);
    return toSummary(row);
  }

  /** The agent opened the conversation: nothing unread, and the stop-mention flag is seen. */
  async markRead(phone: string): Promise<ConversationSummary | null> {
    const existing = this.row(phone);
    if (!existing) return null;
    if (existing.unread === 0 && existing.flagged === 0) return toSummary(existing);
    this.sql.exec('UPDATE conversations SET unread = 0, flagged = 0 WHERE phone = ?', phone);
    const row = this.row(phone)!;
    this.emitConversation(row);
    return toSummary(row);
  }

  /** The current end of the event log (what `hello` carries). */
  async cursor(): Promise<number> {
    return this.lastSeq();
  }

  /** Events after `after`, or null when the gap is too old or too long to replay. */
  async eventsAfter(after: number): Promise<ServerEvent[] | null> {
    const last = this.lastSeq();
    if (after >= last) return after > last ? null : [];
    const oldest = this.sql.exec<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM events').one().seq;
    if (oldest === null || after < oldest - 1 || last - after > MAX_REPLAY) return null;
    const rows = this.sql
      .exec<{ seq: number; payload: string; type: string }>(
        // Typing events are stale by the time anyone resumes.
        "SELECT seq, type, payload FROM events WHERE seq > ? AND type != 'typing' ORDER BY seq",
        after,
      )
      .toArray();
    return rows.map((r) => ({ ...(JSON.parse(r.payload) as StoredEvent), seq: r.seq }) as ServerEvent);
  }

  /**
   * Benchmark fixture: grows this object to `total` synthetic conversations in one transaction
   * (spread over tabs, statuses, channels and labels). Reachable only through `/bench/inbox`,
   * which answers 404 unless BENCH=1; never called on the deployment's real inbox.
   */
  async fillForBench(total: number): Promise<number> {
    const have = this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM conversations').one().n;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    this.ctx.storage.transactionSync(() => {
      for (let i = have; i < total; i++) {
        const phone = `+3369${String(i).padStart(7, '0')}`;
        this.sql.exec(
          `INSERT OR IGNORE INTO conversations (phone, name, name_lc, status, assignee, labels, channel, preview, last_direction, last_activity_at, unread)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'Bonjour, où en est ma commande ?', 'in', ?, ?)`,
          phone,
          `Client ${i}`,
          `client ${i}`,
          (['open', 'open', 'pending', 'resolved', 'snoozed'] as const)[i % 5]!,
          i % 3 === 0 ? 'bench-agent' : null,
          i % 10 === 0 ? '["vip"]' : '[]',
          i % 2 === 0 ? 'rcs' : 'sms',
          new Date(start + i * 60_000).toISOString(),
          i % 4,
        );
        if (i % 10 === 0) this.sql.exec('INSERT OR IGNORE INTO conversation_labels (label, phone) VALUES (?, ?)', 'vip', phone);
      }
    });
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM conversations').one().n;
  }

  // ---------------------------------------------------------------- WebSockets (hibernation API)

  /** Accepts a WebSocket forwarded by the Worker (which has already checked the session). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return Response.json({ error: 'upgrade_required', message: 'Expected a WebSocket upgrade.' }, { status: 426 });
    }
    const userId = request.headers.get(WS_USER_HEADER);
    const role = request.headers.get(WS_ROLE_HEADER);
    if (!userId || (role !== 'admin' && role !== 'agent' && role !== 'marketer')) {
      return Response.json({ error: 'unauthorized', message: 'Sign in to use the console.' }, { status: 401 });
    }
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [`user:${userId}`, `role:${role}`]);
    server.serializeAttachment({ userId, role } satisfies SocketAttachment);
    server.send(JSON.stringify({ type: 'hello', cursor: this.lastSeq() } satisfies ServerEvent));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (typeof message !== 'string' || message.length > 4096) return;
    let data: unknown;
    try {
      data = JSON.parse(message);
    } catch {
      return;
    }
    const parsed = v.safeParse(ClientEventSchema, data);
    if (!parsed.success) return;
    const event = parsed.output;
    switch (event.type) {
      case 'ping':
        ws.send(JSON.stringify({ type: 'pong' } satisfies ServerEvent));
        return;
      case 'resume': {
        const missed = await this.eventsAfter(event.after);
        if (missed === null) {
          ws.send(JSON.stringify({ type: 'hello', cursor: this.lastSeq() } satisfies ServerEvent));
          return;
        }
        for (const e of missed) ws.send(JSON.stringify(e));
        return;
      }
      case 'typing': {
        const who = ws.deserializeAttachment() as SocketAttachment | null;
        const phone = toE164(event.phone);
        // Marketers read the inbox only: they do not type to customers.
        if (!who || who.role === 'marketer' || !phone) return;
        try {
          await this.env.PROFILE.getByName(phone).agentEvent(phone, 'typing');
        } catch (err) {
          console.warn('typing indicator not sent', err);
        }
        return;
      }
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed: nothing to do.
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    try {
      ws.close(1011, 'error');
    } catch {
      // Already closed.
    }
  }

  // ---------------------------------------------------------------- snooze alarm

  /** Wakes every conversation whose snooze time has come, then re-arms for the next one. */
  override async alarm(): Promise<void> {
    const now = new Date().toISOString();
    const due = this.sql
      .exec<{ phone: string }>(
        "SELECT phone FROM conversations WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND status = 'snoozed'",
        now,
      )
      .toArray();
    for (const { phone } of due) {
      this.sql.exec("UPDATE conversations SET status = 'open', snoozed_until = NULL, snooze_until_reply = 0 WHERE phone = ?", phone);
      this.emitConversation(this.row(phone)!);
    }
    await this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    const next = this.sql
      .exec<{ at: string | null }>(
        "SELECT MIN(snoozed_until) AS at FROM conversations WHERE snoozed_until IS NOT NULL AND status = 'snoozed'",
      )
      .one().at;
    if (next) await this.ctx.storage.setAlarm(new Date(next).getTime());
    else await this.ctx.storage.deleteAlarm();
  }

  // ---------------------------------------------------------------- internals

  private row(phone: string): ConversationRow | null {
    return this.sql.exec<ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE phone = ?`, phone).toArray()[0] ?? null;
  }

  private lastSeq(): number {
    // sqlite_sequence survives trimming, so the cursor never goes back.
    const row = this.sql.exec<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").toArray()[0];
    return row?.seq ?? 0;
  }

  private emitConversation(row: ConversationRow): void {
    this.emit({ type: 'conversation', conversation: toSummary(row) }, row.phone);
  }

  /** Appends to the event log (for `resume`) and sends to every connected console. */
  private emit(payload: StoredEvent, phone: string): void {
    const json = JSON.stringify(payload);
    const seq = this.sql
      .exec<{ seq: number }>(
        'INSERT INTO events (type, phone, at, payload) VALUES (?, ?, ?, ?) RETURNING seq',
        payload.type,
        phone,
        new Date().toISOString(),
        json,
      )
      .one().seq;
    if (seq % 500 === 0) this.sql.exec('DELETE FROM events WHERE seq <= ?', seq - KEEP_EVENTS);
    // Same text as JSON.stringify({ ...payload, seq }) without serializing the payload twice
    // (a message event carries the whole MessageView).
    const text = `${json.slice(0, -1)},"seq":${seq}}`;
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // A socket closing mid-broadcast: it will resume from its last seq.
      }
    }
  }
}

/** The one Inbox object of a deployment (shard by brand later if needed). */
export const inboxStub = (env: Env) => env.INBOX.getByName('main');
