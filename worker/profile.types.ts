/**
 * The Profile object's RPC surface, as the rest of the Worker calls it
 * (`env.PROFILE.getByName(phone).send(phone, ...)`). Every method takes the phone because the
 * object may be brand new. Implemented in profile.do.ts.
 */
import type { Content } from '../schemas/content';
import type { InboundEvent } from '../schemas/events';
import type { MessageStatus, MessageView, TrackEvent, Channel } from '../schemas/messages';
import type { ConsentSource, ConsentStatus, ProfileUpsert, ProfileView, Purpose, SendPurpose } from '../schemas/profile';
import type { MessagePageView } from '../schemas/console-api';

export interface SendRequest {
  purpose: SendPurpose;
  content: Content;
  fallback_text?: string;
  idempotency_key?: string;
  campaign_id?: string;
  /** Agent id for console replies; API key id for API sends. */
  author?: string;
  /** Schedule for later (held by the object's alarm). */
  send_at?: string;
}

/** Consent refusals and the like: the API answers 422 with `error`. */
export type SendRefusal = 'marketing_not_subscribed' | 'transactional_opted_out' | 'outside_care_window' | 'invalid_content';

export type SendOutcome =
  | { ok: true; id: string; status: MessageStatus; channel: Channel; duplicate: boolean; reason?: string }
  | { ok: false; error: SendRefusal; message: string };

export interface ConsentChange {
  purpose: Purpose;
  status: Exclude<ConsentStatus, 'never'>;
  source: ConsentSource;
  text: string | null;
  actor: string | null;
}

/** 409 `opted_out_by_customer`: an agent or the API tried to undo the customer's own opt-out. */
export interface ConsentRefusal {
  error: 'opted_out_by_customer';
  message: string;
  purposes: Purpose[];
}

/** An agent records a customer's sentence ("ne m'envoyez plus rien") as their opt-out. */
export type RecordOptOutOutcome =
  | { ok: true; changed: boolean; profile: ProfileView }
  | { ok: false; error: 'not_found' | 'not_customer_text'; message: string };

export type MessagePage = MessagePageView & {
  /** Set (with an empty page) when `cursor` is not one this API returned: answer 400. */
  error?: 'invalid_cursor';
};

export interface IngestResult {
  duplicate: boolean;
  /** What the keyword engine made of an inbound text. */
  keyword?: 'opt_out' | 'opt_in' | 'help' | null;
}

export interface ProfileRpc {
  upsert(phone: string, input: ProfileUpsert, actor: string): Promise<ProfileView | ConsentRefusal>;
  get(phone: string): Promise<ProfileView | null>;
  send(phone: string, req: SendRequest): Promise<SendOutcome>;
  /** Newest first; `cursor` from a previous page loads older messages. */
  listMessages(phone: string, opts?: { cursor?: string | null; limit?: number }): Promise<MessagePage>;
  ingest(event: InboundEvent): Promise<IngestResult>;
  track(event: TrackEvent): Promise<{ duplicate: boolean }>;
  setConsent(phone: string, change: ConsentChange): Promise<ProfileView | ConsentRefusal>;
  /** The customer's message `messageId` asks to stop: opt out as a keyword would, logged as the agent's. */
  recordOptOut(phone: string, messageId: string, actor: string): Promise<RecordOptOutOutcome>;
  addNote(phone: string, text: string, author: string): Promise<MessageView>;
  /** Console → customer: typing indicator, or mark the customer's last message read (RBM). */
  agentEvent(phone: string, type: 'typing' | 'read'): Promise<void>;
  /** A short link of a campaign's or flow's message was opened: its click, once per message. */
  recordClick(phone: string, messageId: string): Promise<boolean>;
}
