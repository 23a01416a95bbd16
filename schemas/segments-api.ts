/**
 * Requests and answers of the segment routes (`/v1/segments`, `/api/segments`): a saved
 * segment with its count, the builder's preview, and the consent breakdown a campaign shows.
 * The definition's grammar is schemas/segments.ts.
 */
import * as v from 'valibot';
import { PURPOSES } from './profile';
import { isObject, list, objectMessage, SEGMENT_NAME_MAX_LENGTH, type SegmentDefinition, SegmentDefinitionSchema } from './segments';

const SegmentName = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(SEGMENT_NAME_MAX_LENGTH, `must be at most ${SEGMENT_NAME_MAX_LENGTH} characters`),
);

/** `POST /v1/segments`, `POST /api/segments`. */
export const SegmentCreateSchema = v.strictObject({ name: SegmentName, definition: SegmentDefinitionSchema }, objectMessage);
export type SegmentCreate = v.InferOutput<typeof SegmentCreateSchema>;
/** `PATCH /api/segments/{id}`: the name, the definition or both. */
export const SegmentPatchSchema = v.strictObject(
  { name: v.optional(SegmentName), definition: v.optional(SegmentDefinitionSchema) },
  objectMessage,
);
export type SegmentPatch = v.InferOutput<typeof SegmentPatchSchema>;
/** `POST /api/segments/preview`: `purpose` picks the consent the breakdown counts. */
export const SegmentPreviewRequestSchema = v.strictObject(
  { definition: SegmentDefinitionSchema, purpose: v.optional(v.picklist(PURPOSES, `must be one of ${list(PURPOSES)}`), 'marketing') },
  objectMessage,
);

/** Who of a segment a send of one purpose would reach, as the directory sees consent. */
export const AudienceBreakdownSchema = v.object({
  /** Profiles the definition matches. */
  matched: v.number(),
  /** Of those, how many the directory says may receive a send of that purpose now. */
  reachable: v.number(),
  /** The rest, by reason. */
  excluded: v.object({ unsubscribed: v.number(), not_subscribed: v.number() }),
});
export type AudienceBreakdown = v.InferOutput<typeof AudienceBreakdownSchema>;
export type ExclusionReason = keyof AudienceBreakdown['excluded'];

/** A saved segment as the API answers it, with a count taken when answering. */
export const SegmentSchema = v.object({
  id: v.string(),
  name: v.string(),
  definition: v.custom<SegmentDefinition>(isObject),
  count: v.number(),
  /** A built-in example (read-only: the console edits a copy). */
  builtin: v.boolean(),
  created_at: v.string(),
  updated_at: v.string(),
});
export type Segment = v.InferOutput<typeof SegmentSchema>;
export const SegmentListSchema = v.object({ segments: v.array(SegmentSchema) });

export const SegmentMemberSchema = v.object({ phone: v.string(), name: v.nullable(v.string()) });
export const SegmentPreviewSchema = v.object({
  count: v.number(),
  sample: v.array(SegmentMemberSchema),
  breakdown: AudienceBreakdownSchema,
});
export type SegmentPreview = v.InferOutput<typeof SegmentPreviewSchema>;
