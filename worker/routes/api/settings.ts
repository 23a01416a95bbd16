/**
 * `/api/settings` (admin): the brand's name, opt-out mention, HELP text, logo and colour, in
 * the D1 `settings` key/value table the send pipeline and `/api/brand` read.
 */
import { Hono } from 'hono';
import { SettingsSchema, type ConsoleSettings } from '../../../schemas/console-api';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { jsonBody } from '../validate';

/** Console field → settings key. */
const KEYS = {
  brand_name: 'brand_name',
  opt_out_mention: 'opt_out_mention',
  help_text: 'help_text',
  logo_url: 'logo_url',
  color: 'brand_color',
} as const satisfies Record<keyof ConsoleSettings, string>;

// TODO(profile helper): once worker/settings.ts (getBrandSettings + DEFAULT_BRAND) is on main, read
// through it so the defaults live in one place. These mirror migration 0002_core.sql's seed.
const DEFAULTS: ConsoleSettings = {
  brand_name: 'Maison Lumière',
  opt_out_mention: 'STOP au 36111',
  help_text:
    'Maison Lumière : offres et suivi de commande par message. Aide : contact@maison-lumiere.example. Répondez STOP pour ne plus recevoir nos messages.',
  logo_url: '/logo.svg',
  color: '#7a4b2a',
};

async function readSettings(env: Env): Promise<ConsoleSettings> {
  const { results } = await env.DB.prepare('SELECT key, value FROM settings').all<{ key: string; value: string }>();
  const stored = new Map(results.map((r) => [r.key, r.value]));
  const out = { ...DEFAULTS };
  for (const field of Object.keys(KEYS) as (keyof ConsoleSettings)[]) {
    const value = stored.get(KEYS[field]);
    if (value) out[field] = value;
  }
  return out;
}

const admin = requireRole('admin');

export const settings = new Hono<ConsoleEnv>()
  .get('/', admin, async (c) => c.json(await readSettings(c.env)))
  .put('/', admin, jsonBody(SettingsSchema), async (c) => {
    const input = c.req.valid('json');
    const writes = (Object.keys(KEYS) as (keyof ConsoleSettings)[])
      .filter((field) => input[field] !== undefined)
      .map((field) =>
        c.env.DB.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').bind(
          KEYS[field],
          String(input[field]),
        ),
      );
    if (writes.length) await c.env.DB.batch(writes);
    return c.json(await readSettings(c.env));
  });
