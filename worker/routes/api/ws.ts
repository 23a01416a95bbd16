/**
 * `GET /api/ws`: the console's live channel. The `/api/*` gate has already checked the session
 * cookie; here the Worker checks the Origin (cross-site WebSocket hijacking) and forwards the
 * upgrade to the Inbox object with the user's id and role in headers it alone sets. The
 * browser never chooses who it is or which object it talks to.
 */
import { Hono } from 'hono';
import { assertSameOrigin, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import { inboxStub, WS_ROLE_HEADER, WS_SESSION_HEADER, WS_USER_HEADER } from '../../inbox/client';

export const ws = new Hono<ConsoleEnv>().get('/', async (c) => {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
    throw new HttpError(400, 'upgrade_required', 'Open /api/ws as a WebSocket.');
  }
  assertSameOrigin(c);
  const headers = new Headers(c.req.raw.headers);
  // Only the session decides identity: drop whatever the client sent under these names.
  headers.set(WS_USER_HEADER, c.var.user.id);
  headers.set(WS_ROLE_HEADER, c.var.user.role);
  // The socket is tagged with its session, so ending the session closes it.
  headers.set(WS_SESSION_HEADER, c.var.session.id);
  headers.delete('cookie');
  return inboxStub(c.env).fetch(new Request(c.req.url, { method: 'GET', headers }));
});
