/**
 * The consoles' live channel inside the Inbox: the agents' WebSockets (hibernation API) and
 * the append-only event log behind them. Every broadcast event gets a monotonically
 * increasing `seq`, so a reconnecting console catches up with `resume`; the Worker has
 * authenticated the session before forwarding an upgrade (identity arrives in headers only it
 * sets).
 */
import * as v from 'valibot';
import { ClientEventSchema, type ServerEvent, WS_SESSION_ENDED } from '../../schemas/console';
import type { Role } from '../../schemas/console-api';
import { toE164 } from '../../schemas/phone';
import { liveSessions } from '../auth/session-check';
import { WS_ROLE_HEADER, WS_SESSION_HEADER, WS_USER_HEADER } from './client';

/** How many events are kept for `resume`; older gaps get a fresh `hello` (refetch). */
export const KEEP_EVENTS = 5000;
/** At most this many events are replayed on `resume`; beyond, refetching is cheaper. */
export const MAX_REPLAY = 1000;
/** Four bindings per event, and a Durable Object's SQLite takes at most 100 per statement. */
const EVENTS_PER_INSERT = 25;

/** An event as stored in the log: a server event without its `seq` (the log assigns it). */
export type StoredEvent = DistributiveOmit<Exclude<ServerEvent, { type: 'hello' } | { type: 'pong' }>, 'seq'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface SocketAttachment {
  userId: string;
  role: Role;
  /** When the socket's session was last found alive (see `SESSION_RECHECK_MS`). */
  checkedAt?: number;
}

/**
 * How often an open socket's session is checked again (the object's alarm): a session that
 * expires while its console stays open (12 h idle, 7 days absolute) stops receiving customers'
 * messages within this delay. Pings are answered without waking the object, so they cannot.
 */
export const SESSION_RECHECK_MS = 5 * 60 * 1000;

export class LiveChannel {
  private readonly sql: SqlStorage;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    this.sql = ctx.storage.sql;
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  /** The current end of the event log (what `hello` carries). */
  lastSeq(): number {
    // sqlite_sequence survives trimming, so the cursor never goes back.
    const row = this.sql.exec<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").toArray()[0];
    return row?.seq ?? 0;
  }

  /** Events after `after`, or null when the gap is too old or too long to replay. */
  eventsAfter(after: number): ServerEvent[] | null {
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

  /** Appends to the event log (for `resume`) and sends to every connected console. */
  emit(payload: StoredEvent, phone: string): void {
    this.emitAll([{ payload, phone }]);
  }

  /** `emit` for several events, in order, with one write to the log (per 25: SQLite's 100 bindings). */
  emitAll(events: readonly { payload: StoredEvent; phone: string }[]): void {
    if (events.length === 0) return;
    const at = new Date().toISOString();
    const json = events.map((e) => JSON.stringify(e.payload));
    const seqs: number[] = [];
    for (let from = 0; from < events.length; from += EVENTS_PER_INSERT) {
      const chunk = events.slice(from, from + EVENTS_PER_INSERT);
      const params: SqlStorageValue[] = [];
      for (const [i, e] of chunk.entries()) params.push(e.payload.type, e.phone, at, json[from + i] ?? '');
      const rows = this.sql
        .exec<{ seq: number }>(
          `INSERT INTO events (type, phone, at, payload) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} RETURNING seq`,
          ...params,
        )
        .toArray();
      // Rows are inserted in order, so the i-th smallest seq is the i-th event's.
      seqs.push(...rows.map((r) => r.seq).sort((a, b) => a - b));
    }
    const first = seqs[0] ?? 0;
    const last = seqs.at(-1) ?? 0;
    // Every 500 events, drop what is older than the replay window.
    if (Math.floor(last / 500) > Math.floor((first - 1) / 500)) this.sql.exec('DELETE FROM events WHERE seq <= ?', last - KEEP_EVENTS);
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return;
    // Same text as JSON.stringify({ ...payload, seq }) without serializing the payload twice
    // (a message event carries the whole MessageView).
    const texts = json.map((j, i) => `${j.slice(0, -1)},"seq":${seqs[i]}}`);
    for (const ws of sockets) {
      for (const text of texts) {
        try {
          ws.send(text);
        } catch {
          // A socket closing mid-broadcast: it will resume from its last seq.
        }
      }
    }
  }

  /** Accepts a WebSocket forwarded by the Worker (which has already checked the session). */
  accept(request: Request): Response {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return Response.json({ error: 'upgrade_required', message: 'Expected a WebSocket upgrade.' }, { status: 426 });
    }
    const userId = request.headers.get(WS_USER_HEADER);
    const role = request.headers.get(WS_ROLE_HEADER);
    const sessionId = request.headers.get(WS_SESSION_HEADER);
    if (!userId || !sessionId || (role !== 'admin' && role !== 'agent' && role !== 'marketer')) {
      return Response.json({ error: 'unauthorized', message: 'Sign in to use the console.' }, { status: 401 });
    }
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [`user:${userId}`, `role:${role}`, `session:${sessionId}`]);
    server.serializeAttachment({ userId, role, checkedAt: Date.now() } satisfies SocketAttachment);
    server.send(JSON.stringify({ type: 'hello', cursor: this.lastSeq() } satisfies ServerEvent));
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Closes the sockets of one session, or of every session of a user: a session that ended
   * (sign-out, disabled account, new role or password) stops receiving customers' messages at
   * once, not at its next reconnect.
   */
  closeSockets(by: { session: string } | { user: string }): number {
    const tag = 'session' in by ? `session:${by.session}` : `user:${by.user}`;
    const sockets = this.ctx.getWebSockets(tag);
    for (const ws of sockets) {
      try {
        ws.close(WS_SESSION_ENDED, 'session ended');
      } catch {
        // Already closed.
      }
    }
    return sockets.length;
  }

  /** A console's message: ping, resume after a reconnect, or the agent typing. Anything else is ignored. */
  async onMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
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
        const missed = this.eventsAfter(event.after);
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

  /** When the next open socket's session is due for a check (`SESSION_RECHECK_MS`), or null without sockets. */
  nextSessionCheck(): number | null {
    let next: number | null = null;
    for (const ws of this.ctx.getWebSockets()) {
      const at = ((ws.deserializeAttachment() as SocketAttachment | null)?.checkedAt ?? 0) + SESSION_RECHECK_MS;
      if (next === null || at < next) next = at;
    }
    return next;
  }

  /**
   * Checks again the sessions of the sockets that are due (one D1 read for all of them) and
   * closes, with 4401, those whose session has ended meanwhile: the console then shows the
   * sign-in page. A D1 error keeps them open until the next check.
   */
  async closeExpiredSessions(now = Date.now()): Promise<number> {
    const due = this.ctx.getWebSockets().flatMap((ws) => {
      const who = ws.deserializeAttachment() as SocketAttachment | null;
      const tag = this.ctx.getTags(ws).find((t) => t.startsWith('session:'));
      return who && (who.checkedAt ?? 0) + SESSION_RECHECK_MS <= now ? [{ ws, who, session: tag?.slice('session:'.length) ?? '' }] : [];
    });
    if (due.length === 0) return 0;
    const alive = await liveSessions(
      this.env.DB,
      due.map((d) => d.session),
      now,
    );
    if (alive === null) return 0;
    let closed = 0;
    for (const d of due) {
      if (alive.has(d.session)) {
        d.ws.serializeAttachment({ ...d.who, checkedAt: now } satisfies SocketAttachment);
        continue;
      }
      try {
        d.ws.close(WS_SESSION_ENDED, 'session expired');
        closed++;
      } catch {
        // Already closed.
      }
    }
    return closed;
  }

  onClose(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed: nothing to do.
    }
  }

  onError(ws: WebSocket): void {
    try {
      ws.close(1011, 'error');
    } catch {
      // Already closed.
    }
  }
}
