/**
 * Google RBM as the RCS provider (REST v1, docs/carriers.md): capability checks, sends with our
 * message id as the idempotency key, revokes, and typing/read agent events. 429/5xx, network
 * errors and timeouts are retried with bounded backoff (same messageId, so a retry never sends
 * twice: RBM answers 409 for a messageId it already has, which counts as sent); a 401 gets one
 * fresh token.
 */
import type { Capability, RcsProvider, RcsSendRequest, RevokeResult, SendResult } from '../types';
import { accessToken, type ServiceAccount } from './auth';
import { toContentMessage, type CardLayout } from './mapping';
import { backoffDelay, DEFAULT_RETRY, isRecord, readJson, sleep, withTimeout, type FetchFn, type RetryPolicy } from '../http';

export interface RbmSettings {
  agentId: string;
  apiBase: string;
  tokenUrl: string;
  serviceAccount: ServiceAccount;
  retry?: RetryPolicy;
  layout?: CardLayout;
}

interface ApiAnswer {
  status: number;
  body: unknown;
  /** Network failure or retries exhausted on a transient status. */
  transient: boolean;
}

/** Google's error shape `{error: {code, message, status}}`, or a short fallback. */
function googleMessage(body: unknown, status: number): string {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') {
    const s = typeof body.error.status === 'string' ? `${body.error.status}: ` : '';
    return `${s}${body.error.message}`;
  }
  return `RBM answered HTTP ${status}`;
}

export class RbmProvider implements RcsProvider {
  readonly name = 'rbm' as const;
  readonly handlesFallback = false;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly settings: RbmSettings,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {
    this.retry = settings.retry ?? DEFAULT_RETRY;
  }

  private url(path: string, query: Record<string, string>): string {
    const q = new URLSearchParams({ ...query, agentId: this.settings.agentId });
    // E.164 goes into the path as-is ("+" is a legal path character), as Google's samples do.
    return `${this.settings.apiBase}/v1/${path}?${q.toString()}`;
  }

  /** One API call with auth, one token refresh on 401, bounded retries on 429/5xx/network. */
  private async call(method: string, url: string, body?: unknown): Promise<ApiAnswer> {
    let refreshed = false;
    let forceRefresh = false;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        const token = await accessToken(this.settings.serviceAccount, this.settings.tokenUrl, this.fetchFn, { forceRefresh });
        forceRefresh = false;
        res = await this.fetchFn(
          url,
          withTimeout(this.retry, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );
      } catch (err) {
        // Network failure or our timeout: the same call again (a send keeps its messageId, so a
        // message RBM did accept is answered 409 the second time, never delivered twice).
        if (attempt >= this.retry.attempts) return { status: 0, body: String(err), transient: true };
        await sleep(backoffDelay(this.retry, attempt, null));
        continue;
      }
      if (res.status === 401 && !refreshed) {
        // The cached token was revoked or expired early: get a new one, once.
        refreshed = true;
        forceRefresh = true;
        await res.body?.cancel();
        attempt--;
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        if (attempt >= this.retry.attempts) return { status: res.status, body: await readJson(res), transient: true };
        const retryAfter = res.headers.get('retry-after');
        await res.body?.cancel();
        await sleep(backoffDelay(this.retry, attempt, retryAfter));
        continue;
      }
      return { status: res.status, body: await readJson(res), transient: false };
    }
  }

  async checkCapability(phone: string): Promise<Capability> {
    const a = await this.call('GET', this.url(`phones/${phone}/capabilities`, { requestId: crypto.randomUUID() }));
    if (a.status === 200) {
      const features =
        isRecord(a.body) && Array.isArray(a.body.features) ? a.body.features.filter((f): f is string => typeof f === 'string') : [];
      return { capable: true, features };
    }
    if (a.status === 404) return { capable: false, features: [] };
    throw new Error(`RBM capability check for ${phone} failed: ${googleMessage(a.body, a.status)}`);
  }

  async send(req: RcsSendRequest): Promise<SendResult> {
    const body = {
      contentMessage: toContentMessage(req.content, req.id, this.settings.layout),
      messageTrafficType: req.traffic,
      // RBM keeps at most 15 days and recommends at least 10 s.
      ttl: `${Math.min(Math.max(Math.round(req.ttlSeconds), 10), 15 * 24 * 3600)}s`,
    };
    const a = await this.call('POST', this.url(`phones/${req.to}/agentMessages`, { messageId: req.id }), body);
    if (a.status >= 200 && a.status < 300) return { ok: true, providerMessageId: req.id, channel: 'rcs' };
    // ALREADY_EXISTS: an earlier attempt with this messageId was accepted (its answer was lost).
    if (a.status === 409) return { ok: true, providerMessageId: req.id, channel: 'rcs' };
    if (a.status === 404) return { ok: false, kind: 'not_reachable', message: googleMessage(a.body, a.status) };
    if (a.transient)
      return { ok: false, kind: 'unavailable', message: a.status ? googleMessage(a.body, a.status) : `RBM unreachable: ${String(a.body)}` };
    return { ok: false, kind: 'rejected', message: googleMessage(a.body, a.status), code: String(a.status) };
  }

  async revoke(phone: string, id: string): Promise<RevokeResult> {
    const a = await this.call('DELETE', this.url(`phones/${phone}/agentMessages/${encodeURIComponent(id)}`, {}));
    if (a.status >= 200 && a.status < 300) return 'revoked';
    if (a.status === 404) return 'already_delivered';
    return 'error';
  }

  async sendAgentEvent(phone: string, event: { type: 'typing' } | { type: 'read'; messageId: string }): Promise<void> {
    const body = event.type === 'typing' ? { eventType: 'IS_TYPING' } : { eventType: 'READ', messageId: event.messageId };
    const a = await this.call('POST', this.url(`phones/${phone}/agentEvents`, { eventId: crypto.randomUUID() }), body);
    // Typing and read receipts are courtesy signals: a failure is logged, never fatal.
    if (a.status < 200 || a.status >= 300)
      console.warn(`RBM agent event ${body.eventType} for ${phone} failed: ${googleMessage(a.body, a.status)}`);
  }
}
