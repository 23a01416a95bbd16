// Unit and integration tests run inside workerd through the Workers Vitest plugin, with the
// real bindings from wrangler.toml (Durable Objects with SQLite, D1, Queues, assets).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from './test/bindings';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('worker/db/migrations');
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ...TEST_BINDINGS,
          },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.ts'],
      setupFiles: ['test/setup.ts'],
      // Tests assert results, never speed (speed lives in `npm run bench`): on a shared 2-core
      // machine running the whole suite, a test that writes thousands of rows can pass 5 s.
      testTimeout: 20_000,
      // The carriers suites run in their own projects (vitest.carriers*.config.ts) with
      // RCS_PROVIDER=rbm or twilio / SMS_PROVIDER=twilio against local fakes; test/node runs
      // in plain Node.
      // One workerd per project for all its files (isolate: false) instead of a fresh runtime per
      // file: starting workerd was ~85 % of the run. Storage and module state (caches) carry over
      // from file to file, as in a long-lived isolate, so every suite names its own Durable
      // Objects and rows (unique phones, emails) and none depends on another's leftovers.
      projects: [
        {
          extends: true,
          test: {
            name: 'workers',
            isolate: false,
            exclude: ['test/carriers/**', 'test/carriers-twilio/**', 'test/**/*.carriers.test.ts', 'test/node/**', '**/node_modules/**'],
          },
        },
        // Node-side scripts (npm start's .dev.vars reading): plain Node, no Workers runtime.
        { test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node' } },
        './vitest.carriers.config.ts',
        './vitest.carriers-twilio.config.ts',
      ],
    },
  };
});
