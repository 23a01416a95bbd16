// Applies the D1 migrations once per test run (the Workers Vitest plugin's documented way).
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    }
  }
}
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
