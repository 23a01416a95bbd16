/**
 * Console sessions: a random 256-bit token in an HttpOnly cookie, stored in D1 only as its
 * SHA-256 so a database leak cannot be replayed. Sliding expiry (12 h idle, 7 days absolute),
 * a per-session CSRF token required on every state-changing request, an Origin check, and the
 * middleware factories `session()`, `csrf()` and `requireRole(...)` the `/api/*` routes use.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role, SessionUser } from '../../schemas/users';
import { HttpError } from '../errors';
import { inboxStub } from '../inbox/client';
import { randomToken, secretsEqual, sha256Hex } from '../lib/crypto';
import { SESSION_MAX_MS, sessionExpired } from './session-check';

export const SESSION_COOKIE = 'sid';
export { SESSION_IDLE_MS, SESSION_MAX_MS } from './session-check';
/** `last_seen_at` is rewritten at most this often, to spare a D1 write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionRef {
  /** SHA-256 of the cookie token (the row id). */
  id: string;
  csrf: string;
}
export type ConsoleVariables = { user: SessionUser; session: SessionRef };
export type ConsoleEnv = { Bindings: Env; Variables: ConsoleVariables };

/** Plain http is only tolerated on localhost, so `npm start` works in a browser. */
function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

/** Creates a session row for `userId` and sets its cookie; returns the CSRF token for the client. */
export async function startSession(c: Context<ConsoleEnv>, userId: string): Promise<SessionRef> {
  const token = randomToken(32);
  const id = await sha256Hex(token);
  const csrf = randomToken(32);
  const now = Date.now();
  await c.env.DB.prepare('INSERT INTO sessions (id, user_id, csrf, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(id, userId, csrf, now, now + SESSION_MAX_MS, now)
    .run();
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: !isLocalHttp(new URL(c.req.url)),
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_MAX_MS / 1000,
  });
  return { id, csrf };
}

export async function endSession(c: Context<ConsoleEnv>, sessionId: string): Promise<void> {
  await c.env.DB.prepare('DELETE FROM sessions WHERE id = ?').bind(sessionId).run();
  await closeSockets(c.env, { session: sessionId });
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocalHttp(new URL(c.req.url)) });
}

/** Ends every session of a user (password change, role change, disabled). */
export async function endUserSessions(env: Env, userId: string): Promise<void> {
  await env.DB.prepare('DELETE FROM sessions WHERE user_id = ?').bind(userId).run();
  await closeSockets(env, { user: userId });
}

/** The session row is gone either way; a socket left open is closed at its next reconnect. */
async function closeSockets(env: Env, by: { session: string } | { user: string }): Promise<void> {
  try {
    await inboxStub(env).closeSockets(by);
  } catch (err) {
    console.warn('live sockets of an ended session not closed', err);
  }
}

interface SessionRow {
  id: string;
  csrf: string;
  expires_at: number;
  last_seen_at: number;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  disabled: number;
}

/** Resolves the cookie to a live session, or throws 401. Expired sessions are deleted. */
async function loadSession(c: Context<ConsoleEnv>): Promise<{ user: SessionUser; session: SessionRef }> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) throw new HttpError(401, 'unauthorized', 'Sign in to use the console.');
  const id = await sha256Hex(token);
  const row = await c.env.DB.prepare(
    `SELECT s.id, s.csrf, s.expires_at, s.last_seen_at, u.id AS user_id, u.email, u.name, u.role, u.disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
  )
    .bind(id)
    .first<SessionRow>();
  if (!row) throw new HttpError(401, 'unauthorized', 'Sign in to use the console.');
  const now = Date.now();
  if (sessionExpired(row, now)) {
    await c.env.DB.prepare('DELETE FROM sessions WHERE id = ?').bind(id).run();
    throw new HttpError(401, 'session_expired', 'Your session has expired; sign in again.');
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
    await c.env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').bind(now, id).run();
  }
  return {
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    session: { id: row.id, csrf: row.csrf },
  };
}

/** Requires a signed-in console user; sets `c.var.user` and `c.var.session`. */
export function session() {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const { user, session } = await loadSession(c);
    c.set('user', user);
    c.set('session', session);
    await next();
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site requests: an `Origin` (sent by browsers on every POST and WebSocket
 * handshake) must be this deployment's; `Sec-Fetch-Site: cross-site` is refused too.
 */
export function assertSameOrigin(c: Context<ConsoleEnv>): void {
  const origin = c.req.header('origin');
  const allowed = new Set([new URL(c.req.url).origin]);
  const publicUrl = c.env.PUBLIC_URL;
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      // A malformed PUBLIC_URL only narrows what is accepted.
    }
  }
  if (origin !== undefined && !allowed.has(origin)) {
    throw new HttpError(403, 'csrf_failed', 'This request came from another site and was refused.');
  }
  if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') {
    throw new HttpError(403, 'csrf_failed', 'This request came from another site and was refused.');
  }
}

/** On state-changing methods: same origin, and `X-CSRF-Token` equal to the session's token. */
export function csrf() {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      assertSameOrigin(c);
      const sent = c.req.header('x-csrf-token');
      if (!sent || !(await secretsEqual(sent, c.var.session.csrf))) {
        throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header; reload the console.');
      }
    }
    await next();
  });
}

/** Only these roles may continue (after `session()`); others get 403. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) {
      throw new HttpError(403, 'forbidden', `This needs the ${roles.join(' or ')} role.`);
    }
    await next();
  });
}

/** Inbox writes: agents and admins; marketers read the inbox only. */
export const canWriteInbox = () => requireRole('admin', 'agent');
