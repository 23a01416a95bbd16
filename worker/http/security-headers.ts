/**
 * Security headers on every Worker response (the policy lives in security-policy.ts), and
 * `Cache-Control: no-store` on the APIs: their answers are per user or per key and must not
 * sit in a shared or browser cache.
 */
import { createMiddleware } from 'hono/factory';
import { responseHeaders } from './security-policy';

const NEVER_CACHED = /^\/(api|v1)(\/|$)/;

export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    // A WebSocket handshake's 101 carries no document.
    if (c.res.status === 101) return;
    const headers = responseHeaders(c.req.path);
    // A route that sets its own, stricter policy (customers' files are served sandboxed) keeps it.
    if (c.res.headers.has('content-security-policy')) delete headers['Content-Security-Policy'];
    // Unless the route chose its own (a customer's file is private but immutable: the browser may keep it).
    if (NEVER_CACHED.test(c.req.path) && !c.res.headers.has('cache-control')) headers['Cache-Control'] = 'no-store';
    // Responses fetched from a Durable Object have immutable headers: copy those first.
    if (!trySet(c.res.headers, headers)) {
      c.res = new Response(c.res.body, c.res);
      trySet(c.res.headers, headers);
    }
  });
}

function trySet(target: Headers, headers: Record<string, string>): boolean {
  try {
    for (const [name, value] of Object.entries(headers)) target.set(name, value);
    return true;
  } catch {
    return false;
  }
}
