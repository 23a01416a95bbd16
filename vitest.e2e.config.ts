// Browser end-to-end tests: plain Node (not the Workers pool). One real `wrangler dev` with
// fresh local state for the whole run (test/e2e/global-setup.ts); Debian's Chromium driven
// by playwright-core. Files run one after another: the machine is small and they share a server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
});
