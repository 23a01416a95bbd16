/**
 * Request shapes of the console's conversation routes (`/api/conversations`); the other
 * console routes have their own file (users.ts, api-keys.ts, labels.ts, canned-responses.ts,
 * settings.ts), so a console page bundles only the shapes it uses. The Worker validates with
 * these schemas and types its answers with them; the console parses or types from the same.
 * The routes are listed in docs/api.md ("Console API").
 */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { ConversationStatusSchema } from './console';
import { LABELS_PER_CONVERSATION, LabelNameSchema } from './labels';
import { PurposeSchema } from './profile';

export { ROLES, RoleSchema, type Role } from './users';

/** Query of `GET /api/conversations` (strings, as they come from the URL). */
export const ConversationListQuerySchema = v.strictObject({
  tab: v.optional(v.picklist(['mine', 'unassigned', 'all'], 'must be "mine", "unassigned" or "all"'), 'all'),
  status: v.optional(ConversationStatusSchema),
  channel: v.optional(v.picklist(['rcs', 'sms'], 'must be "rcs" or "sms"')),
  label: v.optional(LabelNameSchema),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'must be at most 100 characters'))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
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
export type ConversationListQuery = v.InferOutput<typeof ConversationListQuerySchema>;

export const MessagePageQuerySchema = v.strictObject({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(200, 'must be at most 200'),
    ),
  ),
});

/** `PATCH /api/conversations/:phone`. `snooze` sets the status to `snoozed`. */
export const ConversationPatchSchema = v.pipe(
  v.strictObject({
    status: v.optional(ConversationStatusSchema),
    assignee: v.optional(v.nullable(v.pipe(v.string('must be a user id or null'), v.minLength(1), v.maxLength(64)))),
    labels: v.optional(
      v.pipe(
        v.array(LabelNameSchema, 'must be a list of label names'),
        v.maxLength(LABELS_PER_CONVERSATION, `must hold at most ${LABELS_PER_CONVERSATION} labels`),
      ),
    ),
    snooze: v.optional(
      v.union(
        [
          v.strictObject({ until: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')) }),
          v.strictObject({ until_reply: v.literal(true) }),
        ],
        'must be {until: ISO timestamp} or {until_reply: true}',
      ),
    ),
  }),
  v.check((p) => !(p.snooze && p.status && p.status !== 'snoozed'), 'snooze cannot be combined with a status other than "snoozed"'),
);
export type ConversationPatch = v.InferOutput<typeof ConversationPatchSchema>;

export const ReplySchema = v.strictObject({
  content: ContentSchema,
  fallback_text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1600, 'must be at most 1600 characters'))),
});
export const NoteSchema = v.strictObject({
  text: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(5000, 'must be at most 5000 characters'),
  ),
});
export const AgentConsentSchema = v.strictObject({
  purpose: PurposeSchema,
  status: v.picklist(['subscribed', 'unsubscribed'], 'must be "subscribed" or "unsubscribed"'),
  reason: v.pipe(v.string('must say why'), v.trim(), v.minLength(1, 'must say why'), v.maxLength(500)),
});

/** `POST /api/conversations/{phone}/opt-out`: the customer's message that asked to stop. */
export const RecordOptOutSchema = v.strictObject({
  message_id: v.pipe(v.string('must be the id of the customer’s message'), v.minLength(1, 'must not be empty'), v.maxLength(100)),
});

/** A tracked event (order, product view) as the profile panel shows it, newest first. */
export const ProfileEventViewSchema = v.object({
  id: v.string(),
  name: v.string(),
  properties: v.record(v.string(), v.unknown()),
  value: v.nullable(v.number()),
  time: v.string(),
});
export type ProfileEventView = v.InferOutput<typeof ProfileEventViewSchema>;
