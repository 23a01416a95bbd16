// `npm start` reads .dev.vars (scripts/dev-vars.mjs) with the rules wrangler applies to the same
// file: quotes stripped, `\n` expanded in double quotes only, comments dropped. Runs in Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDevVars, publicUrlFor } from '../../scripts/dev-vars.mjs';

describe('parseDevVars', () => {
  it('strips the quotes of a quoted value, so PUBLIC_URL is the URL itself', () => {
    const vars = parseDevVars('PUBLIC_URL="https://shop.example"\nAPI_KEY=\'k-123\'\n');
    expect(vars).toEqual({ PUBLIC_URL: 'https://shop.example', API_KEY: 'k-123' });
    expect(publicUrlFor(vars, '8787')).toBe('https://shop.example');
  });

  it('drops full-line and trailing comments, and keeps a # inside quotes', () => {
    const vars = parseDevVars('# local secrets\nAPI_KEY=abc # change me\nADMIN_PASSWORD="p#ss word"\n');
    expect(vars).toEqual({ API_KEY: 'abc', ADMIN_PASSWORD: 'p#ss word' });
  });

  it('expands \\n in double quotes only, as wrangler does', () => {
    const vars = parseDevVars('A="line1\\nline2"\nB=\'line1\\nline2\'\nC=line1\\nline2\n');
    expect(vars).toEqual({ A: 'line1\nline2', B: 'line1\\nline2', C: 'line1\\nline2' });
  });

  it('reads names with digits, `export` prefixes, spaces around = and CRLF line ends', () => {
    const vars = parseDevVars('export TWILIO_FROM=+15005550006\r\nRCS_FALLBACK_SECONDS = 300\r\nRBM_API_BASE=\r\n');
    expect(vars).toEqual({ TWILIO_FROM: '+15005550006', RCS_FALLBACK_SECONDS: '300', RBM_API_BASE: '' });
  });

  it('keeps the RBM service-account JSON intact when it is single-quoted on one line', () => {
    const json = JSON.stringify(JSON.parse(readFileSync('test/fixtures/rbm-service-account.json', 'utf8')));
    expect(json).toContain('\\n'); // the private key's escaped newlines, as Google writes them
    const vars = parseDevVars(`RCS_PROVIDER=rbm\nRBM_SERVICE_ACCOUNT='${json}'\nRBM_AGENT_ID=agent@rbm.goog\n`);
    expect(vars.RBM_SERVICE_ACCOUNT).toBe(json);
    expect(JSON.parse(vars.RBM_SERVICE_ACCOUNT ?? '')).toMatchObject({ type: 'service_account' });
    expect(vars.RBM_AGENT_ID).toBe('agent@rbm.goog');
  });

  it('falls back to this machine when PUBLIC_URL is the example’s localhost', () => {
    expect(publicUrlFor(parseDevVars('PUBLIC_URL=http://localhost:8787\n'), '9000')).toBe('http://localhost:9000');
    expect(publicUrlFor({}, 9000)).toBe('http://localhost:9000');
  });
});

describe('the dotenv library', () => {
  it('is the version bundled in the pinned wrangler', () => {
    const require = createRequire(import.meta.url);
    const ours = (require('dotenv/package.json') as { version: string }).version;
    const cli = readFileSync(require.resolve('wrangler/wrangler-dist/cli.js'), 'utf8');
    const bundled = /\/dotenv@(\d+\.\d+\.\d+)\/node_modules\/dotenv\/lib\/main\.js/.exec(cli)?.[1];
    expect(bundled).toBeDefined();
    expect(ours).toBe(bundled);
  });
});
