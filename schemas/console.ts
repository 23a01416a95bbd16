/**
 * Shapes the console shares with the Worker: the conversation list projection kept by the
 * Inbox object, and the live WebSocket protocol (one `v.variant('type', ...)` union, which the
 * console validates every event against on receipt).
 */
import * as v from 'valibot';
import { ChannelSchema, MessageViewSchema } from './message-view';
import { ConsentLogEntrySchema, ProfileViewSchema } from './profile';

export const ConversationStatusSchema = v.picklist(['open', 'pending', 'snoozed', 'resolved']);
export type ConversationStatus = v.InferOutput<typeof ConversationStatusSchema>;

/** A row of the inbox list. */
export const ConversationSummarySchema = v.object({
  phone: v.string(),
  name: v.nullable(v.string()),
  status: ConversationStatusSchema,
  assignee: v.nullable(v.string()),
  labels: v.array(v.string()),
  channel: ChannelSchema,
  preview: v.string(),
  last_direction: v.picklist(['in', 'out']),
  last_activity_at: v.string(),
  unread: v.number(),
  snoozed_until: v.nullable(v.string()),
  /** Flagged for an agent (e.g. a message mentioning "stop" that was not an opt-out). */
  flagged: v.boolean(),
});
export type ConversationSummary = v.InferOutput<typeof ConversationSummarySchema>;

/**
 * What a Profile object tells the Inbox when the conversation changed (a customer message,
 * a tap, an agent reply, a consent change). Per-message status ticks go through
 * `ThreadEvent` and only for conversations already surfaced in the inbox.
 */
export interface ConversationActivity {
  phone: string;
  name: string | null;
  direction: 'in' | 'out';
  channel: 'rcs' | 'sms';
  preview: string;
  at: string;
  /** Inbound customer activity reopens resolved conversations and wakes "until reply" snoozes. */
  kind: 'message' | 'tap' | 'agent_reply' | 'automated' | 'consent' | 'note';
  flagged?: boolean;
}

/** Server → console, over the Inbox WebSocket. Every event but `hello` and `pong` has a `seq`. */
export const ServerEventSchema = v.variant('type', [
  v.object({ type: v.literal('hello'), cursor: v.number() }),
  /** A conversation row changed (created, new activity, assignment, status, labels, read). */
  v.object({ type: v.literal('conversation'), seq: v.number(), conversation: ConversationSummarySchema }),
  /** A message was added to or changed in a thread (new message, tap, status tick). */
  v.object({ type: v.literal('message'), seq: v.number(), phone: v.string(), message: MessageViewSchema }),
  /** The customer is typing. */
  v.object({ type: v.literal('typing'), seq: v.number(), phone: v.string(), at: v.string() }),
  /**
   * The customer's consent changed (a keyword, an agent, the API, a carrier): the profile as it
   * is now, and the consent log entries the change wrote (newest first).
   */
  v.object({
    type: v.literal('profile'),
    seq: v.number(),
    phone: v.string(),
    profile: ProfileViewSchema,
    consent_log: v.array(ConsentLogEntrySchema),
  }),
  v.object({ type: v.literal('pong') }),
]);
export type ServerEvent = v.InferOutput<typeof ServerEventSchema>;

/**
 * The close code of a console's socket whose session ended (sign-out, a disabled account, a
 * new role or password): the console goes back to the sign-in page instead of reconnecting.
 */
export const WS_SESSION_ENDED = 4401;

/** Console → server. `resume` asks for everything after a sequence number after a reconnect. */
export const ClientEventSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
  v.object({ type: v.literal('resume'), after: v.number() }),
  v.object({ type: v.literal('typing'), phone: v.string() }),
]);
export type ClientEvent = v.InferOutput<typeof ClientEventSchema>;
