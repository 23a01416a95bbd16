/**
 * The Profile object's RPC surface, as the rest of the Worker calls it
 * (`env.PROFILE.getByName(phone).send(phone, ...)`). Every method takes the phone because the
 * object may be brand new. Implemented in profile.do.ts.
 */
import type { CapMode, RecipientOutcome } from '../schemas/campaign-view';
import type { Content } from '../schemas/content';
import type { InboundEvent, StoreEvent } from '../schemas/events';
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
  /** What the keyword engine made of an inbound text (`confirm`: the YES of a double opt-in). */
  keyword?: 'opt_out' | 'opt_in' | 'help' | 'signup' | 'confirm' | null;
}

/** One recipient of a campaign, handed to their Profile object by the fan-out. */
export interface CampaignSendRequest {
  campaign_id: string;
  variant: 'a' | 'b';
  /** The variant's message as written (Liquid included): rendered for this customer. */
  content: unknown;
  fallback_text: string | null;
  cap_mode: CapMode;
  /**
   * The caller writes the returned outcome to D1 (the fan-out does, one D1 batch per queue
   * message instead of one write per recipient); the object writes its later changes itself.
   */
  caller_writes?: boolean;
}

/** The recipient's outcome as it stands (a held one changes later, from the alarm). */
export interface CampaignOutcome {
  phone: string;
  outcome: RecipientOutcome;
  reason?: string;
  channel?: Channel;
  message_id?: string;
  held_until?: string;
  variant: 'a' | 'b';
  /** Grows with each change: D1 keeps the highest. */
  rev: number;
}
/** A signup (`POST /v1/subscriptions`, the signup page, a JOIN keyword): docs/compliance.md, "Signups". */
export interface OptInRequest {
  purpose: 'marketing';
  /** Where the signup came from, kept in the consent log (`signup_page`, `keyword:JOIN`, the API's `source`). */
  source: string;
  /** Who started it: only the customer's own (page, keyword) may reach a customer who opted out. */
  via: 'api' | 'page' | 'keyword';
  /** False: subscribed at once (single opt-in, the API only, with a named source). */
  double: boolean;
  /** Language of the confirmation request (`fr…` or `en…`); else the profile's, else the number's. */
  locale?: string;
  /** API key id, or the console user behind a simulated phone. */
  actor: string | null;
}

/** `sent`: a confirmation request went out now (never told to the signup page's visitor). */
export type OptInOutcome = { status: 'pending' | 'subscribed'; sent: boolean } | ConsentRefusal;

export interface ProfileRpc {
  /** A campaign's send to this customer: exactly once per campaign, outcome recorded (profile/campaign.ts). */
  sendCampaign(phone: string, req: CampaignSendRequest): Promise<CampaignOutcome>;
  /** This customer's outcome for a campaign as their object holds it; null when never handed to them. */
  campaignOutcome(phone: string, campaignId: string): Promise<CampaignOutcome | null>;
  upsert(phone: string, input: ProfileUpsert, actor: string): Promise<ProfileView | ConsentRefusal>;
  get(phone: string): Promise<ProfileView | null>;
  send(phone: string, req: SendRequest): Promise<SendOutcome>;
  /** Newest first; `cursor` from a previous page loads older messages. */
  listMessages(phone: string, opts?: { cursor?: string | null; limit?: number }): Promise<MessagePage>;
  ingest(event: InboundEvent): Promise<IngestResult>;
  track(event: TrackEvent): Promise<{ duplicate: boolean }>;
  /** Starts a signup: one confirmation request (double opt-in), or subscribed at once (single). */
  subscribe(phone: string, req: OptInRequest): Promise<OptInOutcome>;
  /** What the brand's store said (Shopify): an order or checkout event, or the customer's fields and consent. */
  storeEvent(event: StoreEvent): Promise<{ duplicate: boolean }>;
  setConsent(phone: string, change: ConsentChange): Promise<ProfileView | ConsentRefusal>;
  /** The customer's message `messageId` asks to stop: opt out as a keyword would, logged as the agent's. */
  recordOptOut(phone: string, messageId: string, actor: string): Promise<RecordOptOutOutcome>;
  addNote(phone: string, text: string, author: string): Promise<MessageView>;
  /** Console → customer: typing indicator, or mark the customer's last message read (RBM). */
  agentEvent(phone: string, type: 'typing' | 'read'): Promise<void>;
  /** A short link of a campaign's or flow's message was opened: its click, once per message. */
  recordClick(phone: string, messageId: string): Promise<boolean>;
}
