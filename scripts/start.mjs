#!/usr/bin/env node
// `npm start`: the newcomer path. Creates .dev.vars from the example when missing, builds the
// console, applies the local D1 migrations, then runs `wrangler dev` on PORT (default 8787)
// with all state under .wrangler/. Demo data and the admin account are created by the Worker
// on first request; the login is printed here.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { publicUrlFor, readDevVars } from './dev-vars.mjs';

const port = process.env.PORT || '8787';
if (!existsSync('.dev.vars')) {
  copyFileSync('.dev.vars.example', '.dev.vars');
  console.log('Created .dev.vars from .dev.vars.example');
}
// The same rules as wrangler's own reading of the file (quotes, escapes, comments).
const vars = readDevVars('.dev.vars');

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/build-client.mjs']);
run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);

const publicUrl = publicUrlFor(vars, port);
const dev = spawn('npx', ['wrangler', 'dev', '--port', port, '--var', `PUBLIC_URL:${publicUrl}`], {
  stdio: ['inherit', 'pipe', 'inherit'],
});
// Demo accounts exist only on the sandbox network (worker/auth/users.ts DEMO_USERS).
const sandbox = (vars.RCS_PROVIDER || 'sandbox') === 'sandbox' && (vars.SMS_PROVIDER || 'sandbox') === 'sandbox';
const demoAccounts = sandbox
  ? `
  │           agent@example.com  /  agent-password   (agent)
  │           marketer@example.com  /  marketer-password   (marketer)`
  : '';
let announced = false;
dev.stdout.on('data', async (chunk) => {
  process.stdout.write(chunk);
  if (!announced && String(chunk).includes('Ready on')) {
    announced = true;
    // First request seeds the admin account and the demo data (idempotent). The server may
    // need a moment after "Ready on" on a cold machine: retry for up to 30 s.
    let healthy = false;
    for (let attempt = 0; attempt < 30 && !healthy; attempt++) {
      try {
        healthy = (await fetch(`http://localhost:${port}/api/health`)).ok;
      } catch {}
      if (!healthy) await new Promise((r) => setTimeout(r, 1000));
    }
    if (!healthy) console.warn(`\n  /api/health did not answer 200: see the wrangler output above.`);
    console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Console   http://localhost:${port}
  │ Sign in   ${vars.ADMIN_EMAIL}  /  ${vars.ADMIN_PASSWORD}   (admin)${demoAccounts}
  │ API key   ${vars.API_KEY}   (Authorization: Bearer …)
  │ Carriers  RCS=${vars.RCS_PROVIDER || 'sandbox'}  SMS=${vars.SMS_PROVIDER || 'sandbox'}  (sandbox = simulated phones)${
    sandbox
      ? `
  │ Phones    http://localhost:${port}/simulator   (20 demo customers; last digit even = RCS)`
      : ''
  }
  │ State     .wrangler/state   (delete it to start over)
  └──────────────────────────────────────────────────────────────
`);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code) => process.exit(code ?? 0));
