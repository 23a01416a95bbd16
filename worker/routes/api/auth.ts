/**
 * `/api/auth`: sign in (rate limited per email+IP and per IP), sign out, and who am I.
 * Sign-in is the one state-changing console route without a session, so it checks the
 * Origin itself; the others are behind the `/api/*` session and CSRF gate.
 */
import { Hono } from 'hono';
import type { SessionInfo } from '../../../schemas/console-api';
import { LoginSchema } from '../../../schemas/console-api';
import { HttpError } from '../../errors';
import { dummyHash, verifyPassword } from '../../auth/password';
import { assertSameOrigin, endSession, startSession, type ConsoleEnv } from '../../auth/session';
import { ensureSeeded, toConsoleUser, type UserRow } from '../../auth/users';
import { body } from './validate';

/** Failed sign-ins allowed per email and IP within the window before 429. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed sign-ins allowed per IP (any email) within the window: stops password spraying. */
export const MAX_FAILURES_PER_IP = 50;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

const clientIp = (c: { req: { header(name: string): string | undefined } }) => c.req.header('cf-connecting-ip') ?? 'local';

export const auth = new Hono<ConsoleEnv>()
  .post('/login', async (c) => {
    assertSameOrigin(c);
    const { email, password } = await body(c, LoginSchema);
    const ip = clientIp(c);
    const emailKey = `email|${email}|${ip}`;
    const ipKey = `ip|${ip}`;
    const now = Date.now();
    const since = now - FAILURE_WINDOW_MS;
    const counts = await c.env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM login_attempts WHERE key = ?1 AND at > ?3) AS by_email,
              (SELECT COUNT(*) FROM login_attempts WHERE key = ?2 AND at > ?3) AS by_ip`,
    )
      .bind(emailKey, ipKey, since)
      .first<{ by_email: number; by_ip: number }>();
    if (counts && (counts.by_email >= MAX_FAILURES_PER_EMAIL || counts.by_ip >= MAX_FAILURES_PER_IP)) {
      const res = new HttpError(429, 'rate_limited', 'Too many failed sign-ins; wait 15 minutes and try again.').toResponse();
      res.headers.set('Retry-After', String(Math.ceil(FAILURE_WINDOW_MS / 1000)));
      return res;
    }

    await ensureSeeded(c.env);
    const row = await c.env.DB.prepare('SELECT id, email, name, role, password_hash, created_at, disabled FROM users WHERE email = ?')
      .bind(email)
      .first<UserRow>();
    // Unknown accounts verify against a dummy hash so both paths take the same time.
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (!row || !ok || row.disabled) {
      await c.env.DB.batch([
        c.env.DB.prepare('INSERT INTO login_attempts (key, at) VALUES (?, ?), (?, ?)').bind(emailKey, now, ipKey, now),
        // Old attempts no longer count; drop them so the table stays small.
        c.env.DB.prepare('DELETE FROM login_attempts WHERE at <= ?').bind(now - 24 * 60 * 60 * 1000),
      ]);
      throw new HttpError(401, 'invalid_credentials', 'Wrong email or password.');
    }
    await c.env.DB.batch([
      c.env.DB.prepare('DELETE FROM login_attempts WHERE key = ?').bind(emailKey),
      // Sessions past their absolute expiry are dead anyway; sign-in is a rare, cheap moment to drop them.
      c.env.DB.prepare('DELETE FROM sessions WHERE expires_at <= ?').bind(now),
    ]);
    const session = await startSession(c, row.id);
    const { disabled: _disabled, ...user } = toConsoleUser(row);
    return c.json({ user, csrf: session.csrf } satisfies SessionInfo);
  })
  .post('/logout', async (c) => {
    await endSession(c, c.var.session.id);
    return c.body(null, 204);
  })
  .get('/me', (c) => c.json({ user: c.var.user, csrf: c.var.session.csrf } satisfies SessionInfo));
