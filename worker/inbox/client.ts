/**
 * How the rest of the Worker talks to the Inbox object: its stub, the changes a Profile sends
 * it, and the headers of a forwarded WebSocket upgrade. A leaf module (types and constants),
 * so Profile code and routes can name the Inbox without importing the object's code.
 */
import type { ConversationActivity } from '../../schemas/console';
import type { MessageView } from '../../schemas/messages';
import type { ConsentLogEntry, ProfileView } from '../../schemas/profile';

/** Per-message changes a Profile forwards for a conversation already surfaced in the inbox. */
export type ThreadEvent = { type: 'message'; message: MessageView } | { type: 'typing'; at: string };

/**
 * One change a Profile sends the Inbox (`Inbox.apply` takes them in order, in one call):
 * conversation activity with the message that caused it, a message added or changed, the
 * customer typing, or the profile after a consent change (with the new consent log entries).
 */
export type InboxOp =
  | { type: 'activity'; activity: ConversationActivity; message: MessageView | null }
  | { type: 'message'; phone: string; message: MessageView }
  | { type: 'typing'; phone: string; at: string }
  | { type: 'profile'; phone: string; profile: ProfileView; consent_log: ConsentLogEntry[] };

/** Headers the Worker sets on a forwarded WebSocket upgrade, after checking the session. */
export const WS_USER_HEADER = 'x-inbox-user-id';
export const WS_ROLE_HEADER = 'x-inbox-user-role';
export const WS_SESSION_HEADER = 'x-inbox-session-id';

/** The one Inbox object of a deployment (shard by brand later if needed). */
export const inboxStub = (env: Env) => env.INBOX.getByName('main');
