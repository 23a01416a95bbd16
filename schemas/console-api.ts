/**
 * Request and answer shapes of the console's conversation routes (`/api/conversations`); the
 * other console routes have their own file (users.ts, api-keys.ts, labels.ts,
 * canned-responses.ts, settings.ts), so a console page bundles only the shapes it uses. The
 * Worker validates with these schemas and types its answers with them; the console parses the
 * answers with the same. The routes are listed in docs/api.md ("Console API").
 */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { ConversationStatusSchema, ConversationSummarySchema } from './console';
import { LABELS_PER_CONVERSATION, LabelNameSchema } from './labels';
import { ChannelSchema, MessageStatusSchema, MessageViewSchema } from './message-view';
import { ConsentLogEntrySchema, ProfileViewSchema, PurposeSchema } from './profile';

export { ROLES, RoleSchema, type Role } from './users';

/** The inbox's tabs: the agent's conversations, nobody's, everyone's. */
export const TABS = ['mine', 'unassigned', 'all'] as const;
export type Tab = (typeof TABS)[number];

/** Query of `GET /api/conversations` (strings, as they come from the URL). */
export const ConversationListQuerySchema = v.strictObject({
  tab: v.optional(v.picklist(TABS, 'must be "mine", "unassigned" or "all"'), 'all'),
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

/** `GET /api/conversations`: one page of the list, with the tab counts for the same filters. */
export const ConversationListSchema = v.object({
  conversations: v.array(ConversationSummarySchema),
  next_cursor: v.nullable(v.string()),
  counts: v.object({ mine: v.number(), unassigned: v.number(), all: v.number() }),
});
export type ConversationList = v.InferOutput<typeof ConversationListSchema>;

/** `GET /api/conversations/{phone}`: the row, and the profile panel's customer. */
export const ConversationDetailSchema = v.object({
  conversation: ConversationSummarySchema,
  profile: ProfileViewSchema,
  /** Newest first. */
  consent_log: v.array(ConsentLogEntrySchema),
  events: v.array(ProfileEventViewSchema),
  labels: v.array(v.string()),
});
export type ConversationDetail = v.InferOutput<typeof ConversationDetailSchema>;

/** `GET /api/conversations/{phone}/messages`: newest first; `next_cursor` pages to older ones. */
export const MessagePageSchema = v.object({
  messages: v.array(MessageViewSchema),
  next_cursor: v.nullable(v.string()),
});
export type MessagePageView = v.InferOutput<typeof MessagePageSchema>;

/** `POST /api/conversations/{phone}/messages` (202): the reply as the send pipeline took it. */
export const ReplyAcceptedSchema = v.object({ id: v.string(), status: MessageStatusSchema, channel: ChannelSchema });
export type ReplyAccepted = v.InferOutput<typeof ReplyAcceptedSchema>;

/** `POST /api/conversations/{phone}/opt-out`: whether consent changed, and the profile now. */
export const RecordedOptOutSchema = v.object({ changed: v.boolean(), profile: ProfileViewSchema });
export type RecordedOptOut = v.InferOutput<typeof RecordedOptOutSchema>;
