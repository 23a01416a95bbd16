/** Conversation labels (`/api/labels`): a name and a colour. */
import * as v from 'valibot';

export const LABEL_NAME_MAX_LENGTH = 40;
/** At most this many labels on one conversation. */
export const LABELS_PER_CONVERSATION = 20;

export const LabelNameSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(LABEL_NAME_MAX_LENGTH, `must be at most ${LABEL_NAME_MAX_LENGTH} characters`),
);
/** A `#rrggbb` colour, as `<input type="color">` gives it. */
export const HexColorSchema = v.pipe(v.string('must be a string'), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8'));

export const LabelSchema = v.object({ name: v.string(), color: v.string() });
export type Label = v.InferOutput<typeof LabelSchema>;

export const LabelCreateSchema = v.strictObject({ name: LabelNameSchema, color: v.optional(HexColorSchema) });
