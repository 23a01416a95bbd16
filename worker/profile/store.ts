/**
 * The Profile object's storage layer: typed reads and writes over its SQLite tables
 * (migrations.ts), with bound parameters everywhere. The only code that writes a Profile
 * table, so it can keep the one-row tables (profile, consent, and each purpose's last consent
 * log source) in memory: every hot-path step reads them, and no write can bypass the copy. No
 * business rules here beyond keeping rows consistent, and the one consent invariant guarded
 * where consent is written (consent-rules.ts); send.ts and inbound.ts hold the rules.
 */
import type { Content } from '../../schemas/content';
import type { InboundMedia } from '../../schemas/events';
import type { Channel, MessageStatus, MessageView, StatusChange } from '../../schemas/messages';
import type { ConsentSource, ConsentState, ConsentStatus, JsonValue, ProfileView, Purpose } from '../../schemas/profile';
import { classifyKeyword } from '../compliance/keywords';
import type { TrafficType } from '../providers/types';
import { iso } from '../lib/time';
import { isCustomersOptOut, mayUndoCustomersOptOut } from './consent-rules';
import { EventLog } from './store-events';
import { OptInRequests } from './store-optin';
import { ResultsLog } from './store-results';
import { insertThreadRows, type ThreadRows } from './store-bulk';

export interface ProfileRow extends Record<string, SqlStorageValue> {
  phone: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  locale: string | null;
  timezone: string | null;
  properties: string;
  created_at: number;
  updated_at: number;
  last_inbound_at: number | null;
  last_marketing_at: number | null;
  last_marketing_id: string | null;
  last_activity_at: number | null;
  surfaced: number;
  rcs_capable: number | null;
  rcs_features: string | null;
  rcs_checked_at: number | null;
}

export interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  id: string;
  direction: 'out' | 'in';
  channel: Channel;
  purpose: string | null;
  kind: string;
  traffic: string | null;
  status: MessageStatus;
  content: string | null;
  text: string | null;
  media: string | null;
  fallback_text: string | null;
  postback: string | null;
  in_reply_to: string | null;
  campaign_id: string | null;
  author: string | null;
  idempotency_key: string | null;
  provider_message_id: string | null;
  fallback_of: string | null;
  fallback_reason: string | null;
  fallback_sms_id: string | null;
  send_at: number | null;
  attempts: number;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
}

interface ConsentRow extends Record<string, SqlStorageValue> {
  purpose: string;
  status: string;
  updated_at: number;
  source: string;
}

interface HistoryRow extends Record<string, SqlStorageValue> {
  message_id: string;
  status: string;
  at: number;
  reason: string | null;
}

export interface TimerRow extends Record<string, SqlStorageValue> {
  id: string;
  kind: string;
  due_at: number;
  payload: string;
}

export type MessagePurpose = 'marketing' | 'transactional' | 'support' | 'system';
export type MessageKind = 'message' | 'tap' | 'location' | 'file' | 'note';

export interface NewMessage {
  id?: string;
  direction: 'out' | 'in';
  channel: Channel;
  purpose: MessagePurpose | null;
  kind?: MessageKind;
  traffic?: TrafficType | null;
  status: MessageStatus;
  reason?: string | null;
  content?: Content | null;
  text?: string | null;
  media?: InboundMedia[] | null;
  fallback_text?: string | null;
  postback?: string | null;
  in_reply_to?: string | null;
  campaign_id?: string | null;
  author?: string | null;
  idempotency_key?: string | null;
  provider_message_id?: string | null;
  fallback_of?: string | null;
  fallback_reason?: string | null;
  send_at?: number | null;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function parseJson<T>(raw: string | null, fallback: T): T {
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** A consent change written since the Inbox last heard of one (see `takeConsentChanges`). */
export type ConsentLogRow = ReturnType<Store['consentLog']>[number];

/** The directory mark's one row (directory_sync). */
const DIRECTORY_MARK = 'SELECT due_at, gen FROM directory_sync WHERE one = 1';

export class Store {
  /** Raw SQL, for this module family and tests only: everything else goes through methods. */
  readonly sql: SqlStorage;
  /** Tracked events (`POST /v1/events`): orders, product views. */
  readonly events: EventLog;
  /** Double opt-in confirmation requests sent (signups). */
  readonly optIns: OptInRequests;
  /** Campaign and flow touches and orders on their way to D1 (worker/results/record.ts). */
  readonly results: ResultsLog;
  /** The profile row as last written (undefined: not read yet). Frozen: never mutated in place. */
  private profileRow: Readonly<ProfileRow> | null | undefined;
  private readonly consentRows = new Map<Purpose, ConsentRow | null>();
  /** Source of each purpose's latest consent log entry (who may undo an opt-out depends on it). */
  private readonly lastLogSources = new Map<Purpose, ConsentSource | null>();
  /** Consent log ids written since `takeConsentChanges` was last called. */
  private consentChanged: number[] = [];

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly now: () => number,
  ) {
    this.sql = storage.sql;
    this.events = new EventLog(this.sql);
    this.optIns = new OptInRequests(this.sql);
    this.results = new ResultsLog(this.sql);
  }

  // ---- profile ----

  profile(): Readonly<ProfileRow> | null {
    if (this.profileRow === undefined) {
      const row = this.sql.exec<ProfileRow>('SELECT * FROM profile WHERE one = 1').toArray()[0];
      this.profileRow = row ? Object.freeze(row) : null;
    }
    return this.profileRow;
  }

  /** The profile row, created on first contact (a send, an inbound message, an upsert). */
  ensureProfile(phone: string): Readonly<ProfileRow> {
    const existing = this.profile();
    if (existing) return existing;
    const t = this.now();
    const row = this.sql
      .exec<ProfileRow>('INSERT INTO profile (one, phone, created_at, updated_at) VALUES (1, ?, ?, ?) RETURNING *', phone, t, t)
      .one();
    this.profileRow = Object.freeze(row);
    return this.profileRow;
  }

  updateProfile(fields: Partial<Omit<ProfileRow, 'phone'>>): void {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    // Column names come from the typed keys of ProfileRow, never from input.
    const sets = entries.map(([k]) => `${k} = ?`).join(', ');
    const written = this.sql.exec(`UPDATE profile SET ${sets} WHERE one = 1`, ...entries.map(([, v]) => v)).rowsWritten;
    // The columns take the values as given (no SQL expression): the copy follows without a read.
    const current = this.profile();
    if (written === 0 || !current) {
      this.profileRow = null;
      return;
    }
    const next: ProfileRow = { ...current };
    for (const [k, v] of entries) if (v !== undefined) next[k] = v;
    this.profileRow = Object.freeze(next);
  }

  properties(): Record<string, unknown> {
    return parseJson<Record<string, unknown>>(this.profile()?.properties ?? null, {});
  }

  // ---- consent ----

  private consentRow(purpose: Purpose): ConsentRow | null {
    let row = this.consentRows.get(purpose);
    if (row === undefined) {
      row = this.sql.exec<ConsentRow>('SELECT * FROM consent WHERE purpose = ?', purpose).toArray()[0] ?? null;
      this.consentRows.set(purpose, row);
    }
    return row;
  }

  consent(purpose: Purpose): ConsentState {
    const row = this.consentRow(purpose);
    if (!row) return { status: 'never', updated_at: null, source: null };
    return { status: row.status as ConsentStatus, updated_at: iso(row.updated_at), source: row.source };
  }

  consentUpdatedAt(purpose: Purpose): number | null {
    return this.consentRow(purpose)?.updated_at ?? null;
  }

  /** True when the purpose is unsubscribed by the customer's own opt-out (consent-rules.ts). */
  customerOptedOut(purpose: Purpose): boolean {
    const row = this.consentRow(purpose);
    if (row?.status !== 'unsubscribed') return false;
    const last = this.lastLogSource(purpose);
    return last !== null && isCustomersOptOut(last, row.source);
  }

  private lastLogSource(purpose: Purpose): ConsentSource | null {
    let source = this.lastLogSources.get(purpose);
    if (source === undefined) {
      source =
        this.sql
          .exec<{ source: ConsentSource }>('SELECT source FROM consent_log WHERE purpose = ? ORDER BY id DESC LIMIT 1', purpose)
          .toArray()[0]?.source ?? null;
      this.lastLogSources.set(purpose, source);
    }
    return source;
  }

  /**
   * Sets a purpose's state and logs it. Returns false (and logs nothing) when unchanged, except
   * that the customer's own opt-out over one an agent or the API set is logged (it changes who
   * may undo it). Callers refuse a re-subscribe over the customer's opt-out first (409); the
   * throw only guards the rule.
   */
  setConsent(
    purpose: Purpose,
    status: 'subscribed' | 'unsubscribed',
    source: ConsentSource,
    text: string | null,
    actor: string | null,
    /** Where consent came from as the API caller said it ("checkout_checkbox"); shown in the profile. */
    label?: string,
    /** Where and when it was collected, for the log (a confirmed signup's source, Shopify's opt-in level). */
    origin?: { origin: string | null; at: number | null },
  ): boolean {
    const current = this.consent(purpose).status;
    if (
      status === 'subscribed' &&
      current === 'unsubscribed' &&
      !mayUndoCustomersOptOut(source, origin?.origin) &&
      this.customerOptedOut(purpose)
    ) {
      throw new Error(`${purpose}: only the customer can undo their own opt-out`);
    }
    if (current === status && !(status === 'unsubscribed' && isCustomersOptOut(source, label ?? null) && !this.customerOptedOut(purpose))) {
      return false;
    }
    const t = this.now();
    const row = this.sql
      .exec<ConsentRow>(
        `INSERT INTO consent (purpose, status, updated_at, source) VALUES (?, ?, ?, ?)
       ON CONFLICT (purpose) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, source = excluded.source
       RETURNING *`,
        purpose,
        status,
        t,
        label ?? source,
      )
      .one();
    this.consentRows.set(purpose, row);
    const { id } = this.sql
      .exec<{ id: number }>(
        'INSERT INTO consent_log (purpose, status, at, source, text, actor, origin, origin_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
        purpose,
        status,
        t,
        source,
        text,
        actor,
        origin?.origin ?? null,
        origin?.at ?? null,
      )
      .one();
    this.lastLogSources.set(purpose, source);
    this.consentChanged.push(id);
    return true;
  }

  /**
   * The consent log entries written since the last call, newest first (empty when none): what
   * the Inbox must push to the consoles, whichever code path changed consent.
   */
  takeConsentChanges(): ConsentLogRow[] {
    if (this.consentChanged.length === 0) return [];
    const since = Math.min(...this.consentChanged);
    this.consentChanged = [];
    return this.consentLog(100, since);
  }

  /** The consent log, newest first; `sinceId`: only entries from that id on. */
  consentLog(
    limit = 100,
    sinceId = 0,
  ): {
    id: number;
    purpose: Purpose;
    status: ConsentStatus;
    at: string;
    source: ConsentSource;
    text: string | null;
    actor: string | null;
    origin: string | null;
    origin_at: string | null;
  }[] {
    return this.sql
      .exec<{
        id: number;
        purpose: string;
        status: string;
        at: number;
        source: string;
        text: string | null;
        actor: string | null;
        origin: string | null;
        origin_at: number | null;
      }>('SELECT * FROM consent_log WHERE id >= ? ORDER BY id DESC LIMIT ?', sinceId, limit)
      .toArray()
      .map((r) => ({
        ...r,
        purpose: r.purpose as Purpose,
        status: r.status as ConsentStatus,
        source: r.source as ConsentSource,
        at: iso(r.at),
        origin_at: isoOrNull(r.origin_at),
      }));
  }

  /** Whether the purpose was ever `subscribed` (START restores only a consent that existed). */
  everSubscribed(purpose: Purpose): boolean {
    return this.sql.exec("SELECT 1 FROM consent_log WHERE purpose = ? AND status = 'subscribed' LIMIT 1", purpose).toArray().length > 0;
  }

  private consentView(purpose: Purpose): ConsentState {
    const state = this.consent(purpose);
    return { ...state, opted_out_by_customer: state.status === 'unsubscribed' && this.customerOptedOut(purpose) };
  }

  profileView(): ProfileView | null {
    const p = this.profile();
    if (!p) return null;
    return {
      phone: p.phone,
      first_name: p.first_name,
      last_name: p.last_name,
      email: p.email,
      locale: p.locale,
      timezone: p.timezone,
      properties: parseJson<Record<string, JsonValue>>(p.properties, {}),
      consent: { marketing: this.consentView('marketing'), transactional: this.consentView('transactional') },
      rcs: {
        capable: p.rcs_capable === null ? null : p.rcs_capable === 1,
        checked_at: isoOrNull(p.rcs_checked_at),
        features: parseJson<string[]>(p.rcs_features, []),
      },
      created_at: iso(p.created_at),
      updated_at: iso(p.updated_at),
      last_inbound_at: isoOrNull(p.last_inbound_at),
    };
  }

  // ---- messages ----

  /** Records a message and its first status (the row comes back from the insert itself). */
  insertMessage(m: NewMessage): MessageRow {
    const id = m.id ?? crypto.randomUUID();
    const t = this.now();
    const row = this.sql
      .exec<MessageRow>(
        `INSERT INTO messages (id, direction, channel, purpose, kind, traffic, status, content, text, media, fallback_text, postback,
         in_reply_to, campaign_id, author, idempotency_key, provider_message_id, fallback_of, fallback_reason, send_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        id,
        m.direction,
        m.channel,
        m.purpose,
        m.kind ?? 'message',
        m.traffic ?? null,
        m.status,
        m.content ? JSON.stringify(m.content) : null,
        m.text ?? null,
        m.media ? JSON.stringify(m.media) : null,
        m.fallback_text ?? null,
        m.postback ?? null,
        m.in_reply_to ?? null,
        m.campaign_id ?? null,
        m.author ?? null,
        m.idempotency_key ?? null,
        m.provider_message_id ?? null,
        m.fallback_of ?? null,
        m.fallback_reason ?? null,
        m.send_at ?? null,
        t,
        t,
      )
      .one();
    this.addHistory(id, m.status, m.reason ?? null, t);
    return row;
  }

  /** The view of a message `insertMessage` just returned: its history is that one status. */
  insertedView(row: MessageRow, reason: string | null = null): MessageView {
    return this.view(row, [{ status: row.status, at: iso(row.created_at), reason }]);
  }

  message(id: string): MessageRow | null {
    return this.sql.exec<MessageRow>('SELECT * FROM messages WHERE id = ?', id).toArray()[0] ?? null;
  }

  messageByIdempotencyKey(key: string): MessageRow | null {
    return this.sql.exec<MessageRow>('SELECT * FROM messages WHERE idempotency_key = ?', key).toArray()[0] ?? null;
  }

  messageByProviderId(providerId: string): MessageRow | null {
    return (
      this.sql
        .exec<MessageRow>('SELECT * FROM messages WHERE provider_message_id = ? ORDER BY seq DESC LIMIT 1', providerId)
        .toArray()[0] ?? this.message(providerId)
    );
  }

  updateMessage(id: string, fields: Partial<Omit<MessageRow, 'id' | 'seq'>>): void {
    const entries = Object.entries({ ...fields, updated_at: this.now() }).filter(([, v]) => v !== undefined);
    // Column names come from the typed keys of MessageRow, never from input.
    const sets = entries.map(([k]) => `${k} = ?`).join(', ');
    this.sql.exec(`UPDATE messages SET ${sets} WHERE id = ?`, ...entries.map(([, v]) => v), id);
  }

  /** Moves a message to `status` and records the change with its time and reason. */
  setStatus(
    id: string,
    status: MessageStatus,
    reason: string | null,
    extra: Partial<Omit<MessageRow, 'id' | 'seq' | 'status'>> = {},
  ): void {
    this.updateMessage(id, { ...extra, status });
    this.addHistory(id, status, reason);
  }

  addHistory(id: string, status: MessageStatus, reason: string | null, at = this.now()): void {
    this.sql.exec('INSERT INTO status_history (message_id, status, at, reason) VALUES (?, ?, ?, ?)', id, status, at, reason);
  }

  hasHistory(id: string, status: MessageStatus): boolean {
    return this.sql.exec('SELECT 1 FROM status_history WHERE message_id = ? AND status = ? LIMIT 1', id, status).toArray().length > 0;
  }

  /** The customer's latest message (what an agent's typing or read mark refers to). */
  lastInbound(): Pick<MessageRow, 'id' | 'channel' | 'provider_message_id'> | null {
    return (
      this.sql
        .exec<Pick<MessageRow, 'id' | 'channel' | 'provider_message_id'>>(
          "SELECT id, channel, provider_message_id FROM messages WHERE direction = 'in' ORDER BY seq DESC LIMIT 1",
        )
        .toArray()[0] ?? null
    );
  }

  messageCount(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM messages').one().n;
  }

  /** Bulk insert of whole messages with their histories and suggestions, in one transaction. */
  insertThread(rows: ThreadRows): void {
    this.storage.transactionSync(() => insertThreadRows(this.sql, rows));
  }

  /** Keyset pagination on seq, newest first: never loads more than one page. */
  page(beforeSeq: number | null, limit: number): { rows: MessageRow[]; more: boolean } {
    const rows =
      beforeSeq === null
        ? this.sql.exec<MessageRow>('SELECT * FROM messages ORDER BY seq DESC LIMIT ?', limit + 1).toArray()
        : this.sql.exec<MessageRow>('SELECT * FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?', beforeSeq, limit + 1).toArray();
    const more = rows.length > limit;
    return { rows: more ? rows.slice(0, limit) : rows, more };
  }

  /** Status histories of the given messages (a page: bounded by its seq range, fixed bindings). */
  histories(ids: readonly string[]): Map<string, StatusChange[]> {
    const out = new Map<string, StatusChange[]>();
    if (ids.length === 0) return out;
    const wanted = new Set(ids);
    let rows: Iterable<HistoryRow>;
    if (ids.length === 1) {
      rows = this.sql.exec<HistoryRow>(
        'SELECT message_id, status, at, reason FROM status_history WHERE message_id = ? ORDER BY id',
        ids[0],
      );
    } else {
      // SQLite in Durable Objects allows 100 bindings: select by the page's seq range instead.
      const range = this.sql
        .exec<{ lo: number | null; hi: number | null }>(
          `SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM messages WHERE id IN (SELECT value FROM json_each(?))`,
          JSON.stringify(ids),
        )
        .one();
      rows = this.sql.exec<HistoryRow>(
        `SELECT h.message_id, h.status, h.at, h.reason FROM status_history h JOIN messages m ON m.id = h.message_id
         WHERE m.seq BETWEEN ? AND ? ORDER BY h.id`,
        range.lo ?? 0,
        range.hi ?? -1,
      );
    }
    for (const r of rows) {
      if (!wanted.has(r.message_id)) continue;
      const list = out.get(r.message_id) ?? [];
      list.push({ status: r.status as MessageStatus, at: iso(r.at), reason: r.reason });
      out.set(r.message_id, list);
    }
    return out;
  }

  view(row: MessageRow, history?: StatusChange[]): MessageView {
    const v: MessageView = {
      id: row.id,
      direction: row.direction,
      channel: row.channel,
      status: row.status,
      kind: row.kind as MessageKind,
      history: history ?? this.histories([row.id]).get(row.id) ?? [],
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
    };
    if (row.purpose) v.purpose = row.purpose as MessagePurpose;
    if (row.content) v.content = parseJson<Content>(row.content, { type: 'text', text: '' });
    if (row.text !== null) v.text = row.text;
    if (row.postback !== null) v.postback = row.postback;
    if (row.media) v.media = parseJson<InboundMedia[]>(row.media, []);
    v.in_reply_to = row.in_reply_to;
    v.fallback = row.fallback_of ? { from: row.fallback_of, reason: row.fallback_reason ?? 'fallback' } : null;
    v.author = row.author;
    v.campaign_id = row.campaign_id;
    // A sentence that may mean "stop" (not a keyword opt-out): the console offers to record it.
    if (row.direction === 'in' && row.kind === 'message' && row.text) {
      const match = classifyKeyword(row.text);
      if (match.flagged && match.kind !== 'opt_out') v.flagged = true;
    }
    return v;
  }

  // ---- suggestions, interactions ----

  addSuggestion(messageId: string, idx: number, postback: string, type: string, text: string, url: string | null): void {
    this.sql.exec(
      'INSERT OR REPLACE INTO suggestions (message_id, idx, postback, type, text, url) VALUES (?, ?, ?, ?, ?, ?)',
      messageId,
      idx,
      postback,
      type,
      text,
      url,
    );
  }

  /** The most recent outbound message that offered this postback (with its campaign). */
  suggestionByPostback(
    postback: string,
  ): { message_id: string; type: string; text: string; url: string | null; campaign_id: string | null } | null {
    return (
      this.sql
        .exec<{ message_id: string; type: string; text: string; url: string | null; campaign_id: string | null }>(
          `SELECT s.message_id, s.type, s.text, s.url, m.campaign_id FROM suggestions s JOIN messages m ON m.id = s.message_id
           WHERE s.postback = ? ORDER BY m.seq DESC LIMIT 1`,
          postback,
        )
        .toArray()[0] ?? null
    );
  }

  addInteraction(kind: string, messageId: string | null, postback: string | null, url: string | null, detail: string | null): void {
    this.sql.exec(
      'INSERT INTO interactions (kind, message_id, postback, url, at, detail) VALUES (?, ?, ?, ?, ?, ?)',
      kind,
      messageId,
      postback,
      url,
      this.now(),
      detail,
    );
  }

  // ---- dedupe ----

  /** When this instance last pruned old dedupe keys (in memory: pruning is housekeeping only). */
  private prunedAt: number | null = null;

  /** Records a callback key; false when it was seen before. Keys older than 30 days are pruned. */
  dedupe(key: string): boolean {
    const t = this.now();
    // One statement for check and insert: a new key inserts one row, a known one none.
    const inserted =
      this.sql.exec('INSERT INTO dedupe (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING 1', key, t).toArray().length > 0;
    if (!inserted) return false;
    // Providers retry for up to 7 days (RBM); 30 days is comfortably longer. Pruning at most
    // hourly keeps a DELETE off every callback of the ingest hot path.
    if (this.prunedAt === null || t - this.prunedAt >= 3_600_000 || t < this.prunedAt) {
      this.sql.exec('DELETE FROM dedupe WHERE at < ?', t - 30 * 86_400_000);
      this.prunedAt = t;
    }
    return true;
  }

  // ---- directory sync (the D1 `profiles` mirror, written from the alarm) ----

  /** Whether a directory mark exists (undefined: not read yet), and whether a write has read it. */
  private directoryMarked: boolean | undefined;
  private directoryWriting = false;

  /**
   * Marks the D1 directory row as behind, due at `dueAt` unless already pending (bursts
   * coalesce into one write). Returns true when it was not pending before (the alarm may need
   * to move earlier). A mark that exists while no write is in flight already covers this
   * change (the write reads the state when it runs): nothing to store, the hot path's common case.
   */
  markDirectoryDirty(dueAt: number): boolean {
    if (this.directoryMarked === true && !this.directoryWriting) return false;
    const { gen } = this.sql
      .exec<{ gen: number }>(
        'INSERT INTO directory_sync (one, due_at, gen) VALUES (1, ?, 1) ON CONFLICT (one) DO UPDATE SET gen = gen + 1 RETURNING gen',
        dueAt,
      )
      .one();
    this.directoryMarked = true;
    return gen === 1;
  }

  /** When the pending mark is due (null: none); reads only. */
  directoryDueAt(): number | null {
    if (this.directoryMarked === false) return null;
    // The same statement as directorySync's (one statement to prepare when the object wakes).
    const row = this.sql.exec<{ due_at: number; gen: number }>(DIRECTORY_MARK).toArray()[0] ?? null;
    this.directoryMarked = row !== null;
    return row?.due_at ?? null;
  }

  /** The pending mark, for the write that is about to run (it must end in clear or retry). */
  directorySync(): { due_at: number; gen: number } | null {
    const row = this.sql.exec<{ due_at: number; gen: number }>(DIRECTORY_MARK).toArray()[0] ?? null;
    this.directoryMarked = row !== null;
    // Changes made while the write is in flight must bump the mark's generation.
    this.directoryWriting = row !== null;
    return row;
  }

  /** Clears the mark, unless a change marked it again while the write was in flight. */
  clearDirectorySync(gen: number): void {
    this.directoryMarked = this.sql.exec('DELETE FROM directory_sync WHERE one = 1 AND gen = ?', gen).rowsWritten === 0;
    this.directoryWriting = false;
  }

  retryDirectorySync(dueAt: number): void {
    this.sql.exec('UPDATE directory_sync SET due_at = ? WHERE one = 1', dueAt);
    this.directoryWriting = false;
  }

  // ---- message search (the D1 `message_search` index, appended with the directory write) ----

  /**
   * Messages with words not yet in the search index, oldest first: text, or a sent message's
   * text or card. A campaign's or flow's message is not indexed: the same words for every
   * recipient would make each of them match (a million rows for one campaign); the customer's
   * answer to it is.
   */
  unindexedMessages(limit: number): { seq: number; id: string; body: string }[] {
    return this.sql
      .exec<{ seq: number; id: string; body: string | null }>(
        `SELECT seq, id, COALESCE(text, json_extract(content, '$.text'),
           TRIM(COALESCE(json_extract(content, '$.card.title'), '') || ' ' || COALESCE(json_extract(content, '$.card.description'), ''))) AS body
         FROM messages WHERE seq > (SELECT indexed_seq FROM search_sync WHERE one = 1) AND campaign_id IS NULL ORDER BY seq LIMIT ?`,
        limit,
      )
      .toArray()
      .map((r) => ({ seq: r.seq, id: r.id, body: r.body ?? '' }));
  }

  markIndexed(seq: number): void {
    this.sql.exec('UPDATE search_sync SET indexed_seq = MAX(indexed_seq, ?) WHERE one = 1', seq);
  }

  // ---- timers ----

  addTimer(kind: string, dueAt: number, payload: unknown, id: string = crypto.randomUUID()): string {
    this.sql.exec(
      'INSERT OR REPLACE INTO timers (id, kind, due_at, payload) VALUES (?, ?, ?, ?)',
      id,
      kind,
      dueAt,
      JSON.stringify(payload),
    );
    return id;
  }

  /** Deletes a timer; true when there was one (the alarm may then point at nothing). */
  deleteTimer(id: string): boolean {
    return this.sql.exec('DELETE FROM timers WHERE id = ?', id).rowsWritten > 0;
  }

  /** Makes every timer whose id starts with `prefix` due at `at`; true when there was one. */
  bringForward(prefix: string, at: number): boolean {
    return this.sql.exec('UPDATE timers SET due_at = ? WHERE substr(id, 1, ?) = ?', at, prefix.length, prefix).rowsWritten > 0;
  }

  dueTimers(at: number): TimerRow[] {
    return this.sql.exec<TimerRow>('SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT 100', at).toArray();
  }

  /** The earliest due time of any timer or of a pending directory write. */
  earliestTimer(): number | null {
    return this.sql
      .exec<{ due: number | null }>(
        'SELECT MIN(due) AS due FROM (SELECT MIN(due_at) AS due FROM timers UNION ALL SELECT due_at FROM directory_sync)',
      )
      .one().due;
  }

  /** Whether a timer other than `except` is due at or before `at`. */
  timerDueBy(at: number, except: string): boolean {
    return this.sql.exec('SELECT 1 FROM timers WHERE due_at <= ? AND id <> ? LIMIT 1', at, except).toArray().length > 0;
  }

  hasTimer(id: string): boolean {
    return this.sql.exec('SELECT 1 FROM timers WHERE id = ?', id).toArray().length > 0;
  }

  timers(): TimerRow[] {
    return this.sql.exec<TimerRow>('SELECT * FROM timers ORDER BY due_at').toArray();
  }
}
