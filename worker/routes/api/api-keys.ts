/**
 * `/api/api-keys` (admin): rotation of the keys for the public `/v1` API. The plaintext key is
 * returned once at creation; only its hash is stored (worker/auth/api-key.ts). A revoked key
 * stays listed with its `revoked_at`, and revoking it again is a 404.
 */
import { Hono } from 'hono';
import { type ApiKey, type ApiKeyCreated, ApiKeyCreateSchema } from '../../../schemas/api-keys';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-key';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import * as v from 'valibot';
import { IdParam, jsonBody, params } from '../validate';

export const apiKeys = new Hono<ConsoleEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json((await listApiKeys(c.env)) satisfies ApiKey[]))
  .post('/', jsonBody(ApiKeyCreateSchema), async (c) => {
    const { name } = c.req.valid('json');
    return c.json((await createApiKey(c.env, name)) satisfies ApiKeyCreated, 201);
  })
  .delete('/:id', params(v.object({ id: IdParam })), async (c) => {
    if (!(await revokeApiKey(c.env, c.req.valid('param').id))) throw new HttpError(404, 'not_found', 'No active API key with that id.');
    return c.body(null, 204);
  });
