// Helpers for the carriers suites: read what the fakes recorded, script their answers, build
// adapters with fast retries, and sign webhooks the way Google and Twilio do.
import { env } from 'cloudflare:workers';
import { parseServiceAccount } from '../../worker/providers/rbm/auth';
import { RbmProvider, type RbmSettings } from '../../worker/providers/rbm/provider';
import { twilioSettings } from '../../worker/providers/twilio';
import { TwilioRcsProvider, TwilioSmsProvider } from '../../worker/providers/twilio/provider';
import type { RetryPolicy } from '../../worker/providers/http';

// The fakes' record and reply shapes: a type-only import, erased before the code runs in workerd.
import type { Recorded, Reply } from '../fakes/server';

export type { Recorded, Reply };

export const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

/**
 * A US number no other test uses, valid for the phone parser (area 201, a random exchange that
 * is not an N11 service code). The carriers here are local fakes: nobody is ever texted.
 */
export function uniquePhone(): string {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint32Array(2));
  const drawn = 200 + (a % 800);
  const exchange = drawn % 100 === 11 ? drawn + 1 : drawn;
  return `+1201${exchange}${String(b % 10_000).padStart(4, '0')}`;
}

export async function recorded(base: string): Promise<Recorded[]> {
  const res = await fetch(`${base}/__fake/requests`);
  return (await res.json()) as Recorded[];
}

/** Requests the fake received whose method+path+query+body mention `needle`. */
export async function requestsFor(base: string, needle: string): Promise<Recorded[]> {
  return (await recorded(base)).filter((r) => {
    const form = (r.headers['content-type'] ?? '').includes('x-www-form-urlencoded')
      ? [...new URLSearchParams(r.body)].map(([k, v]) => `${k}=${v}`).join('&')
      : r.body;
    return `${r.path}?${r.query.map(([k, v]) => `${k}=${v}`).join('&')} ${form}`.includes(needle);
  });
}

/** The next answers to `method` requests matching `match` (path, query or body substring). */
export async function script(base: string, method: string, match: string, replies: Reply[]): Promise<void> {
  const res = await fetch(`${base}/__fake/script`, { method: 'POST', body: JSON.stringify({ method, match, replies }) });
  if (!res.ok) throw new Error('could not script the fake');
}

export const query = (r: Recorded): Record<string, string> => Object.fromEntries(r.query);
export const form = (r: Recorded): URLSearchParams => new URLSearchParams(r.body);

export function rbmSettings(overrides: Partial<RbmSettings> = {}, clientEmail?: string): RbmSettings {
  const sa = parseServiceAccount(env.RBM_SERVICE_ACCOUNT);
  return {
    agentId: env.RBM_AGENT_ID,
    apiBase: env.RBM_API_BASE,
    tokenUrl: env.GOOGLE_TOKEN_URL,
    // A distinct client_email gets its own cached token (the cache is keyed by it).
    serviceAccount: clientEmail ? { ...sa, client_email: clientEmail } : sa,
    retry: FAST_RETRY,
    ...overrides,
  };
}

export const rbm = (overrides: Partial<RbmSettings> = {}, clientEmail?: string): RbmProvider =>
  new RbmProvider(rbmSettings(overrides, clientEmail));
export const twilioSms = (): TwilioSmsProvider => new TwilioSmsProvider({ ...twilioSettings(env), retry: FAST_RETRY });
export const twilioRcs = (): TwilioRcsProvider => new TwilioRcsProvider({ ...twilioSettings(env), retry: FAST_RETRY }, env.DB);

function b64urlDecode(s: string): string {
  return atob(s.replace(/-/g, '+').replace(/_/g, '/'));
}

/** Token exchanges the fake received for one service-account email, with their JWT claims. */
export async function tokenExchanges(email: string): Promise<{ form: URLSearchParams; claims: Record<string, unknown> }[]> {
  return (await recorded(env.RBM_API_BASE))
    .filter((r) => r.method === 'POST' && r.path === '/token')
    .map((r) => {
      const f = new URLSearchParams(r.body);
      const claims = JSON.parse(b64urlDecode((f.get('assertion') ?? '').split('.')[1] ?? '')) as Record<string, unknown>;
      return { form: f, claims };
    })
    .filter((t) => t.claims.iss === email);
}

/** A Pub/Sub push envelope around `decoded`, signed as Google signs it. */
export async function rbmEnvelope(
  decoded: unknown,
  clientToken: string,
  publishTime = '2026-01-01T00:00:00Z',
): Promise<{ body: string; signature: string }> {
  const { rbmSignature } = await import('../../worker/providers/rbm/webhook');
  const data = new TextEncoder().encode(JSON.stringify(decoded));
  let bin = '';
  for (const b of data) bin += String.fromCharCode(b);
  const body = JSON.stringify({
    message: { data: btoa(bin), messageId: crypto.randomUUID(), publishTime, attributes: {} },
    subscription: 'projects/test/subscriptions/rbm',
  });
  return { body, signature: await rbmSignature(clientToken, data) };
}

/** Posts a signed RBM envelope to /webhooks/rbm. */
export async function postRbm(decoded: unknown): Promise<Response> {
  const { exports } = await import('cloudflare:workers');
  const { body, signature } = await rbmEnvelope(decoded, env.RBM_CLIENT_TOKEN);
  return exports.default.fetch('https://console.example.test/webhooks/rbm', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-signature': signature },
    body,
  });
}

/** Posts form params to /webhooks/twilio signed over PUBLIC_URL + path as Twilio does. */
export async function postTwilio(
  params: Record<string, string>,
  opts: { signature?: string | null; query?: string } = {},
): Promise<Response> {
  const { exports } = await import('cloudflare:workers');
  const { twilioSignature } = await import('../../worker/providers/twilio/webhook');
  const path = `/webhooks/twilio${opts.query ?? ''}`;
  const form = new URLSearchParams(params);
  const signature =
    opts.signature === undefined ? await twilioSignature(env.TWILIO_AUTH_TOKEN, `${env.PUBLIC_URL}${path}`, form) : opts.signature;
  return exports.default.fetch(`https://edge.internal${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    body: form.toString(),
  });
}
