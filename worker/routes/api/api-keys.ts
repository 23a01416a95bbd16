/**
 * `/api/api-keys` (admin): rotation of the keys for the public `/v1` API. The plaintext key is
 * returned once at creation; only its hash is stored (worker/auth/api-key.ts).
 */
import { Hono } from 'hono';
import { ApiKeyCreateSchema } from '../../../schemas/console-api';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-key';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import { body } from './validate';

export const apiKeys = new Hono<ConsoleEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json(await listApiKeys(c.env)))
  .post('/', async (c) => {
    const { name } = await body(c, ApiKeyCreateSchema);
    return c.json(await createApiKey(c.env, name), 201);
  })
  .delete('/:id', async (c) => {
    if (!(await revokeApiKey(c.env, c.req.param('id')))) throw new HttpError(404, 'not_found', 'No active API key with that id.');
    return c.body(null, 204);
  });
