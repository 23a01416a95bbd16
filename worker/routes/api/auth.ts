/**
 * `/api/auth`: sign in (throttled per account and address, per address and per account:
 * worker/auth/throttle.ts), sign out, and who am I. Sign-in is the one state-changing console
 * route without a session, so it checks the Origin itself; the others are behind the `/api/*`
 * session and CSRF gate.
 */
import { Hono } from 'hono';
import { LoginSchema, type SessionInfo } from '../../../schemas/users';
import { HttpError } from '../../errors';
import { dummyHash, verifyPassword } from '../../auth/password';
import { assertSameOrigin, endSession, startSession, type ConsoleEnv } from '../../auth/session';
import { clearAttempt, pruneAttempts, recordAttempt } from '../../auth/throttle';
import { ensureSeeded, toConsoleUser, type UserRow } from '../../auth/users';
import { jsonBody } from '../validate';

const clientIp = (c: { req: { header(name: string): string | undefined } }) => c.req.header('cf-connecting-ip') ?? 'local';

export const auth = new Hono<ConsoleEnv>()
  .post(
    '/login',
    async (c, next) => {
      assertSameOrigin(c);
      await next();
    },
    jsonBody(LoginSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      // Counted before the (slow, ~50 ms) password check, so parallel guesses all see each other.
      const verdict = await recordAttempt(c.env.DB, email, clientIp(c));
      if (!verdict.allowed) {
        const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
        const res = new HttpError(
          429,
          'rate_limited',
          `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        ).toResponse();
        res.headers.set('Retry-After', String(verdict.retryAfterSeconds));
        return res;
      }

      await ensureSeeded(c.env, c.req.url);
      const row = await c.env.DB.prepare('SELECT id, email, name, role, password_hash, created_at, disabled FROM users WHERE email = ?')
        .bind(email)
        .first<UserRow>();
      // Unknown accounts verify against a dummy hash so both paths take the same time.
      const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
      if (!row || !ok || row.disabled) {
        await pruneAttempts(c.env.DB);
        throw new HttpError(401, 'invalid_credentials', 'Wrong email or password.');
      }
      await Promise.all([
        clearAttempt(c.env.DB, verdict.attempt),
        // Sessions past their absolute expiry are dead anyway; sign-in is a rare, cheap moment to drop them.
        c.env.DB.prepare('DELETE FROM sessions WHERE expires_at <= ?').bind(Date.now()).run(),
      ]);
      const session = await startSession(c, row.id);
      const { disabled: _disabled, ...user } = toConsoleUser(row);
      return c.json({ user, csrf: session.csrf } satisfies SessionInfo);
    },
  )
  .post('/logout', async (c) => {
    await endSession(c, c.var.session.id);
    return c.body(null, 204);
  })
  .get('/me', (c) => c.json({ user: c.var.user, csrf: c.var.session.csrf } satisfies SessionInfo));
