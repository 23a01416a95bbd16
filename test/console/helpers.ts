// Shared helpers for the console suites: make an account straight in D1, sign in through the
// Worker's fetch, and call /api routes with the session cookie and CSRF token.
import { env, exports } from 'cloudflare:workers';
import type { Role } from '../../schemas/console-api';
import { hashPassword } from '../../worker/auth/password';

export const BASE = 'http://localhost';

let counter = 0;
/** A unique suffix so no two tests share an account, phone or label. */
export const unique = (prefix = 'x') =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function createUser(role: Role, password = 'correct horse battery'): Promise<TestUser> {
  const id = unique('u_');
  const email = `${unique(role)}@test.example`;
  await env.DB.prepare('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(id, email, `Test ${role}`, role, await hashPassword(password), new Date().toISOString())
    .run();
  return { id, email, password, role };
}

export interface Session {
  cookie: string;
  csrf: string;
  user: TestUser;
}

export function loginRequest(email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Reads `sid=...` out of a Set-Cookie header. */
export function sessionCookie(res: Response): string | null {
  const header = res.headers.get('set-cookie');
  const match = header ? /(?:^|,\s*)sid=([^;]+)/.exec(header) : null;
  return match?.[1] ? `sid=${match[1]}` : null;
}

export async function signIn(role: Role): Promise<Session> {
  const user = await createUser(role);
  const res = await loginRequest(user.email, user.password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrf } = await res.json<{ csrf: string }>();
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf, user };
}

/** Calls an /api route as `s`, with the CSRF token and a same-origin Origin unless overridden. */
export function api(
  s: Session | null,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: BASE, ...init.headers };
  if (s) headers.cookie = s.cookie;
  if (s && init.csrf !== false) headers['x-csrf-token'] = s.csrf;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return exports.default.fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

let phoneCounter = 0;
/** A valid French mobile number no other test uses. */
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 1) % 1000;
  const rand = Math.floor(Math.random() * 100_000)
    .toString()
    .padStart(5, '0');
  // 063x and 069x are partly unallocated in the full numbering plan: 073x / 079x are not.
  return `+33${rand[0] === '3' || rand[0] === '9' ? '7' : '6'}${rand}${phoneCounter.toString().padStart(3, '0')}`;
}

/** A WebSocket client that queues what it receives and waits for a matching message. */
export class WsClient {
  readonly received: unknown[] = [];
  private waiters: { match: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  /** Settles with the close code and reason when the server closes the socket. */
  readonly closed: Promise<{ code: number; reason: string }>;
  constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })));
    ws.accept();
    ws.addEventListener('message', (e) => {
      const data: unknown = JSON.parse(String(e.data));
      this.received.push(data);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(data)) return true;
        w.resolve(data);
        return false;
      });
    });
  }
  send(data: unknown): void {
    this.ws.send(JSON.stringify(data));
  }
  /** The first message (already received or next) that matches, or a timeout error. */
  next<T = Record<string, unknown>>(match: (m: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<T> {
    const test = (m: unknown) => typeof m === 'object' && m !== null && match(m as Record<string, unknown>);
    const already = this.received.find(test);
    if (already) return Promise.resolve(already as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a WebSocket message')), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  }
  close(): void {
    this.ws.close(1000, 'done');
  }
}
