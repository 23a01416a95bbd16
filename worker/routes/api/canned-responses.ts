/**
 * `/api/canned-responses`: saved replies an agent inserts with `/shortcut` in the composer.
 * Everyone reads; agents and admins create and delete.
 */
import { Hono } from 'hono';
import { CannedResponseCreateSchema, type CannedResponse } from '../../../schemas/console-api';
import { canWriteInbox, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import * as v from 'valibot';
import { IdParam, jsonBody, params } from '../validate';

const write = canWriteInbox();

export const cannedResponses = new Hono<ConsoleEnv>()
  .get('/', async (c) => {
    const { results } = await c.env.DB.prepare(
      'SELECT id, shortcut, title, text FROM canned_responses ORDER BY shortcut',
    ).all<CannedResponse>();
    return c.json(results satisfies CannedResponse[]);
  })
  .post('/', write, jsonBody(CannedResponseCreateSchema), async (c) => {
    const input = c.req.valid('json');
    const row: CannedResponse = { id: crypto.randomUUID(), ...input };
    const res = await c.env.DB.prepare(
      'INSERT INTO canned_responses (id, shortcut, title, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shortcut) DO NOTHING',
    )
      .bind(row.id, row.shortcut, row.title, row.text, c.var.user.id, new Date().toISOString())
      .run();
    if (!res.meta.changes) throw new HttpError(409, 'shortcut_taken', `The shortcut /${row.shortcut} is already used.`);
    return c.json(row, 201);
  })
  .delete('/:id', write, params(v.object({ id: IdParam })), async (c) => {
    const res = await c.env.DB.prepare('DELETE FROM canned_responses WHERE id = ?').bind(c.req.valid('param').id).run();
    if (!res.meta.changes) throw new HttpError(404, 'not_found', 'No such canned response.');
    return c.body(null, 204);
  });
