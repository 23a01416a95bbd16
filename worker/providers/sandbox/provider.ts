/**
 * The sandbox network's sending side: simulated phones that are RCS-capable or SMS-only.
 * A phone's mode comes from D1 `sandbox_phones`; without a row, the documented default rule
 * applies: last digit even → RCS-capable, odd → SMS-only. 'rcs_offline' phones are capable
 * but never deliver (the fallback deadline then revokes and sends SMS).
 *
 * Nothing leaves the machine: delivery receipts are simulated by the Profile object, which
 * schedules the receipts this provider describes (`simulatedReceipts`) as timers that feed
 * `ingest()` the same normalized status events a carrier's callback would.
 */
import type { Capability, RcsProvider, RcsSendRequest, RevokeResult, SendResult, SmsProvider, SmsSendRequest } from '../types';

export type SandboxMode = 'rcs' | 'sms' | 'rcs_offline';

/** Every feature a modern RCS client reports (docs/carriers.md, "Capability checks and the cache"). */
export const SANDBOX_RCS_FEATURES = [
  'RICHCARD_STANDALONE',
  'RICHCARD_CAROUSEL',
  'ACTION_CREATE_CALENDAR_EVENT',
  'ACTION_DIAL',
  'ACTION_OPEN_URL',
  'ACTION_SHARE_LOCATION',
  'ACTION_VIEW_LOCATION',
  'ACTION_OPEN_URL_IN_WEBVIEW',
];

/** The default rule when a phone has no row: last digit even → RCS, odd → SMS only. */
export function defaultSandboxMode(phone: string): SandboxMode {
  const last = Number(phone.at(-1));
  return Number.isInteger(last) && last % 2 === 0 ? 'rcs' : 'sms';
}

const isMode = (m: unknown): m is SandboxMode => m === 'rcs' || m === 'sms' || m === 'rcs_offline';

/**
 * The isolate's copy of `sandbox_phones` (the few phones the simulator switched), read again
 * once it is MODES_MS old: a campaign's thousands of sends on the sandbox network do not each
 * read D1 (a real carrier costs us no D1 read either). Plain data, never a promise shared
 * between requests (as the settings copy, worker/settings.ts): when it expires, the first
 * caller reads and the others keep the old copy meanwhile. A switch made through this isolate
 * clears it at once (`forgetSandboxModes`); another isolate sees it within MODES_MS. A table
 * larger than MODES_MAX is read phone by phone instead.
 */
const MODES_MS = 2000;
const MODES_MAX = 1000;
let modes: { at: number; table: ReadonlyMap<string, SandboxMode> | null } | null = null;
/** When the read under way started (0: none), and the copy's generation (bumped by each clear). */
let reading = 0;
let generation = 0;

export function forgetSandboxModes(): void {
  modes = null;
  reading = 0;
  generation++;
}

async function readModes(env: Env): Promise<ReadonlyMap<string, SandboxMode> | null> {
  const { results } = await env.DB.prepare('SELECT phone, mode FROM sandbox_phones LIMIT ?')
    .bind(MODES_MAX + 1)
    .all<{ phone: string; mode: string }>();
  if (results.length > MODES_MAX) return null;
  return new Map(results.flatMap((r) => (isMode(r.mode) ? [[r.phone, r.mode] as const] : [])));
}

export async function sandboxMode(env: Env, phone: string): Promise<SandboxMode> {
  const now = Date.now();
  let copy = modes;
  if (!copy || (now - copy.at > MODES_MS && now - reading >= MODES_MS)) {
    reading = now;
    const started = generation;
    copy = { at: now, table: await readModes(env) };
    // A read that began before a switch cleared the copy may hold the old mode: not kept.
    if (started === generation) modes = copy;
  }
  if (copy.table) return copy.table.get(phone) ?? defaultSandboxMode(phone);
  const row = await env.DB.prepare('SELECT mode FROM sandbox_phones WHERE phone = ?').bind(phone).first<{ mode: string }>();
  return isMode(row?.mode) ? row.mode : defaultSandboxMode(phone);
}

/** A receipt the simulated network will report, `afterMs` after the send. */
export interface SimulatedReceipt {
  status: 'delivered' | 'read';
  afterMs: number;
}

/** Providers that simulate their own receipts (only the sandbox). */
export interface SimulatesReceipts {
  simulatedReceipts(phone: string, channel: 'rcs' | 'sms'): Promise<SimulatedReceipt[]>;
}

export function simulatesReceipts(p: object): p is SimulatesReceipts {
  return typeof (p as Partial<SimulatesReceipts>).simulatedReceipts === 'function';
}

const between = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

export class SandboxProvider implements RcsProvider, SmsProvider, SimulatesReceipts {
  readonly name = 'sandbox' as const;
  readonly handlesFallback = false;

  constructor(private readonly env: Env) {}

  async checkCapability(phone: string): Promise<Capability> {
    const mode = await sandboxMode(this.env, phone);
    return mode === 'sms' ? { capable: false, features: [] } : { capable: true, features: [...SANDBOX_RCS_FEATURES] };
  }

  async send(req: RcsSendRequest | SmsSendRequest): Promise<SendResult> {
    if ('content' in req) {
      // RCS: a phone switched to SMS-only since its capability was cached answers like RBM's 404.
      const mode = await sandboxMode(this.env, req.to);
      if (mode === 'sms') return { ok: false, kind: 'not_reachable', message: 'sandbox phone is not RCS-reachable (404)' };
      return { ok: true, providerMessageId: req.id, channel: 'rcs' };
    }
    return { ok: true, providerMessageId: `sms-${req.id}`, channel: 'sms' };
  }

  async revoke(phone: string, _id: string): Promise<RevokeResult> {
    // An offline phone never received it; an online phone received it within seconds.
    return (await sandboxMode(this.env, phone)) === 'rcs_offline' ? 'revoked' : 'already_delivered';
  }

  async sendAgentEvent(_phone: string, _event: { type: 'typing' } | { type: 'read'; messageId: string }): Promise<void> {
    // The simulator shows nothing for agent events; the Profile records them.
  }

  async simulatedReceipts(phone: string, channel: 'rcs' | 'sms'): Promise<SimulatedReceipt[]> {
    if (channel === 'sms') return [{ status: 'delivered', afterMs: between(1000, 2000) }];
    if ((await sandboxMode(this.env, phone)) !== 'rcs') return [];
    return [
      { status: 'delivered', afterMs: between(1000, 2000) },
      { status: 'read', afterMs: between(3000, 6000) },
    ];
  }
}
