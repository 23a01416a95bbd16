// The authorization matrix, generated from the router: every route the Worker registers
// (`app.routes`, sub-routers included) × every kind of caller, against the declarative rules of
// policy.ts. A route without a rule fails, so a new route cannot ship without deciding who may
// call it. Path parameters are real rows made in beforeAll wherever a 404 could hide a 403.
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../schemas/console-api';
import { app } from '../../worker/index';
import { API_KEY, createProfile, quiesce, sandboxCallback, uniquePhone } from '../api/helpers';
import { png, upload } from '../api/media-files';
import { BASE, createUser, loginRequest, type Session, sessionCookie, unique } from '../console/helpers';
import { handlerRoutes, POLICY, type Rule } from './policy';

// Refusals first, the admin last: an allowed write (signing out) must not spoil the cells after it.
const CELLS = ['anonymous', 'api_key', 'wrong_key', 'no_csrf', 'foreign_origin', 'marketer', 'agent', 'admin'] as const;
type Cell = (typeof CELLS)[number];
type Expected = 'allow' | 401 | 403;
const FOREIGN = 'https://evil.example';
const READS = new Set(['GET', 'HEAD']);

async function signInAs(role: Role): Promise<Session> {
  const user = await createUser(role);
  // Each sign-in from its own address: the matrix signs in often and must not trip the throttle.
  const res = await loginRequest(user.email, user.password, {
    'cf-connecting-ip': `2001:db8:a7::${Math.floor(Math.random() * 65_535).toString(16)}`,
  });
  if (res.status !== 200) throw new Error(`sign-in as ${role}: ${res.status} ${await res.text()}`);
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: (await res.json<{ csrf: string }>()).csrf, user };
}

const sessions = {} as Record<Role, Session>;
const ids: Record<string, string> = {};
let phone = '';
let loginUser = { email: '', password: '' };

async function newSessions(): Promise<void> {
  for (const role of ['admin', 'agent', 'marketer'] as const) sessions[role] = await signInAs(role);
}

beforeAll(async () => {
  await newSessions();
  phone = uniquePhone();
  await createProfile(phone);
  const inbound = await sandboxCallback({ id: unique('in_'), phone, type: 'message', channel: 'rcs', text: 'hello' });
  if (inbound.status !== 200) throw new Error(`inbound: ${inbound.status}`);
  const login = await createUser('agent');
  loginUser = { email: login.email, password: login.password };
  ids.user = (await createUser('agent')).id;
  const admin = sessions.admin;
  const post = async (path: string, body: unknown) => {
    const res = await exports.default.fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { origin: BASE, cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json<{ id: string; name: string }>();
  };
  ids.canned = (await post('/api/canned-responses', { shortcut: unique('s').toLowerCase(), title: 'T', text: 'Text' })).id;
  ids.apiKey = (await post('/api/api-keys', { name: 'matrix' })).id;
  ids.label = (await post('/api/labels', { name: unique('label') })).name;
  // A file owned by a fourth account: the agent and the marketer are not its uploader.
  const uploader = await signInAs('agent');
  const file = await upload(uploader, png(2, 2), 'image/png', 'matrix.png');
  if (file.status !== 201) throw new Error(`upload: ${file.status}`);
  ids.media = (await file.json<{ id: string }>()).id;
});

let cellsTried = 0;

afterAll(async () => {
  console.log(`authorization matrix: ${cellsTried} route × caller cells checked`);
  await quiesce([phone]);
});

function fillPath(pattern: string): string {
  const idFor = (prefix: string) => {
    if (prefix.startsWith('/api/users')) return ids.user;
    if (prefix.startsWith('/api/canned-responses')) return ids.canned;
    if (prefix.startsWith('/api/api-keys')) return ids.apiKey;
    if (prefix.startsWith('/api/media/library')) return ids.media;
    return 'matrix-none';
  };
  return pattern.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    const value: Record<string, string | undefined> = {
      phone,
      id: idFor(pattern.slice(0, offset)),
      name: ids.label,
      message: 'm1',
      n: '0',
      sourceId: 'flow_order_confirmation',
      key: 'order_confirmation',
      file: `${'a'.repeat(32)}.png`,
      code: 'nolink',
    };
    return encodeURIComponent(value[name] ?? 'x');
  });
}

function expected(rule: Rule, cell: Cell): Expected {
  switch (rule.kind) {
    case 'open':
      return cell === 'foreign_origin' ? 403 : 'allow';
    case 'public':
      return 'allow';
    case 'signed':
      return 401;
    case 'api_key':
      return cell === 'api_key' || cell === 'foreign_origin' ? 'allow' : 401;
    case 'roles':
    case 'owner_or_admin': {
      if (cell === 'anonymous' || cell === 'api_key' || cell === 'wrong_key') return 401;
      if (cell === 'no_csrf' || cell === 'foreign_origin') return 403;
      const roles = rule.kind === 'roles' ? rule.roles : ['admin'];
      return roles.includes(cell) ? 'allow' : 403;
    }
  }
}

/**
 * The cells that mean something for a route: the CSRF token and the Origin on writes; the
 * WebSocket handshake is a GET no browser can add a header to, so its Origin is its only guard.
 */
function cellsFor(method: string, path: string, rule: Rule): Cell[] {
  if (rule.kind === 'public') return ['anonymous'];
  if (path === '/api/ws') return CELLS.filter((c) => c !== 'no_csrf');
  return CELLS.filter((c) => !READS.has(method) || (c !== 'no_csrf' && c !== 'foreign_origin'));
}

async function call(method: string, pattern: string, cell: Cell, rule: Rule): Promise<Response> {
  const headers: Record<string, string> = { origin: BASE };
  const v1 = pattern.startsWith('/v1/');
  const session = cell === 'agent' || cell === 'marketer' || cell === 'admin' ? sessions[cell] : null;
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  if (cell === 'api_key') headers.authorization = `Bearer ${API_KEY}`;
  if (cell === 'wrong_key') headers.authorization = `Bearer ${API_KEY}-wrong`;
  if (cell === 'no_csrf') headers.cookie = sessions.admin.cookie;
  if (cell === 'foreign_origin') {
    headers.origin = FOREIGN;
    if (v1) headers.authorization = `Bearer ${API_KEY}`;
    else Object.assign(headers, { cookie: sessions.admin.cookie, 'x-csrf-token': sessions.admin.csrf });
  }
  if (pattern === '/api/ws') Object.assign(headers, { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13' });
  let body: string | undefined;
  if (!READS.has(method)) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(pattern === '/api/auth/login' ? loginUser : {});
  }
  if (rule.kind === 'signed') delete headers.origin;
  const res = await exports.default.fetch(`${BASE}${fillPath(pattern)}`, { method, headers, body });
  res.webSocket?.accept();
  res.webSocket?.close(1000, 'matrix');
  return res;
}

describe('authorization matrix (every route of the router)', () => {
  const routes = handlerRoutes(app.routes);

  it('has a rule for every route the router registers, and none for a route that is gone', () => {
    const missing = routes.filter((r) => !(r in POLICY)).map((r) => `new route ${r} has no authorization rule`);
    const stale = Object.keys(POLICY)
      .filter((r) => !routes.includes(r))
      .map((r) => `rule for ${r}, which no longer exists`);
    expect([...missing, ...stale]).toEqual([]);
    expect(routes.length).toBeGreaterThan(80);
  });

  for (const route of routes.filter((r) => r in POLICY && POLICY[r]?.kind !== 'signed')) {
    const [method = '', pattern = ''] = route.split(' ');
    const rule = POLICY[route]!;
    it(`${route} answers each caller as its rule says`, async () => {
      const wrong: string[] = [];
      for (const cell of cellsFor(method, pattern, rule)) {
        const want = expected(rule, cell);
        const res = await call(method, pattern, cell, rule);
        cellsTried += 1;
        const text = method === 'HEAD' ? '' : await res.text();
        const ok =
          want === 'allow'
            ? res.status !== 401 && res.status !== 403 && res.status < 500
            : res.status === want && /"error":"[a-z_]+","message":"/.test(text);
        if (!ok) wrong.push(`${cell}: expected ${want}, got ${res.status} ${text.slice(0, 160)}`);
      }
      // Signing out ends the session the other routes use.
      if (route === 'POST /api/auth/logout') await newSessions();
      expect(wrong).toEqual([]);
    });
  }
});

describe('webhooks without a valid signature', () => {
  const fresh = () => uniquePhone();
  const nothingRecorded = async (p: string) => {
    const res = await exports.default.fetch(`${BASE}/v1/profiles/${encodeURIComponent(p)}/messages`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    if (res.status === 404) return;
    expect((await res.json<{ messages: unknown[] }>()).messages).toEqual([]);
  };
  const post = (path: string, body: string, headers: Record<string, string>) =>
    exports.default.fetch(`https://console.example.test${path}`, { method: 'POST', headers, body });

  it('refuses the sandbox callback unsigned or wrongly signed with 401 and records nothing', async () => {
    const p = fresh();
    const payload = { id: unique('in_'), phone: p, type: 'message', channel: 'rcs', text: 'forged' };
    expect((await sandboxCallback(payload, { signature: null })).status).toBe(401);
    expect((await sandboxCallback(payload, { secret: 'not-the-secret' })).status).toBe(401);
    await nothingRecorded(p);
  });

  // This project configures no RBM client token or Twilio auth token: with none, every callback is
  // refused. test/carriers/hostile-webhooks.test.ts repeats these with the carriers configured.
  it('refuses the RBM push unsigned or wrongly signed with 401 and records nothing (no client token set)', async () => {
    const p = fresh();
    const data = btoa(JSON.stringify({ senderPhoneNumber: p, messageId: unique('m'), text: 'forged', sendTime: '2026-01-01T00:00:00Z' }));
    const body = JSON.stringify({ message: { data, messageId: '1', publishTime: '2026-01-01T00:00:00Z' }, subscription: 's' });
    const json = { 'content-type': 'application/json' };
    expect((await post('/webhooks/rbm', body, json)).status).toBe(401);
    expect((await post('/webhooks/rbm', body, { ...json, 'x-goog-signature': btoa('x'.repeat(64)) })).status).toBe(401);
    await nothingRecorded(p);
  });

  it('refuses the Twilio callback unsigned or wrongly signed with 401 and records nothing (no auth token set)', async () => {
    const p = fresh();
    const body = new URLSearchParams({ MessageSid: unique('SM'), From: p, To: '+15005550006', Body: 'forged' }).toString();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post('/webhooks/twilio', body, form)).status).toBe(401);
    expect((await post('/webhooks/twilio', body, { ...form, 'x-twilio-signature': btoa('x'.repeat(20)) })).status).toBe(401);
    await nothingRecorded(p);
  });

  it('refuses the Shopify webhook unsigned or wrongly signed with 401 and records nothing', async () => {
    const p = fresh();
    const body = JSON.stringify({ id: 1, phone: p, email: 'forged@example.test', sms_marketing_consent: { state: 'subscribed' } });
    const headers = { 'content-type': 'application/json', 'x-shopify-topic': 'customers/create', 'x-shopify-webhook-id': unique('w') };
    expect((await post('/webhooks/shopify', body, headers)).status).toBe(401);
    expect((await post('/webhooks/shopify', body, { ...headers, 'x-shopify-hmac-sha256': btoa('x'.repeat(32)) })).status).toBe(401);
    await nothingRecorded(p);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM profiles WHERE phone = ?').bind(p).first('n')).toBe(0);
  });
});
