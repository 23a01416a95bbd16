// Starts the real Worker for browser tests, screenshots and benchmarks: local D1 migrations
// applied into a FRESH temporary persist dir, then `wrangler dev` on a free port with test
// vars. `stop()` kills the process group it started and removes the state.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_VARS = {
  API_KEY: 'e2e-api-key',
  SANDBOX_SECRET: 'e2e-sandbox-secret',
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'admin-password-e2e',
  RCS_PROVIDER: 'sandbox',
  SMS_PROVIDER: 'sandbox',
  RCS_FALLBACK_SECONDS: '300',
  // Tests start from an empty inbox; the screenshot script turns the demo data on.
  DEMO_DATA: '0',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startDevServer({ vars = {}, quiet = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rcs-console-e2e-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' };
  const mig = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], { env, encoding: 'utf8' });
  if (mig.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`D1 migrations failed:\n${mig.stdout}${mig.stderr}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const all = { ...TEST_VARS, PUBLIC_URL: url, ...vars };
  const args = [
    'wrangler',
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    dir,
    '--show-interactive-dev-session=false',
    // A free inspector port of its own: the default (9229) collides with any other dev server
    // on the machine, e.g. `npm start` while the browser tests run.
    '--inspector-port',
    String(await freePort()),
  ];
  for (const [k, v] of Object.entries(all)) args.push('--var', `${k}:${v}`);
  const child = spawn('npx', args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (b) => {
    output += b;
    if (!quiet) process.stderr.write(b);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM'); // the group we started: wrangler and its workerd
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 3000).unref();
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`wrangler dev exited early:\n${output}`);
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      stop();
      throw new Error(`wrangler dev did not become ready in 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, port, vars: all, stop, output: () => output };
}
