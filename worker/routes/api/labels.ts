/**
 * `/api/labels`: the label list (name and colour) used to tag conversations. Everyone reads;
 * agents and admins add labels, admins remove them (conversations keep the tag text).
 */
import { Hono } from 'hono';
import { LabelCreateSchema, type Label } from '../../../schemas/labels';
import { canWriteInbox, requireRole, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import { DEFAULT_LABEL_COLOR } from './conversations';
import * as v from 'valibot';
import { jsonBody, params } from '../validate';

export const labels = new Hono<ConsoleEnv>()
  .get('/', async (c) => {
    const { results } = await c.env.DB.prepare('SELECT name, color FROM labels ORDER BY name COLLATE NOCASE').all<Label>();
    return c.json(results satisfies Label[]);
  })
  .post('/', canWriteInbox(), jsonBody(LabelCreateSchema), async (c) => {
    const input = c.req.valid('json');
    const label: Label = { name: input.name, color: input.color ?? DEFAULT_LABEL_COLOR };
    const res = await c.env.DB.prepare('INSERT OR IGNORE INTO labels (name, color, created_at) VALUES (?, ?, ?)')
      .bind(label.name, label.color, new Date().toISOString())
      .run();
    if (!res.meta.changes) throw new HttpError(409, 'label_exists', `The label "${label.name}" already exists.`);
    return c.json(label, 201);
  })
  .delete('/:name', requireRole('admin'), params(v.object({ name: v.pipe(v.string(), v.maxLength(100)) })), async (c) => {
    const { name } = c.req.valid('param');
    const res = await c.env.DB.prepare('DELETE FROM labels WHERE name = ?').bind(name).run();
    if (!res.meta.changes) throw new HttpError(404, 'not_found', `No label "${name}".`);
    return c.body(null, 204);
  });
