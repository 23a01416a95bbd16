/**
 * `/v1/segments` (docs/api.md, "Segments"): save a segment definition and read it back with a
 * fresh count. A definition that breaks the grammar is a 400 naming the bad condition.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { type Segment, SegmentCreateSchema } from '../../../schemas/segments-api';
import { apiKeyAuth, type ApiEnv } from '../../auth/api-key';
import { createSegment, getSegment, listSegments } from '../../segments/saved';
import { IdParam, jsonBody, params } from '../validate';

export const segments = new Hono<ApiEnv>()
  .use(apiKeyAuth())
  .post('/', jsonBody(SegmentCreateSchema), async (c) => {
    const segment = await createSegment(c.env, c.req.valid('json'), c.var.actor);
    return c.json(segment satisfies Segment, 201);
  })
  .get('/', async (c) => c.json({ segments: await listSegments(c.env) }))
  .get('/:id', params(v.object({ id: IdParam })), async (c) =>
    c.json((await getSegment(c.env, c.req.valid('param').id)) satisfies Segment),
  );
