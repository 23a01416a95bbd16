/**
 * Inbox: the conversation list projection and the agents' WebSockets. It coordinates what
 * every console sees live: one row per customer conversation, an append-only event log so a
 * reconnecting console catches up, and the broadcast of conversation, message, typing and
 * profile events. It receives only conversation-level changes from Profile objects (batched,
 * one call per Profile entry point), never per-message status storms from campaigns.
 * Time-based snoozes wake through the object's alarm.
 *
 * The parts live in worker/inbox/: migrations.ts (schema), projection.ts (the rows),
 * list.ts (pages, cursors, tab counts), sockets.ts (WebSockets and the event log), client.ts
 * (what callers import: the stub, the ops, the upgrade headers).
 */
import { DurableObject } from 'cloudflare:workers';
import type { ConversationActivity, ConversationSummary, ServerEvent } from '../schemas/console';
import type { ConversationPatch } from '../schemas/console-api';
import type { MessageView } from '../schemas/messages';
import type { InboxOp, ThreadEvent } from './inbox/client';
import { type ListPage, type ListQuery, listPage } from './inbox/list';
import { migrateInbox } from './inbox/migrations';
import { type ConversationRow, iso, Projection, toSummary } from './inbox/projection';
import { LiveChannel, type StoredEvent } from './inbox/sockets';

export { inboxStub, type InboxOp, type ThreadEvent, WS_ROLE_HEADER, WS_USER_HEADER } from './inbox/client';
export { decodeCursor, encodeCursor, type ListPage, type ListQuery, listStatements } from './inbox/list';
export { KEEP_EVENTS, MAX_REPLAY } from './inbox/sockets';

export class Inbox extends DurableObject<Env> {
  protected readonly projection: Projection;
  private readonly live: LiveChannel;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.projection = new Projection(ctx.storage);
    this.live = new LiveChannel(ctx, env);
    void ctx.blockConcurrencyWhile(async () => migrateInbox(ctx.storage.sql));
  }

  // ---------------------------------------------------------------- Profile → Inbox

  /** A Profile's changes, in order, in one call (see worker/profile/core.ts `run`): one log write. */
  async apply(ops: readonly InboxOp[]): Promise<void> {
    const events: { payload: StoredEvent; phone: string }[] = [];
    for (const op of ops) {
      switch (op.type) {
        case 'activity': {
          const row = this.projection.applyActivity(op.activity);
          if (row) events.push({ payload: { type: 'conversation', conversation: toSummary(row) }, phone: row.phone });
          if (op.message)
            events.push({ payload: { type: 'message', phone: op.activity.phone, message: op.message }, phone: op.activity.phone });
          break;
        }
        case 'message':
          events.push({ payload: { type: 'message', phone: op.phone, message: op.message }, phone: op.phone });
          break;
        case 'typing':
          events.push({ payload: { type: 'typing', phone: op.phone, at: iso(op.at) }, phone: op.phone });
          break;
        case 'profile':
          events.push({
            payload: { type: 'profile', phone: op.phone, profile: op.profile, consent_log: op.consent_log },
            phone: op.phone,
          });
          break;
      }
    }
    this.live.emitAll(events);
  }

  /** A conversation changed: create or update its row, reopen on customer activity, broadcast. */
  async conversationActivity(activity: ConversationActivity): Promise<void> {
    await this.apply([{ type: 'activity', activity, message: null }]);
  }

  /** The conversation change and the thread message that caused it, in that order. */
  async conversationEvent(activity: ConversationActivity, message: MessageView | null): Promise<void> {
    await this.apply([{ type: 'activity', activity, message }]);
  }

  /** Broadcast a thread change (new message, tap, status tick, typing) to connected consoles. */
  async threadEvent(phone: string, event: ThreadEvent): Promise<void> {
    await this.apply([
      event.type === 'message' ? { type: 'message', phone, message: event.message } : { type: 'typing', phone, at: event.at },
    ]);
  }

  // ---------------------------------------------------------------- console routes → Inbox

  async get(phone: string): Promise<ConversationSummary | null> {
    const row = this.projection.row(phone);
    return row ? toSummary(row) : null;
  }

  /** One page of the list, newest activity first, with the tab counts for the same filters. */
  async list(query: ListQuery): Promise<ListPage> {
    return listPage(this.ctx.storage.sql, query);
  }

  /** Status, assignee, labels and snooze changes from an agent. Null when the conversation is unknown. */
  async update(phone: string, patch: ConversationPatch): Promise<ConversationSummary | null> {
    const written = this.projection.update(phone, patch);
    if (!written) return null;
    if (written.rearm) await this.scheduleAlarm();
    this.emitConversation(written.row);
    return toSummary(written.row);
  }

  /** The agent opened the conversation: nothing unread, and the stop-mention flag is seen. */
  async markRead(phone: string): Promise<ConversationSummary | null> {
    const read = this.projection.markRead(phone);
    if (!read) return null;
    if (read.changed) this.emitConversation(read.row);
    return toSummary(read.row);
  }

  /** The current end of the event log (what `hello` carries). */
  async cursor(): Promise<number> {
    return this.live.lastSeq();
  }

  /** Events after `after`, or null when the gap is too old or too long to replay. */
  async eventsAfter(after: number): Promise<ServerEvent[] | null> {
    return this.live.eventsAfter(after);
  }

  /** Closes the live sockets of an ended session, or of every session of a user. */
  async closeSockets(by: { session: string } | { user: string }): Promise<number> {
    return this.live.closeSockets(by);
  }

  // ---------------------------------------------------------------- WebSockets (hibernation API)

  override async fetch(request: Request): Promise<Response> {
    const res = this.live.accept(request);
    // An open socket's session is checked again by the alarm (see LiveChannel).
    if (res.status === 101) await this.scheduleAlarm();
    return res;
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.live.onMessage(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.live.onClose(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.live.onError(ws);
  }

  // ---------------------------------------------------------------- alarm: snoozes, sessions

  /**
   * Wakes every conversation whose snooze time has come, closes the sockets whose session
   * ended while they were open, then re-arms for the earliest of the two.
   */
  override async alarm(): Promise<void> {
    for (const row of this.projection.wakeDue(new Date().toISOString())) this.emitConversation(row);
    await this.live.closeExpiredSessions();
    await this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    const snooze = this.projection.nextSnooze();
    const times = [snooze ? new Date(snooze).getTime() : null, this.live.nextSessionCheck()].filter((t) => t !== null);
    if (times.length) await this.ctx.storage.setAlarm(Math.min(...times));
    else await this.ctx.storage.deleteAlarm();
  }

  private emitConversation(row: ConversationRow): void {
    this.live.emit({ type: 'conversation', conversation: toSummary(row) }, row.phone);
  }
}
