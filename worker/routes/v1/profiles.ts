/**
 * `/v1/profiles` (architecture.md, public contract): create or update a profile, read it,
 * and page through its messages. The Profile Durable Object of the number is the source of
 * truth; this router only authenticates, validates and forwards.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ProfileUpsertSchema } from '../../../schemas/profile';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { consentRefused, HttpError } from '../../errors';
import { jsonBody, limitBody, parseQuery, phoneParam } from '../validate';

const MessagesQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200, 'must be a cursor returned as next_cursor'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(100, 'must be at most 100'),
    ),
  ),
});

export const profiles = new Hono<ApiEnv>()
  .use(apiKeyAuth(), limitBody())
  .put('/:phone', jsonBody(ProfileUpsertSchema), async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const result = await c.env.PROFILE.getByName(phone).upsert(phone, c.req.valid('json'), c.var.actor);
    if ('error' in result) throw consentRefused(result);
    return c.json(result, 200);
  })
  .get('/:phone', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const profile = await c.env.PROFILE.getByName(phone).get(phone);
    if (!profile) throw new HttpError(404, 'not_found', `No profile for ${phone}.`);
    return c.json(profile, 200);
  })
  .get('/:phone/messages', async (c) => {
    const phone = phoneParam(c.req.param('phone'));
    const query = parseQuery(MessagesQuerySchema, c.req.query());
    const page = await c.env.PROFILE.getByName(phone).listMessages(phone, { cursor: query.cursor ?? null, limit: query.limit });
    if (page.error === 'invalid_cursor') {
      const message = 'must be a cursor returned as next_cursor';
      throw new HttpError(400, 'invalid_request', `cursor: ${message}`, [{ path: 'cursor', message }]);
    }
    return c.json({ messages: page.messages, next_cursor: page.next_cursor }, 200);
  });
