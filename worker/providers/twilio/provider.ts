/**
 * Twilio Programmable Messaging: SMS/MMS sends, and RCS through a Messaging Service with an
 * RCS sender (Twilio falls back to SMS itself, so `handlesFallback` is true). Rich content
 * goes through Content API templates created on demand and cached by content hash in D1.
 */
import type { Capability, RcsProvider, RcsSendRequest, RevokeResult, SendResult, SmsProvider, SmsSendRequest } from '../types';
import { sha256Hex } from '../../lib/crypto';
import { bytesToBase64, utf8 } from '../../lib/encoding';
import { backoffDelay, isRecord, isTimeout, readJson, sleep, withTimeout, type FetchFn, type RetryPolicy } from '../http';
import { toTemplateTypes, TWILIO_RCS_FEATURES, type TemplateTypes } from './content';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  messagingServiceSid?: string;
  from?: string;
  apiBase: string;
  contentApiBase: string;
  /** `${PUBLIC_URL}/webhooks/twilio` */
  statusCallback: string;
  retry?: RetryPolicy;
}

// Twilio's Messages endpoint has no idempotency key (docs/carriers.md, "Faults"): only the
// answers that mean nothing was queued are retried, 429 (rate limited) and 503 (Twilio busy,
// refused before queuing), honouring Retry-After. A 500/502/504, a timeout or a dropped
// connection may have queued the message: reported as `unknown`, never sent again.
const TWILIO_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, timeoutMs: 15_000 };

/** Answers that say Twilio refused the request before queuing anything. */
const NOT_QUEUED = new Set([429, 503]);

interface TwilioAnswer {
  /** 0: no answer (network failure or our timeout). */
  status: number;
  body: unknown;
}

/** Twilio's error shape `{code, message, more_info, status}`. */
function twilioError(a: TwilioAnswer): { message: string; code?: string } {
  if (isRecord(a.body) && typeof a.body.message === 'string') {
    return { message: a.body.message, ...(a.body.code !== undefined && a.body.code !== null ? { code: String(a.body.code) } : {}) };
  }
  return { message: a.status ? `Twilio answered HTTP ${a.status}` : `Twilio unreachable: ${String(a.body)}` };
}

class TwilioClient {
  readonly retry: RetryPolicy;
  constructor(
    readonly s: TwilioSettings,
    private readonly fetchFn: FetchFn,
  ) {
    this.retry = s.retry ?? TWILIO_RETRY;
  }

  private auth(): string {
    return `Basic ${bytesToBase64(utf8(`${this.s.accountSid}:${this.s.authToken}`))}`;
  }

  async request(url: string, body: URLSearchParams | string, contentType: string): Promise<TwilioAnswer> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(
          url,
          withTimeout(this.retry, {
            method: 'POST',
            headers: { authorization: this.auth(), 'content-type': contentType },
            body: body.toString(),
          }),
        );
      } catch (err) {
        // A connection error or a timeout may or may not have reached Twilio: not retried (see above).
        const why = isTimeout(err) ? `no answer within ${(this.retry.timeoutMs ?? 15_000) / 1000} s` : String(err);
        return { status: 0, body: why };
      }
      if (NOT_QUEUED.has(res.status) && attempt < this.retry.attempts) {
        const retryAfter = res.headers.get('retry-after');
        await res.body?.cancel();
        await sleep(backoffDelay(this.retry, attempt, retryAfter));
        continue;
      }
      return { status: res.status, body: await readJson(res) };
    }
  }

  /** POST Messages.json with the sender and callback every send shares (`id`: ours, for the log). */
  async sendMessage(id: string, params: URLSearchParams, preferService: boolean): Promise<SendResult> {
    if (preferService && this.s.messagingServiceSid) params.set('MessagingServiceSid', this.s.messagingServiceSid);
    else if (this.s.from) params.set('From', this.s.from);
    else if (this.s.messagingServiceSid) params.set('MessagingServiceSid', this.s.messagingServiceSid);
    params.set('StatusCallback', this.s.statusCallback);
    const a = await this.request(
      `${this.s.apiBase}/2010-04-01/Accounts/${this.s.accountSid}/Messages.json`,
      params,
      'application/x-www-form-urlencoded',
    );
    if (a.status >= 200 && a.status < 300) {
      if (isRecord(a.body) && typeof a.body.sid === 'string') return { ok: true, providerMessageId: a.body.sid };
      // Created, but the answer is unreadable: it is sent all the same (sending again would
      // deliver it twice); without the sid its status callbacks cannot be matched.
      console.warn(`Twilio accepted message ${id} with an unreadable answer (HTTP ${a.status})`);
      return { ok: true, providerMessageId: `twilio-unknown-sid:${id}` };
    }
    const err = twilioError(a);
    if (NOT_QUEUED.has(a.status)) return { ok: false, kind: 'unavailable', message: err.message };
    if (a.status === 0 || a.status >= 500) return { ok: false, kind: 'unknown', message: err.message };
    // 63106: the number is not RCS-capable (only with To=rcs:, which we do not use).
    if (err.code === '63106') return { ok: false, kind: 'not_reachable', message: err.message };
    // 21610 (recipient replied STOP at the carrier) and other 4xx: refused for good.
    return { ok: false, kind: 'rejected', message: err.message, ...(err.code ? { code: err.code } : {}) };
  }
}

export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio' as const;
  private readonly client: TwilioClient;
  constructor(settings: TwilioSettings, fetchFn: FetchFn = (i, init) => fetch(i, init)) {
    this.client = new TwilioClient(settings, fetchFn);
  }

  async send(req: SmsSendRequest): Promise<SendResult> {
    const p = new URLSearchParams();
    p.set('To', req.to);
    p.set('Body', req.text);
    for (const url of (req.mediaUrls ?? []).slice(0, 10)) p.append('MediaUrl', url);
    const r = await this.client.sendMessage(req.id, p, true);
    return r.ok ? { ...r, channel: 'sms' } : r;
  }
}

export class TwilioRcsProvider implements RcsProvider {
  readonly name = 'twilio' as const;
  readonly handlesFallback = true;
  private readonly client: TwilioClient;

  constructor(
    private readonly settings: TwilioSettings,
    private readonly db: D1Database,
    fetchFn: FetchFn = (i, init) => fetch(i, init),
  ) {
    if (!settings.messagingServiceSid)
      throw new Error('RCS_PROVIDER=twilio needs TWILIO_MESSAGING_SERVICE_SID (a Messaging Service with an RCS sender)');
    this.client = new TwilioClient(settings, fetchFn);
  }

  /**
   * Twilio decides RCS vs SMS per message inside the Messaging Service, so every number is
   * "capable" here; the features are what a Twilio template can carry.
   */
  async checkCapability(_phone: string): Promise<Capability> {
    return { capable: true, features: [...TWILIO_RCS_FEATURES] };
  }

  /** The template's sid, created once per distinct content (D1 cache by hash). */
  async contentSid(types: TemplateTypes): Promise<{ sid: string } | { error: SendResult }> {
    const canonical = JSON.stringify({ language: 'en', types });
    const hash = await sha256Hex(canonical);
    const cached = await this.db.prepare('SELECT sid FROM twilio_content WHERE hash = ?').bind(hash).first<{ sid: string }>();
    if (cached) return { sid: cached.sid };
    const a = await this.client.request(
      `${this.settings.contentApiBase}/v1/Content`,
      JSON.stringify({ friendly_name: `rcs_console_${hash.slice(0, 24)}`, language: 'en', variables: {}, types }),
      'application/json',
    );
    if (a.status < 200 || a.status >= 300 || !isRecord(a.body) || typeof a.body.sid !== 'string') {
      const err = twilioError(a);
      const kind = a.status === 0 || a.status === 429 || a.status >= 500 ? 'unavailable' : 'rejected';
      return {
        error: { ok: false, kind, message: `Content API: ${err.message}`, ...(err.code && kind === 'rejected' ? { code: err.code } : {}) },
      };
    }
    // Two concurrent first sends may both create a template: keep the first one recorded.
    await this.db
      .prepare('INSERT OR IGNORE INTO twilio_content (hash, sid, created_at) VALUES (?, ?, ?)')
      .bind(hash, a.body.sid, new Date().toISOString())
      .run();
    const row = await this.db.prepare('SELECT sid FROM twilio_content WHERE hash = ?').bind(hash).first<{ sid: string }>();
    return { sid: row?.sid ?? a.body.sid };
  }

  async send(req: RcsSendRequest): Promise<SendResult> {
    const p = new URLSearchParams();
    // A plain +E164 (not rcs:+E164) lets the Messaging Service fall back to SMS.
    p.set('To', req.to);
    const types = toTemplateTypes(req.content, req.id, req.fallbackText);
    if (types) {
      const c = await this.contentSid(types);
      if ('error' in c) return c.error;
      p.set('ContentSid', c.sid);
    } else if (req.content.type === 'text') {
      // One Body for both channels: the SMS version, which stands alone and carries the
      // marketing opt-out mention (the RCS text plus that line, or the sender's own SMS text).
      p.set('Body', req.fallbackText || req.content.text);
    }
    // The channel actually used is only known from the status callbacks (`rcs:` prefix).
    return this.client.sendMessage(req.id, p, true);
  }

  /** Twilio cannot revoke a sent message; it handles the SMS fallback itself. */
  async revoke(_phone: string, _id: string): Promise<RevokeResult> {
    return 'error';
  }

  /** Twilio's Messaging API exposes no typing or read events for RCS: nothing to do. */
  async sendAgentEvent(): Promise<void> {}
}
