// Shared benchmark plumbing: a fresh `wrangler dev` (own port, own temp state), signing of
// sandbox callbacks, and a small closed-loop load generator.
//
// ctx = {
//   baseUrl, port, stateDir, apiKey, sandboxSecret, rbmClientToken, twilioAuthToken,
//   admin: { email, password } (the console's first admin, to sign in through the real form),
//   sign(body) → base64 HMAC for X-Sandbox-Signature,
//   load({ requests, concurrency, make(i) → {path, init, onResponse?(json)} }) → { ok, failed, retried, seconds, rps },
//   loadFor({ seconds, concurrency, make(i) → {path, init, onResponse?(status, text)} })
//     → { ok, failed, retried, requests, seconds, rps, latencies, statuses, firstError },
//   run(cmd, args) → { status, stdout, stderr } (sync, in the repo root),
//   stop(),
// }
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export async function startWorker() {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const stateDir = mkdtempSync(join(tmpdir(), 'rcs-bench-'));
  const apiKey = 'bench-api-key';
  const sandboxSecret = 'bench-sandbox-secret';

  if (!existsSync(join(root, 'dist/client/index.html'))) {
    const b = run('node', ['scripts/build-client.mjs'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('client build failed');
  }
  const m = run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--env', 'bench', '--persist-to', stateDir]);
  if (m.status !== 0) throw new Error(`migrations failed:\n${m.stdout}\n${m.stderr}`);

  // Carrier webhook secrets only (providers stay sandbox): lets suites post signed RBM/Twilio callbacks.
  const rbmClientToken = 'bench-rbm-client-token';
  const twilioAuthToken = 'bench-twilio-auth-token';
  // The first console admin (created on the first /api/health): suites sign in as them.
  const admin = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
  // DEMO_DATA=0: the demo seed (and its simulated receipts) would run during the measurement.
  // RCS_FALLBACK_SECONDS=3600: no fallback deadline (revoke, SMS) comes due during a run.
  const vars = {
    DEMO_DATA: '0',
    RCS_FALLBACK_SECONDS: '3600',
    API_KEY: apiKey,
    SANDBOX_SECRET: sandboxSecret,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    RBM_CLIENT_TOKEN: rbmClientToken,
    TWILIO_AUTH_TOKEN: twilioAuthToken,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  const args = [
    'wrangler',
    'dev',
    // The bench build: the production Worker plus the /bench/* routes and the yardstick object.
    '--env',
    'bench',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    stateDir,
    '--log-level',
    process.env.BENCH_LOG_LEVEL || 'warn',
    '--show-interactive-dev-session=false',
    // A free inspector port of its own: the default one collides with any other dev server on
    // the machine. bench/profile.mjs sets it to attach the profiler.
    '--inspector-port',
    String(Number(process.env.BENCH_INSPECTOR_PORT) || (await freePort())),
  ];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  const child = spawn('npx', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  // BENCH_LOG=<file>: keep the dev server's whole output there (restarts, errors).
  const log = process.env.BENCH_LOG ? createWriteStream(process.env.BENCH_LOG) : null;
  child.stdout.on('data', (d) => {
    output += d;
    log?.write(d);
  });
  child.stderr.on('data', (d) => {
    output += d;
    log?.write(d);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  // A failed start leaves nothing behind: the rest of the process group (esbuild) and the state.
  const abandon = (why) => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    rmSync(stateDir, { recursive: true, force: true });
    return new Error(`${why}:\n${output}`);
  };
  for (;;) {
    if (child.exitCode !== null) throw abandon('wrangler dev exited early');
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw abandon('wrangler dev did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`wrangler dev on ${baseUrl}, state in ${stateDir}`);

  return {
    baseUrl,
    port,
    stateDir,
    apiKey,
    sandboxSecret,
    rbmClientToken,
    twilioAuthToken,
    admin,
    root,
    run,
    output: () => output,
    sign: (body) => createHmac('sha256', sandboxSecret).update(body).digest('base64'),
    load: (opts) => load(baseUrl, opts),
    loadFor: (opts) => loadFor(baseUrl, opts),
    async stop() {
      // The whole process group: npx → wrangler → workerd. A workerd busy with open sockets
      // can outlive SIGTERM (and its parent, still in the group): what is left gets SIGKILL.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await new Promise((r) => setTimeout(r, 2000));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * Closed loop: `concurrency` workers issue `requests` requests in total, as fast as answered.
 * The dev server's proxy sometimes loses its connection to the Worker under load and answers
 * 503 "Your worker restarted mid-request" without the Worker having answered: such a request
 * is sent again once (as a carrier would redeliver; the inbound path drops duplicates) and
 * counted in `retried`.
 */
/**
 * One request, sent again once after the dev proxy's own 503 (the Worker never answered it, see
 * `load`). `resent`: whether it had to be.
 */
async function fetchOnce(url, init) {
  let res = await fetch(url, init);
  let text = await res.text();
  if (res.status !== 503 || !text.includes('restarted mid-request')) return { res, text, resent: false };
  res = await fetch(url, init);
  text = await res.text();
  return { res, text, resent: true };
}

async function load(baseUrl, { requests, concurrency, make }) {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let retried = 0;
  let firstError = null;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const { path, init, onResponse } = make(i);
      try {
        const { res, text, resent } = await fetchOnce(baseUrl + path, init);
        if (resent) retried++;
        if (res.ok && onResponse) onResponse(JSON.parse(text));
        if (res.ok) ok++;
        else {
          failed++;
          firstError ??= `${res.status} on ${path}: ${text.slice(0, 200)}`;
        }
      } catch (err) {
        failed++;
        firstError ??= String(err);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ok, failed, retried, seconds, rps: ok / seconds, firstError };
}

/**
 * Closed loop for a fixed time: `concurrency` workers issue requests as fast as answered until
 * `seconds` have passed (no new request starts after that). Every latency is kept (ms, from the
 * first send to the final answer, a dev-proxy 503 resend included), and every final status.
 */
async function loadFor(baseUrl, { seconds, concurrency, make }) {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let retried = 0;
  let firstError = null;
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  const end = started + seconds * 1000;
  async function worker() {
    while (performance.now() < end) {
      const { path, init, onResponse } = make(next++);
      const t0 = performance.now();
      try {
        const { res, text, resent } = await fetchOnce(baseUrl + path, init);
        if (resent) retried++;
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        onResponse?.(res.status, text);
        if (res.ok) ok++;
        else {
          failed++;
          firstError ??= `${res.status} on ${path}: ${text.slice(0, 200)}`;
        }
      } catch (err) {
        failed++;
        statuses.network = (statuses.network ?? 0) + 1;
        firstError ??= String(err);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const took = (performance.now() - started) / 1000;
  return { ok, failed, retried, requests: ok + failed, seconds: took, rps: ok / took, latencies, statuses, firstError };
}

/** The p-th percentile (0–100) of a list of numbers, nearest rank; NaN when empty. */
export function percentile(xs, p) {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// ---------------------------------------------------------------- signed carrier callbacks

/**
 * One Google RBM Pub/Sub push of `decoded` (a user message, a suggestion tap or an event),
 * signed as Google does: X-Goog-Signature = base64(HMAC-SHA512(clientToken, decoded data)).
 * Returns `{ path, init }` for fetch or the load loops; the same object sent twice is a
 * redelivery (same ids, same signature).
 */
export function rbmPush(ctx, decoded, pubsubId) {
  const data = Buffer.from(JSON.stringify({ sendTime: new Date().toISOString(), agentId: 'bench@rbm.goog', ...decoded }));
  const body = JSON.stringify({
    message: { data: data.toString('base64'), messageId: pubsubId, publishTime: new Date().toISOString() },
    subscription: 'projects/bench/subscriptions/rbm',
  });
  const signature = createHmac('sha512', ctx.rbmClientToken).update(data).digest('base64');
  return {
    path: '/webhooks/rbm',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Goog-Signature': signature }, body },
  };
}

/**
 * One Twilio webhook POST of `params` (an inbound message, a button tap or a status callback),
 * signed as Twilio does: X-Twilio-Signature = base64(HMAC-SHA1(authToken, URL + each sorted
 * key and value)), over the URL Twilio was given (PUBLIC_URL + path).
 */
export function twilioPost(ctx, params) {
  const url = `${ctx.baseUrl}/webhooks/twilio`;
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  const signature = createHmac('sha1', ctx.twilioAuthToken).update(data).digest('base64');
  return {
    path: '/webhooks/twilio',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    },
  };
}

/** Signs in to the console as `who` (the first admin by default): `{ cookie, csrf, headers }` for console calls. */
export async function signIn(ctx, who = ctx.admin) {
  const login = await fetch(`${ctx.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ctx.baseUrl },
    body: JSON.stringify(who),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { csrf } = await login.json();
  const cookie = /sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { cookie, csrf, headers: { 'Content-Type': 'application/json', Origin: ctx.baseUrl, Cookie: cookie, 'X-CSRF-Token': csrf } };
}

/** Sets sandbox phones' modes (e.g. "rcs_offline": RCS-capable, never delivers by itself). */
export async function setPhoneModes(ctx, session, phones, mode, concurrency = 16) {
  const r = await ctx.load({
    requests: phones.length,
    concurrency,
    make: (i) => ({
      path: `/api/simulator/phones/${encodeURIComponent(phones[i])}`,
      init: { method: 'PUT', headers: session.headers, body: JSON.stringify({ mode }) },
    }),
  });
  if (r.failed) throw new Error(`setting sandbox modes failed: ${r.firstError}`);
}

/** A customer's message (or, with `extra`, a button tap) as Twilio posts it, signed; see `twilioPost`. */
export function twilioInbound(ctx, { sid, from, to = '+15005550006', body, ...extra }) {
  return twilioPost(ctx, {
    MessageSid: sid,
    AccountSid: 'ACbench',
    From: from,
    To: to,
    Body: body,
    ...extra,
    NumMedia: '0',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  });
}

/** `POST /v1/messages` of `message` with the bench's API key, as `{ path, init }` for the load loops. */
export function v1Send(ctx, message) {
  return {
    path: '/v1/messages',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ctx.apiKey}` },
      body: JSON.stringify(message),
    },
  };
}
