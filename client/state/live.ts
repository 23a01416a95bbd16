/**
 * The console's one WebSocket (/api/ws → the Inbox object). Every event is validated against
 * the protocol's schema on receipt (anything else is dropped) and carries a `seq`; after a
 * reconnect we send `resume` with the last one seen so nothing is missed, and we refresh the
 * list and open thread as a belt-and-braces catch-up. Backoff is exponential with jitter,
 * capped at 15 s.
 */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { ServerEventSchema, WS_SESSION_ENDED, type ClientEvent, type ServerEvent } from '../../schemas/console';
import { onUnauthorized } from '../lib/auth-state';
import { reloadList } from './inbox';
import { applyConversation, applyProfile, openThread, setTyping, threadPhone, upsertMessage } from './thread';

export const connected = signal(false);
/** Set once the first connection opened, so the banner only shows for real drops. */
export const everConnected = signal(false);

let ws: WebSocket | null = null;
let lastSeq: number | null = null;
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let pinger: ReturnType<typeof setInterval> | undefined;
let stopped = true;
let helloOnThisSocket = false;

/** Refetch what the console shows (list + open thread) from the server. */
function catchUp(): void {
  void reloadList();
  const phone = threadPhone.value;
  if (phone) void openThread(phone);
}

function send(e: ClientEvent): void {
  if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(e));
}

function handle(e: ServerEvent): void {
  if ('seq' in e) {
    if (lastSeq !== null && e.seq <= lastSeq) return; // already applied (resume overlap)
    lastSeq = e.seq;
  }
  switch (e.type) {
    case 'hello': {
      if (lastSeq === null)
        lastSeq = e.cursor; // first connection: start from now
      else if (!helloOnThisSocket && e.cursor > lastSeq) {
        // Reconnected: ask for what we missed; the events fill the gap in order.
        send({ type: 'resume', after: lastSeq });
      } else if (helloOnThisSocket) {
        // A second hello answers a resume whose gap the server no longer holds: start over.
        lastSeq = e.cursor;
        catchUp();
      }
      helloOnThisSocket = true;
      break;
    }
    case 'conversation':
      applyConversation(e.conversation);
      break;
    case 'message':
      upsertMessage(e.phone, e.message);
      break;
    case 'profile':
      // Consent changed (STOP, an agent, the API, a carrier): the profile panel follows.
      applyProfile(e.phone, e.profile, e.consent_log);
      break;
    case 'typing':
      setTyping(e.phone);
      break;
    case 'pong':
      break;
  }
}

function connect(): void {
  if (stopped) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
  const sock = new WebSocket(url);
  ws = sock;
  helloOnThisSocket = false;
  sock.onopen = () => {
    attempt = 0;
    connected.value = true;
    everConnected.value = true;
    clearInterval(pinger);
    pinger = setInterval(() => send({ type: 'ping' }), 25_000);
  };
  sock.onmessage = (ev) => {
    let data: unknown;
    try {
      data = JSON.parse(String(ev.data));
    } catch {
      return;
    }
    const r = v.safeParse(ServerEventSchema, data);
    if (r.success) handle(r.output);
    else console.warn('live event dropped: not a valid server event', r.issues[0]?.message);
  };
  sock.onclose = (ev) => {
    if (ws !== sock) return;
    ws = null;
    connected.value = false;
    clearInterval(pinger);
    if (stopped) return;
    if (ev.code === WS_SESSION_ENDED) {
      // Signed out elsewhere, disabled, or given a new role: back to the sign-in page.
      stopLive();
      onUnauthorized();
      return;
    }
    const delay = Math.min(15_000, 500 * 2 ** attempt++) * (0.7 + Math.random() * 0.6);
    timer = setTimeout(connect, delay);
  };
}

export function startLive(): void {
  if (!stopped) return;
  stopped = false;
  attempt = 0;
  connect();
}

export function stopLive(): void {
  stopped = true;
  clearTimeout(timer);
  clearInterval(pinger);
  lastSeq = null;
  const s = ws;
  ws = null;
  s?.close();
  connected.value = false;
}

/** Reconnect now (e.g. the tab came back online) instead of waiting out the backoff. */
addEventListener('online', () => {
  if (!stopped && !ws) {
    clearTimeout(timer);
    attempt = 0;
    connect();
  }
});
