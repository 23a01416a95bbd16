// Console sign-in and sessions: passwords, rate limiting, expiry, sign-out, CSRF and cookies.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../worker/auth/password';
import { SESSION_IDLE_MS } from '../../worker/auth/session';
import { ensureSeeded } from '../../worker/auth/users';
import { api, createUser, loginRequest, sessionCookie, signIn, unique } from './helpers';

const sessionIdOf = async (cookie: string) => {
  const token = cookie.slice('sid='.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
};

describe('console passwords', () => {
  it('stores PBKDF2-SHA256 hashes with 100000 iterations and a per-user salt', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).toMatch(/^pbkdf2\$sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same passwore', a)).toBe(false);
    expect(await verifyPassword('same password', 'pbkdf2$sha256$100000$bad')).toBe(false);
  });
});

describe('sign-in', () => {
  it('signs in with the right password and returns the user and a CSRF token', async () => {
    const user = await createUser('agent');
    const res = await loginRequest(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    const body = await res.json<{ user: { id: string; email: string; role: string }; csrf: string }>();
    expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'agent' });
    expect(body.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = sessionCookie(res);
    expect(cookie).not.toBeNull();
    const me = await api({ cookie: cookie!, csrf: body.csrf, user }, '/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: user.id }, csrf: body.csrf });
  });

  it('stores only a hash of the session token', async () => {
    const s = await signIn('agent');
    const token = s.cookie.slice('sid='.length);
    const raw = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE id = ?').bind(token).first<{ n: number }>();
    const hashed = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE id = ?')
      .bind(await sessionIdOf(s.cookie))
      .first<{ n: number }>();
    expect(raw?.n).toBe(0);
    expect(hashed?.n).toBe(1);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const user = await createUser('agent');
    const res = await loginRequest(user.email, 'not the password');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(sessionCookie(res)).toBeNull();
  });

  it('refuses an unknown email with the same 401', async () => {
    const res = await loginRequest(`${unique('nobody')}@test.example`, 'whatever password');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_credentials' });
  });

  it('refuses a disabled account', async () => {
    const user = await createUser('agent');
    await env.DB.prepare('UPDATE users SET disabled = 1 WHERE id = ?').bind(user.id).run();
    const res = await loginRequest(user.email, user.password);
    expect(res.status).toBe(401);
  });

  it('names the bad field of a malformed sign-in', async () => {
    const res = await loginRequest('', 'x');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('email') });
  });

  it('rate limits an email after five failures, even with the right password', async () => {
    const user = await createUser('agent');
    const ip = { 'cf-connecting-ip': '203.0.113.7' };
    for (let i = 0; i < 5; i++) expect((await loginRequest(user.email, `wrong ${i}`, ip)).status).toBe(401);
    const blocked = await loginRequest(user.email, user.password, ip);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error: 'rate_limited' });
    // The window is fixed from the first failure: Retry-After is what is left of it, in seconds.
    const row = await env.DB.prepare('SELECT window_start FROM login_throttle WHERE key = ?')
      .bind(`account_ip|${user.email}|203.0.113.7`)
      .first<{ window_start: number }>();
    const left = (row!.window_start + 15 * 60 * 1000 - Date.now()) / 1000;
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(Math.abs(retryAfter - left)).toBeLessThanOrEqual(1);
    expect(sessionCookie(blocked)).toBeNull();
    // Another address is not punished for this one's failures.
    expect((await loginRequest(user.email, user.password, { 'cf-connecting-ip': '203.0.113.8' })).status).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const user = await createUser('agent');
    const res = await loginRequest(user.email, user.password, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'csrf_failed' });
  });

  it('creates the first admin from ADMIN_EMAIL once, however often it is asked', async () => {
    await Promise.all([ensureSeeded(env), ensureSeeded(env)]);
    await ensureSeeded(env);
    const users = await env.DB.prepare('SELECT COUNT(*) AS n FROM users WHERE email = ?').bind('admin@example.test').first<{ n: number }>();
    const total = await env.DB.prepare('SELECT COUNT(*) AS n FROM users').first<{ n: number }>();
    // Seeding only writes into an empty table; when it did, exactly one admin exists.
    expect(users!.n).toBeLessThanOrEqual(1);
    expect(total!.n).toBeGreaterThan(0);
  });
});

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax and not Secure on plain http://localhost', async () => {
    const user = await createUser('agent');
    const res = await loginRequest(user.email, user.password);
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
  });

  it('are Secure on https', async () => {
    const { exports } = await import('cloudflare:workers');
    const user = await createUser('agent');
    const res = await exports.default.fetch('https://console.example.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://console.example.test' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });
});

describe('sessions', () => {
  it('refuses the API without a session', async () => {
    const res = await api(null, '/api/auth/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('end after 12 idle hours', async () => {
    const s = await signIn('agent');
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?')
      .bind(Date.now() - SESSION_IDLE_MS - 1000, await sessionIdOf(s.cookie))
      .run();
    const res = await api(s, '/api/auth/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'session_expired' });
  });

  it('end at their absolute expiry even when active', async () => {
    const s = await signIn('agent');
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1, await sessionIdOf(s.cookie))
      .run();
    expect((await api(s, '/api/auth/me')).status).toBe(401);
  });

  it('slide forward while used', async () => {
    const s = await signIn('agent');
    const id = await sessionIdOf(s.cookie);
    const old = Date.now() - 60 * 60 * 1000;
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').bind(old, id).run();
    expect((await api(s, '/api/auth/me')).status).toBe(200);
    const row = await env.DB.prepare('SELECT last_seen_at FROM sessions WHERE id = ?').bind(id).first<{ last_seen_at: number }>();
    expect(row!.last_seen_at).toBeGreaterThan(old);
  });

  it('end at sign-out, and the old cookie no longer works', async () => {
    const s = await signIn('agent');
    const out = await api(s, '/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/sid=;/);
    expect((await api(s, '/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('refuses a state-changing request without the X-CSRF-Token header', async () => {
    const s = await signIn('agent');
    const res = await api(s, '/api/auth/logout', { method: 'POST', csrf: false });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'csrf_failed' });
    expect((await api(s, '/api/auth/me')).status).toBe(200);
  });

  it('refuses another session’s CSRF token', async () => {
    const a = await signIn('agent');
    const b = await signIn('agent');
    const res = await api({ ...a, csrf: b.csrf }, '/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(403);
  });

  it('refuses a state-changing request from another origin even with the token', async () => {
    const s = await signIn('agent');
    const res = await api(s, '/api/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'csrf_failed' });
  });
});

describe('roles', () => {
  it('lets an admin create a user and a marketer reach no admin route', async () => {
    const admin = await signIn('admin');
    const marketer = await signIn('marketer');
    const email = `${unique('new')}@test.example`;
    const created = await api(admin, '/api/users', {
      method: 'POST',
      body: { email, name: 'New', role: 'agent', password: 'a long password' },
    });
    expect(created.status).toBe(201);
    const denied = await api(marketer, '/api/users', {
      method: 'POST',
      body: { email: `${unique('m')}@test.example`, name: 'X', role: 'admin', password: 'a long password' },
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: 'forbidden' });
    const { id } = await created.json<{ id: string }>();
    expect((await api(marketer, `/api/users/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(marketer, '/api/users')).status).toBe(200);
  });

  it('ends a user’s sessions when an admin disables the account', async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const res = await api(admin, `/api/users/${agent.user.id}`, { method: 'PATCH', body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: agent.user.id, disabled: true });
    expect((await api(agent, '/api/auth/me')).status).toBe(401);
  });

  it('refuses a duplicate email with 409', async () => {
    const admin = await signIn('admin');
    const res = await api(admin, '/api/users', {
      method: 'POST',
      body: { email: admin.user.email, name: 'Dup', role: 'agent', password: 'a long password' },
    });
    expect(res.status).toBe(409);
  });
});
