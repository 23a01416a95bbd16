/**
 * Canned responses (`/api/canned-responses`): saved replies shared with the whole team. Admins
 * write them; agents insert one by typing `/shortcut` in the composer.
 */
import * as v from 'valibot';

export const SHORTCUT_MAX_LENGTH = 32;
/** What may follow the `/`: the composer's menu matches the same characters. */
export const SHORTCUT_PATTERN = /^[a-z0-9_-]+$/;
export const CANNED_TITLE_MAX_LENGTH = 100;
/** Longer than one SMS on purpose; the composer counts the segments before sending. */
export const CANNED_TEXT_MAX_LENGTH = 3072;

export const CannedResponseSchema = v.object({
  id: v.string(),
  shortcut: v.string(),
  title: v.string(),
  text: v.string(),
});
export type CannedResponse = v.InferOutput<typeof CannedResponseSchema>;

const Shortcut = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.regex(SHORTCUT_PATTERN, 'must use only letters, digits, - or _'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(SHORTCUT_MAX_LENGTH, `must be at most ${SHORTCUT_MAX_LENGTH} characters`),
);
const Title = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(CANNED_TITLE_MAX_LENGTH, `must be at most ${CANNED_TITLE_MAX_LENGTH} characters`),
);
const Text = v.pipe(
  v.string('must be a string'),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
  v.maxLength(CANNED_TEXT_MAX_LENGTH, `must be at most ${CANNED_TEXT_MAX_LENGTH} characters`),
);

/** `POST /api/canned-responses` (admin). */
export const CannedResponseCreateSchema = v.strictObject({ shortcut: Shortcut, title: Title, text: Text });
export type CannedResponseInput = v.InferInput<typeof CannedResponseCreateSchema>;
/** `PATCH /api/canned-responses/{id}` (admin): any of the three fields. */
export const CannedResponsePatchSchema = v.partial(CannedResponseCreateSchema);
