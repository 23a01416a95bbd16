/**
 * `/api/segments`: the console's segments page. Everyone signed in reads; marketers and admins
 * create, edit and delete (agents get 403). `POST /preview` answers the builder's live count,
 * a sample of members and who a send would exclude, for a definition not saved yet.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  type Segment,
  SegmentCreateSchema,
  SegmentPatchSchema,
  type SegmentPreview,
  SegmentPreviewRequestSchema,
} from '../../../schemas/segments-api';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { audienceBreakdown, segmentCount, segmentSample } from '../../segments';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from '../../segments/saved';
import { IdParam, jsonBody, params } from '../validate';

/** Members shown in the builder's sample. */
export const SAMPLE_SIZE = 10;

const writer = requireRole('admin', 'marketer');
const segmentId = params(v.object({ id: IdParam }));

export const consoleSegments = new Hono<ConsoleEnv>()
  .get('/', async (c) => c.json({ segments: await listSegments(c.env) }))
  .post('/preview', jsonBody(SegmentPreviewRequestSchema), async (c) => {
    const { definition, purpose } = c.req.valid('json');
    const now = Date.now();
    const [count, sample, breakdown] = await Promise.all([
      segmentCount(c.env, definition, now),
      segmentSample(c.env, definition, SAMPLE_SIZE, now),
      audienceBreakdown(c.env, definition, purpose, now),
    ]);
    return c.json({ count, sample, breakdown } satisfies SegmentPreview);
  })
  .post('/', writer, jsonBody(SegmentCreateSchema), async (c) => {
    const segment = await createSegment(c.env, c.req.valid('json'), `user:${c.var.user.id}`);
    return c.json(segment satisfies Segment, 201);
  })
  .get('/:id', segmentId, async (c) => c.json((await getSegment(c.env, c.req.valid('param').id)) satisfies Segment))
  .patch('/:id', writer, segmentId, jsonBody(SegmentPatchSchema), async (c) =>
    c.json((await updateSegment(c.env, c.req.valid('param').id, c.req.valid('json'))) satisfies Segment),
  )
  .delete('/:id', writer, segmentId, async (c) => {
    await deleteSegment(c.env, c.req.valid('param').id);
    return c.body(null, 204);
  });
