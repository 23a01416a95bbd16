/**
 * Shapes the console shares with the Worker: the conversation list projection kept by the
 * Inbox object, and the live WebSocket protocol (one `v.variant('type', ...)` union).
 */
import * as v from 'valibot';

export const ConversationStatusSchema = v.picklist(['open', 'pending', 'snoozed', 'resolved']);
export type ConversationStatus = v.InferOutput<typeof ConversationStatusSchema>;

/** A row of the inbox list. */
export interface ConversationSummary {
  phone: string;
  name: string | null;
  status: ConversationStatus;
  assignee: string | null;
  labels: string[];
  channel: 'rcs' | 'sms';
  preview: string;
  last_direction: 'in' | 'out';
  last_activity_at: string;
  unread: number;
  snoozed_until: string | null;
  /** Flagged for an agent (e.g. a message mentioning "stop" that was not an opt-out). */
  flagged: boolean;
}

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

/** Server → console, over the Inbox WebSocket. */
export const ServerEventSchema = v.variant('type', [
  v.object({ type: v.literal('hello'), cursor: v.number() }),
  /** A conversation row changed (created, new activity, assignment, status, labels, read). */
  v.object({ type: v.literal('conversation'), seq: v.number(), conversation: v.any() }),
  /** A message was added to or changed in a thread (new message, tap, status tick). */
  v.object({ type: v.literal('message'), seq: v.number(), phone: v.string(), message: v.any() }),
  /** The customer is typing. */
  v.object({ type: v.literal('typing'), seq: v.number(), phone: v.string(), at: v.string() }),
  /** Another agent's presence or an assignment notice. */
  v.object({ type: v.literal('pong') }),
]);
export type ServerEvent = v.InferOutput<typeof ServerEventSchema>;

/** Console → server. `resume` asks for everything after a sequence number after a reconnect. */
export const ClientEventSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
  v.object({ type: v.literal('resume'), after: v.number() }),
  v.object({ type: v.literal('typing'), phone: v.string() }),
]);
export type ClientEvent = v.InferOutput<typeof ClientEventSchema>;
