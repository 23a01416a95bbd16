/**
 * Inbox: the conversation list projection and the agents' WebSockets (hibernation API).
 * Receives only conversation-level changes, never per-message status storms.
 */
import { DurableObject } from 'cloudflare:workers';
import type { ConversationActivity } from '../schemas/console';
import type { MessageView } from '../schemas/messages';

/** Per-message changes a Profile forwards for a conversation already surfaced in the inbox. */
export type ThreadEvent = { type: 'message'; message: MessageView } | { type: 'typing'; at: string };

export class Inbox extends DurableObject<Env> {
  /** A conversation changed: create or update its row, reopen on customer activity, broadcast. */
  async conversationActivity(_activity: ConversationActivity): Promise<void> {}
  /** Broadcast a thread change (new message, tap, status tick, typing) to connected consoles. */
  async threadEvent(_phone: string, _event: ThreadEvent): Promise<void> {}
}

/** The one Inbox object of a deployment (shard by brand later if needed). */
export const inboxStub = (env: Env) => env.INBOX.getByName('main');
