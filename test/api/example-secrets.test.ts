// The example secrets of .dev.vars.example are public: off loopback the Worker refuses to
// serve while one is set (503 everywhere but /api/health), and the demo accounts, whose
// passwords are in the README, exist only on loopback or when DEMO_ACCOUNTS=1.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import devVarsExample from '../../.dev.vars.example?raw';
import {
  EXAMPLE_SECRETS,
  demoAccountsAllowed,
  exampleSecretRefusal,
  exampleSecretsInUse,
  isLoopback,
} from '../../worker/auth/example-secrets';
import { DEMO_USERS, firstAccounts } from '../../worker/auth/users';
import { app } from '../../worker/index';

const publicShop = { ...env, PUBLIC_URL: 'https://shop.example', API_KEY: EXAMPLE_SECRETS.API_KEY };

describe('example secrets', () => {
  it('are the values .dev.vars.example ships, one list in code', () => {
    const vars = Object.fromEntries(
      devVarsExample
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const [name, value] of Object.entries(EXAMPLE_SECRETS)) expect(vars[name], name).toBe(value);
  });

  it('tells loopback addresses from public ones', () => {
    for (const url of ['http://localhost:8787', 'http://127.0.0.1:9000', 'http://[::1]:8787', 'http://console.localhost']) {
      expect(isLoopback(url), url).toBe(true);
    }
    for (const url of ['https://shop.example', 'http://10.0.0.2:8787', 'https://localhost.shop.example', 'not a url', '']) {
      expect(isLoopback(url), url).toBe(false);
    }
  });

  it('refuse a public host while any example value is set, and only then', () => {
    expect(exampleSecretsInUse(env)).toEqual([]);
    expect(exampleSecretRefusal(publicShop, 'https://shop.example/v1/messages')).toMatch(
      /^Refusing to serve https:\/\/shop\.example: API_KEY /,
    );
    expect(exampleSecretsInUse({ ...env, ...EXAMPLE_SECRETS })).toEqual([
      'API_KEY',
      'SANDBOX_SECRET',
      'SHOPIFY_WEBHOOK_SECRET',
      'ADMIN_PASSWORD',
    ]);
    // The defaults of `npm start` on this machine.
    expect(exampleSecretRefusal({ ...env, ...EXAMPLE_SECRETS, PUBLIC_URL: 'http://localhost:8787' }, 'http://localhost:8787/')).toBeNull();
    // Real secrets on a public host.
    expect(exampleSecretRefusal({ ...env, PUBLIC_URL: 'https://shop.example' }, 'https://shop.example/')).toBeNull();
    // No PUBLIC_URL: the address the request reached decides.
    expect(exampleSecretRefusal({ ...publicShop, PUBLIC_URL: '' }, 'https://shop.example/api/auth/me')).not.toBeNull();
  });

  it('make the Worker answer 503 on /v1 and /api but 200 on /api/health, and say why once in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const v1 = await app.request(
      'https://shop.example/v1/profiles/%2B33612345678',
      { headers: { authorization: `Bearer ${EXAMPLE_SECRETS.API_KEY}` } },
      publicShop,
    );
    expect(v1.status).toBe(503);
    const body = await v1.json<{ error: string; message: string }>();
    expect(body.error).toBe('example_secrets');
    // The names of the secrets stay in the log.
    expect(body.message).not.toMatch(/API_KEY/);

    const login = await app.request(
      'https://shop.example/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
        body: JSON.stringify({ email: 'admin@example.test', password: 'test-admin-password' }),
      },
      publicShop,
    );
    expect(login.status).toBe(503);
    const webhook = await app.request('https://shop.example/webhooks/sandbox', { method: 'POST', body: '{}' }, publicShop);
    expect(webhook.status).toBe(503);

    const health = await app.request('https://shop.example/api/health', {}, publicShop);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/^Refusing to serve https:\/\/shop\.example: API_KEY still has its public example value/);
    log.mockRestore();
  });

  it('leave the Worker serving with the test secrets', async () => {
    const res = await app.request(
      'https://console.example.test/v1/profiles/%2B33612345678',
      { headers: { authorization: 'Bearer test-api-key' } },
      env,
    );
    expect(res.status).not.toBe(503);
  });
});

describe('demo accounts', () => {
  const sandbox = { ...env, RCS_PROVIDER: 'sandbox', SMS_PROVIDER: 'sandbox' };
  const demoEmails = DEMO_USERS.map((d) => d.email);
  const emails = (e: Env) => firstAccounts(e).map((a) => a.email);

  it('are created on a loopback sandbox', () => {
    expect(emails({ ...sandbox, PUBLIC_URL: 'http://localhost:8787' })).toEqual(expect.arrayContaining(demoEmails));
  });

  it('are not created on a public host unless DEMO_ACCOUNTS is "1"', () => {
    expect(demoAccountsAllowed({ ...sandbox, PUBLIC_URL: 'https://shop.example', DEMO_ACCOUNTS: '' })).toBe(false);
    expect(emails({ ...sandbox, PUBLIC_URL: 'https://shop.example', DEMO_ACCOUNTS: '' })).toEqual([env.ADMIN_EMAIL]);
    expect(emails({ ...sandbox, PUBLIC_URL: 'https://shop.example', DEMO_ACCOUNTS: '1' })).toEqual(expect.arrayContaining(demoEmails));
  });

  it('are never created with a real carrier', () => {
    expect(
      emails({
        ...sandbox,
        PUBLIC_URL: 'http://localhost:8787',
        DEMO_ACCOUNTS: '1',
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: 'AC1',
        TWILIO_AUTH_TOKEN: 't',
        TWILIO_FROM: '+15550100',
      }),
    ).toEqual([env.ADMIN_EMAIL]);
  });
});
