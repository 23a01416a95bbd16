// Sign-in throttling under parallel guesses: every attempt is counted before its password is
// checked, so a burst cannot outrun the count; the lock-outs are bounded windows.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../worker/auth/throttle';
import { createUser, loginRequest, sessionCookie } from './helpers';

const address = (i: number) => ({ 'cf-connecting-ip': `198.51.100.${i}` });

async function statuses(responses: Promise<Response>[]): Promise<{ counts: Record<number, number>; throttled: Response[] }> {
  const all = await Promise.all(responses);
  const counts: Record<number, number> = {};
  for (const r of all) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { counts, throttled: all.filter((r) => r.status === 429) };
}

/** Moves every window of `email` into the past, as if WINDOW_MS had gone by. */
async function windowPasses(email: string): Promise<void> {
  await env.DB.prepare('UPDATE login_throttle SET window_start = window_start - ? - 1 WHERE key LIKE ?')
    .bind(SIGN_IN_LIMITS.windowMs, `%|${email}%`)
    .run();
}

describe('sign-in throttling', () => {
  it('checks at most 5 of 40 parallel wrong guesses at one account from one address; the rest get 429 with Retry-After', async () => {
    const user = await createUser('admin');
    const { counts, throttled } = await statuses(
      Array.from({ length: 40 }, (_, i) => loginRequest(user.email, `wrong guess ${i}`, address(1))),
    );
    expect(counts[401]).toBe(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(counts[429]).toBe(40 - SIGN_IN_LIMITS.perAccountAndAddress);
    for (const r of throttled) {
      expect(await r.json()).toMatchObject({ error: 'rate_limited' });
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs / 1000);
    }
  });

  it('checks at most 20 of 40 parallel wrong guesses at one account from 40 addresses', async () => {
    const user = await createUser('admin');
    const { counts } = await statuses(Array.from({ length: 40 }, (_, i) => loginRequest(user.email, `wrong guess ${i}`, address(i + 10))));
    expect(counts[401]).toBe(SIGN_IN_LIMITS.perAccount);
    expect(counts[429]).toBe(40 - SIGN_IN_LIMITS.perAccount);
  });

  it('refuses even the right password once the account is capped, until the window has passed', async () => {
    const user = await createUser('admin');
    await statuses(Array.from({ length: 30 }, (_, i) => loginRequest(user.email, `wrong guess ${i}`, address(100 + i))));
    const refused = await loginRequest(user.email, user.password, address(200));
    expect(refused.status).toBe(429);
    expect(sessionCookie(refused)).toBeNull();
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    await windowPasses(user.email);
    const accepted = await loginRequest(user.email, user.password, address(200));
    expect(accepted.status).toBe(200);
    expect(sessionCookie(accepted)).not.toBeNull();
  });

  it('does not let one address lock an account for everybody', async () => {
    const user = await createUser('admin');
    const { counts } = await statuses(Array.from({ length: 40 }, (_, i) => loginRequest(user.email, `wrong guess ${i}`, address(2))));
    expect(counts[401]).toBe(SIGN_IN_LIMITS.perAccountAndAddress);
    expect((await loginRequest(user.email, user.password, address(3))).status).toBe(200);
  });

  it('starts an account and address afresh after a successful sign-in', async () => {
    const user = await createUser('agent');
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress - 1; i++) {
      expect((await loginRequest(user.email, `wrong ${i}`, address(4))).status).toBe(401);
    }
    expect((await loginRequest(user.email, user.password, address(4))).status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++) {
      expect((await loginRequest(user.email, `wrong again ${i}`, address(4))).status).toBe(401);
    }
    expect((await loginRequest(user.email, user.password, address(4))).status).toBe(429);
  });
});
