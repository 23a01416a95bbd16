/**
 * `/api/canned-responses`: saved replies, shared with the whole team, that agents insert with
 * `/shortcut` in the composer. Everyone reads; only admins create, edit and delete them, so
 * what goes out to customers word for word is the brand's choice.
 */
import { Hono } from 'hono';
import { type CannedResponse, CannedResponseCreateSchema, CannedResponsePatchSchema } from '../../../schemas/canned-responses';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import * as v from 'valibot';
import { IdParam, jsonBody, params } from '../validate';

const admin = requireRole('admin');
const cannedId = params(v.object({ id: IdParam }));

const shortcutTaken = (shortcut: string) =>
  new HttpError(409, 'shortcut_taken', `The shortcut /${shortcut} is already used.`, [{ path: 'shortcut', message: 'already used' }]);

async function findCanned(env: Env, id: string): Promise<CannedResponse> {
  const row = await env.DB.prepare('SELECT id, shortcut, title, text FROM canned_responses WHERE id = ?').bind(id).first<CannedResponse>();
  if (!row) throw new HttpError(404, 'not_found', 'No such canned response.');
  return row;
}

export const cannedResponses = new Hono<ConsoleEnv>()
  .get('/', async (c) => {
    const { results } = await c.env.DB.prepare(
      'SELECT id, shortcut, title, text FROM canned_responses ORDER BY shortcut',
    ).all<CannedResponse>();
    return c.json(results satisfies CannedResponse[]);
  })
  .post('/', admin, jsonBody(CannedResponseCreateSchema), async (c) => {
    const input = c.req.valid('json');
    const row: CannedResponse = { id: crypto.randomUUID(), ...input };
    const res = await c.env.DB.prepare(
      'INSERT INTO canned_responses (id, shortcut, title, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shortcut) DO NOTHING',
    )
      .bind(row.id, row.shortcut, row.title, row.text, c.var.user.id, new Date().toISOString())
      .run();
    if (!res.meta.changes) throw shortcutTaken(row.shortcut);
    return c.json(row satisfies CannedResponse, 201);
  })
  .patch('/:id', admin, cannedId, jsonBody(CannedResponsePatchSchema), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const current = await findCanned(c.env, id);
    const next: CannedResponse = { ...current, ...patch };
    try {
      await c.env.DB.prepare('UPDATE canned_responses SET shortcut = ?, title = ?, text = ? WHERE id = ?')
        .bind(next.shortcut, next.title, next.text, id)
        .run();
    } catch (err) {
      // The one constraint an edit can break: another response already has this shortcut.
      if (String(err).includes('UNIQUE')) throw shortcutTaken(next.shortcut);
      throw err;
    }
    return c.json((await findCanned(c.env, id)) satisfies CannedResponse);
  })
  .delete('/:id', admin, cannedId, async (c) => {
    const res = await c.env.DB.prepare('DELETE FROM canned_responses WHERE id = ?').bind(c.req.valid('param').id).run();
    if (!res.meta.changes) throw new HttpError(404, 'not_found', 'No such canned response.');
    return c.body(null, 204);
  });
