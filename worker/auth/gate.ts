/**
 * The `/api/*` gate: every console route needs a live session and, when it changes state, the
 * CSRF token; only the health check and sign-in are open. Mounted once in worker/index.ts so
 * no router can forget it.
 */
import { createMiddleware } from 'hono/factory';
import { csrf, session, type ConsoleEnv } from './session';

const OPEN_PATHS = new Set(['/api/health', '/api/auth/login']);

export function consoleGate() {
  const needSession = session();
  const needCsrf = csrf();
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) return next();
    await needSession(c, async () => {
      await needCsrf(c, next);
    });
  });
}
