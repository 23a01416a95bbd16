// The campaign benchmark's measurement (bench/pool/, run by bench/suites/50-campaign.mjs, not by
// `npm test`): the bench build (`[env.bench]`: the production Worker plus the /bench routes and
// the baseline consumer) in the Workers test pool, with the same bindings as the test projects.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from './test/bindings';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('worker/db/migrations');
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml', environment: 'bench' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ...TEST_BINDINGS,
            BENCH_CAMPAIGN_RECIPIENTS: process.env.BENCH_CAMPAIGN_RECIPIENTS ?? '10000',
          },
        },
      }),
    ],
    test: {
      include: ['bench/pool/**/*.test.ts'],
      setupFiles: ['test/setup.ts'],
      testTimeout: 120 * 60_000,
    },
  };
});
