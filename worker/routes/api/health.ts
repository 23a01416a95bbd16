/**
 * `GET /api/health`: liveness, open to all (the one route the example-secret guard leaves on).
 * `npm start` calls it once: the first call creates the first admin (and, on a local sandbox,
 * the demo accounts) and the demo customers.
 */
import { Hono } from 'hono';
import { exampleSecretRefusal } from '../../auth/example-secrets';
import { ensureSeeded } from '../../auth/users';
import { ensureDemoData } from '../../seed';

let seeded = false;

export const health = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  // No seeding where the Worker refuses to serve: an admin created with the example password
  // would outlive the fix (ADMIN_PASSWORD is only read while there are no users).
  // (The guard middleware has already logged why.)
  if (exampleSecretRefusal(c.env, c.req.url)) return c.json({ ok: true });
  if (!seeded) {
    await ensureSeeded(c.env, c.req.url);
    seeded = true;
  }
  // Demo customers and conversations on a fresh sandbox deployment (worker/seed.ts).
  await ensureDemoData(c.env);
  return c.json({ ok: true });
});
