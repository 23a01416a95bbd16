/**
 * `/api/settings` (admin): every setting a brand can change (schemas/settings.ts), read and
 * written through worker/settings.ts, the module the send pipeline reads them from.
 */
import { Hono } from 'hono';
import { SettingsPatchSchema, type Settings } from '../../../schemas/settings';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { readSettings, writeSettings } from '../../settings';
import { jsonBody } from '../validate';

const admin = requireRole('admin');

export const settings = new Hono<ConsoleEnv>()
  .get('/', admin, async (c) => c.json((await readSettings(c.env)) satisfies Settings))
  .put('/', admin, jsonBody(SettingsPatchSchema), async (c) =>
    c.json((await writeSettings(c.env, c.req.valid('json'))) satisfies Settings),
  );
