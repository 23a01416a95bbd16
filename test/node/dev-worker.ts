// A real `wrangler dev` for the restart tests: state persisted in a directory the test owns (so
// a second start finds the first one's D1 rows, Durable Objects and their alarms), carriers
// pointed at the local RBM and Twilio fakes, and a stop that waits for the process to exit.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' };

export const API_KEY = 'restart-api-key';

/** Every secret the vars file configures (the restart suite checks none reaches the output). */
export const SECRETS = {
  API_KEY,
  ADMIN_PASSWORD: 'restart-admin-password',
  RBM_CLIENT_TOKEN: 'test-rbm-client-token',
  TWILIO_AUTH_TOKEN: 'test-twilio-auth-token',
  SHOPIFY_WEBHOOK_SECRET: 'restart-shopify-webhook-secret',
} as const;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** D1 migrations into `dir`, and the vars file: the carriers are the fakes at `rbm` and `twilio`. */
export function prepareState(dir: string, port: number, fakes: { rbm: string; twilio: string }, vars: Record<string, string>): string {
  const mig = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], {
    cwd: root,
    env: ENV,
    encoding: 'utf8',
  });
  if (mig.status !== 0) throw new Error(`D1 migrations failed:\n${mig.stdout}${mig.stderr}`);
  const serviceAccount = JSON.stringify(JSON.parse(readFileSync(join(root, 'test/fixtures/rbm-service-account.json'), 'utf8')));
  const all: Record<string, string> = {
    ...SECRETS,
    ADMIN_EMAIL: 'admin@example.test',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEMO_DATA: '0',
    RCS_PROVIDER: 'rbm',
    SMS_PROVIDER: 'twilio',
    RBM_AGENT_ID: 'test-agent@rbm.goog',
    RBM_API_BASE: fakes.rbm,
    GOOGLE_TOKEN_URL: `${fakes.rbm}/token`,
    TWILIO_API_BASE: fakes.twilio,
    TWILIO_ACCOUNT_SID: 'ACtest00000000000000000000000000',
    TWILIO_MESSAGING_SERVICE_SID: 'MGtest00000000000000000000000000',
    TWILIO_FROM: '+15005550006',
    ...vars,
  };
  const file = join(dir, 'restart.env');
  const lines = Object.entries(all).map(([k, v]) => `${k}='${v}'`);
  writeFileSync(file, `${lines.join('\n')}\nRBM_SERVICE_ACCOUNT='${serviceAccount}'\n`);
  return file;
}

export interface DevWorker {
  url: string;
  /** SIGTERM to the process group (wrangler and its workerd), resolved once it has exited. */
  stop(): Promise<void>;
  output(): string;
}

/** Starts `wrangler dev` on `port` with the state in `dir`; resolves once it answers. */
export async function startWorker(dir: string, port: number, envFile: string): Promise<DevWorker> {
  const args = ['wrangler', 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', dir, '--env-file', envFile];
  args.push('--show-interactive-dev-session=false', '--inspector-port', String(await freePort()), '--log-level', 'log');
  const child: ChildProcess = spawn('npx', args, { cwd: root, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b;
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, s);
    } catch {}
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const killed = setTimeout(() => signal('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killed);
  };
  const url = `http://127.0.0.1:${port}`;
  // Generous: a loaded 2-core machine can take a minute to start workerd.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop, output: () => output };
}

/** Calls the Worker's /v1 API with the test key; the JSON answer, or throws with the status. */
export async function api<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Polls `check` every 250 ms until it returns a value, or throws after `ms`. */
export async function waitFor<T>(what: string, ms: number, check: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
