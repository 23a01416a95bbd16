// The carriers test projects: the same Worker, but with RCS_PROVIDER=rbm (or twilio) and
// SMS_PROVIDER=twilio pointed at local fakes of Google RBM and Twilio (test/fakes, started in
// globalSetup in Node; their URLs reach the Worker's bindings through inject()).
import { readFileSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from './test/bindings';

export const CARRIER_TEST_BINDINGS = {
  RBM_AGENT_ID: 'test-agent@rbm.goog',
  RBM_CLIENT_TOKEN: 'test-rbm-client-token',
  TWILIO_ACCOUNT_SID: 'ACtest00000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'test-twilio-auth-token',
  TWILIO_MESSAGING_SERVICE_SID: 'MGtest00000000000000000000000000',
  TWILIO_FROM: '+15005550006',
};

/** One carriers project: the Worker against the fakes, with per-project bindings. */
export function carrierProject(name: string, include: string[], overrides: Record<string, string> = {}) {
  return defineConfig(async () => {
    const migrations = await readD1Migrations('worker/db/migrations');
    return {
      plugins: [
        cloudflareTest(({ inject }) => ({
          wrangler: { configPath: './wrangler.toml' },
          miniflare: {
            bindings: {
              TEST_MIGRATIONS: migrations,
              ...TEST_BINDINGS,
              RCS_PROVIDER: 'rbm',
              SMS_PROVIDER: 'twilio',
              ...CARRIER_TEST_BINDINGS,
              RBM_SERVICE_ACCOUNT: readFileSync('test/fixtures/rbm-service-account.json', 'utf8'),
              RBM_API_BASE: inject('fakeRbmUrl'),
              GOOGLE_TOKEN_URL: `${inject('fakeRbmUrl')}/token`,
              TWILIO_API_BASE: inject('fakeTwilioUrl'),
              ...overrides,
            },
          },
        })),
      ],
      // Results, never speed, are asserted (see vitest.config.ts).
      test: {
        name,
        include,
        isolate: false,
        testTimeout: 20_000,
        setupFiles: ['test/setup.ts'],
        globalSetup: ['test/fakes/global-setup.ts'],
      },
    };
  });
}

// `*.carriers.test.ts` elsewhere: a feature's own suite that needs a carrier fake (a campaign meeting RBM's 429).
export default carrierProject('carriers', ['test/carriers/**/*.test.ts', 'test/**/*.carriers.test.ts']);
