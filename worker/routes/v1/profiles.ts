/**
 * `/v1/profiles` (docs/api.md, "Profiles"): create or update a profile, read it,
 * and page through its messages. The Profile Durable Object of the number is the source of
 * truth; this router only authenticates, validates and forwards.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ProfileUpsertSchema } from '../../../schemas/profile';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { consentRefused, HttpError } from '../../errors';
import { jsonBody, phoneParam, query } from '../validate';

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

const notFound = (phone: string) => new HttpError(404, 'not_found', `No profile for ${phone}.`);

export const profiles = new Hono<ApiEnv>()
  .use(apiKeyAuth())
  .put('/:phone', phoneParam(), jsonBody(ProfileUpsertSchema), async (c) => {
    const { phone } = c.req.valid('param');
    const result = await c.env.PROFILE.getByName(phone).upsert(phone, c.req.valid('json'), c.var.actor);
    if ('error' in result) throw consentRefused(result);
    return c.json(result, 200);
  })
  .get('/:phone', phoneParam(), async (c) => {
    const { phone } = c.req.valid('param');
    const profile = await c.env.PROFILE.getByName(phone).get(phone);
    if (!profile) throw notFound(phone);
    return c.json(profile, 200);
  })
  .get('/:phone/messages', phoneParam(), query(MessagesQuerySchema), async (c) => {
    const { phone } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    const stub = c.env.PROFILE.getByName(phone);
    // Both calls reach the same object; asked together, the 404 costs no extra round trip.
    const [profile, page] = await Promise.all([stub.get(phone), stub.listMessages(phone, { cursor: cursor ?? null, limit })]);
    // Bad input is a 400 whether or not the profile exists.
    if (page.error === 'invalid_cursor') {
      const message = 'must be a cursor returned as next_cursor';
      throw new HttpError(400, 'invalid_request', `cursor: ${message}`, [{ path: 'cursor', message }]);
    }
    if (!profile) throw notFound(phone);
    return c.json({ messages: page.messages, next_cursor: page.next_cursor }, 200);
  });
