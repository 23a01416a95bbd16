/**
 * The provider interface. Two roles chosen by configuration: an RCS provider (sandbox, rbm,
 * twilio) and an SMS provider (sandbox, twilio). Adapters map the content model to their
 * wire format, send, and (RCS) check capability, revoke and send agent events. Webhook
 * verification and parsing live beside each adapter and produce `InboundEvent`s.
 */
import type { Content } from '../../schemas/content';
import type { InboundEvent, StoreEvent } from '../../schemas/events';

export type TrafficType = 'PROMOTION' | 'TRANSACTION' | 'ACKNOWLEDGEMENT' | 'SERVICEREQUEST';

export interface RcsSendRequest {
  /** Our message id (a UUID): the RBM `messageId`, reused on retry as the idempotency key. */
  id: string;
  to: string;
  content: Content;
  traffic: TrafficType;
  /** Seconds the carrier may keep trying before revoking (RBM `ttl`). */
  ttlSeconds: number;
  /** SMS text a provider with built-in fallback (Twilio) may use. */
  fallbackText: string;
}

export interface SmsSendRequest {
  id: string;
  to: string;
  text: string;
  /** MMS media, only when the SMS provider and the brand allow it. */
  mediaUrls?: string[];
}

export type SendResult =
  | { ok: true; providerMessageId: string; channel?: 'rcs' | 'sms' }
  /** The number is not RCS-reachable (RBM 404): fall back to SMS. */
  | { ok: false; kind: 'not_reachable'; message: string }
  /** Refused for good (RBM 400, Twilio 4xx): record as failed with the provider's words. */
  | { ok: false; kind: 'rejected'; message: string; code?: string }
  /** Transient (429, 5xx, network) after bounded retries: nothing was sent, the Profile may retry later. */
  | { ok: false; kind: 'unavailable'; message: string }
  /**
   * The carrier may or may not have accepted it (Twilio 500, a timeout, a dropped connection)
   * and has no idempotency key: sending again could deliver it twice, so it is never resent.
   */
  | { ok: false; kind: 'unknown'; message: string };

export interface Capability {
  capable: boolean;
  features: string[];
}

export type RevokeResult = 'revoked' | 'already_delivered' | 'error';

export interface RcsProvider {
  readonly name: 'sandbox' | 'rbm' | 'twilio';
  /** Twilio decides RCS vs SMS itself inside a Messaging Service. */
  readonly handlesFallback: boolean;
  checkCapability(phone: string): Promise<Capability>;
  send(req: RcsSendRequest): Promise<SendResult>;
  revoke(phone: string, id: string): Promise<RevokeResult>;
  sendAgentEvent(phone: string, event: { type: 'typing' } | { type: 'read'; messageId: string }): Promise<void>;
}

export interface SmsProvider {
  readonly name: 'sandbox' | 'twilio';
  send(req: SmsSendRequest): Promise<SendResult>;
}

/** One POST to `/webhooks/<provider>`, as the route hands it over (the bytes that were signed). */
export interface WebhookRequest {
  raw: Uint8Array<ArrayBuffer>;
  headers: Headers;
  /** The URL the Worker saw (workerd has already percent-encoded it). */
  url: string;
}

/** A carrier event acknowledged but not routed (a number that does not parse...), for the log. */
export interface DroppedEvent {
  id: string | null;
  reason: string;
}

/**
 * A verified, parsed webhook: events to route (and the ones dropped on the way, acknowledged
 * all the same so the carrier stops retrying), or a direct answer (RBM's handshake).
 */
export type WebhookResult =
  | { kind: 'events'; events: InboundEvent[]; dropped: DroppedEvent[] }
  /** A store's events (Shopify): orders, checkouts, customers. */
  | { kind: 'store'; events: StoreEvent[]; dropped: DroppedEvent[] }
  | { kind: 'respond'; response: Response };

/**
 * What every webhook provider exports: `/webhooks/<name>` is `webhookRoute(provider)` for each
 * (worker/routes/webhooks.ts), so a new carrier or store is one more of these.
 */
export interface WebhookProvider {
  readonly name: InboundEvent['provider'] | StoreEvent['provider'];
  /** Largest body accepted (413 above). */
  readonly maxBytes: number;
  /** Whether this deployment listens to it at all (404 otherwise). */
  enabled(env: Env): boolean;
  /** Verifies the signature (401), validates (400) and normalizes. Nothing is routed before. */
  verifyAndParse(env: Env, req: WebhookRequest): Promise<WebhookResult>;
  /** The answer once the events are routed (`duplicate`: every one was seen before). */
  acknowledge(outcome: { events: number; duplicate: boolean }): Response;
  /** Credentials for fetching the customer's files from this carrier (Twilio: Basic auth on its API host). */
  mediaAuthorization?(env: Env, url: URL): string | null;
}
