/**
 * The sandbox network's inbound side: signs and verifies its callbacks
 * (`X-Sandbox-Signature: base64(HMAC-SHA256(SANDBOX_SECRET, raw body bytes))`), validates
 * them and normalizes them into `InboundEvent`s. `dispatchSandbox` is how the phone
 * simulator (and the sandbox provider's delivery receipts) report: it signs a callback and
 * sends it through the real `/webhooks/sandbox` route in-process, so a simulated customer
 * takes exactly a carrier's path.
 */
import * as v from 'valibot';
import type { InboundEvent } from '../../../schemas/events';
import { SandboxCallbackSchema, type SandboxCallback, type SandboxCallbackInput } from '../../../schemas/sandbox';
import { HttpError, validationError } from '../../errors';
import { hmac, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, tryBase64ToBytes } from '../../lib/encoding';

export const SANDBOX_SIGNATURE_HEADER = 'X-Sandbox-Signature';
export const SANDBOX_WEBHOOK_PATH = '/webhooks/sandbox';

/**
 * Whether this deployment runs the sandbox network (either provider is `sandbox`, the
 * default). With real carriers only, sandbox callbacks and the simulator would let anyone
 * holding SANDBOX_SECRET (or a console session) put words in real customers' mouths.
 */
export function sandboxEnabled(env: Env): boolean {
  return (env.RCS_PROVIDER || 'sandbox') === 'sandbox' || (env.SMS_PROVIDER || 'sandbox') === 'sandbox';
}

/** base64(HMAC-SHA256(secret, body)), the value of `X-Sandbox-Signature`. */
export async function signSandboxPayload(secret: string, body: string | Uint8Array): Promise<string> {
  return bytesToBase64(await hmac('SHA-256', secret, body));
}

/** Constant-time check of a signature header against the raw body. */
export async function verifySandboxSignature(secret: string | undefined, body: Uint8Array, header: string | undefined): Promise<boolean> {
  // No secret configured means no sandbox callback can be trusted: fail closed.
  if (!secret || !header) return false;
  const signature = tryBase64ToBytes(header);
  if (signature?.length !== 32) return false;
  return timingSafeEqual(await hmac('SHA-256', secret, body), signature);
}

/** Raw (verified) body → one normalized event; 400 `invalid_json` / `invalid_request` otherwise. */
export function parseSandboxCallback(body: Uint8Array): InboundEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The callback body is not valid JSON.');
  }
  const result = v.safeParse(SandboxCallbackSchema, json);
  if (!result.success) throw validationError(result.issues);
  return [normalize(result.output)];
}

function normalize(cb: SandboxCallback): InboundEvent {
  const base = { provider: 'sandbox' as const, id: cb.id, phone: cb.phone, channel: cb.channel, at: cb.at ?? new Date().toISOString() };
  switch (cb.type) {
    case 'message':
      return { ...base, type: 'message', text: cb.text };
    case 'tap':
      return { ...base, type: 'tap', postback: cb.postback, text: cb.text, kind: cb.kind };
    case 'status':
      return {
        ...base,
        type: 'status',
        provider_message_id: cb.message_id,
        status: cb.status,
        ...(cb.error_code !== undefined && { error_code: cb.error_code }),
        ...(cb.reason !== undefined && { reason: cb.reason }),
      };
    case 'typing':
      return { ...base, type: 'typing' };
  }
}

/** A callback as a caller writes it: `id` and `at` are filled in when absent. */
export type SandboxDispatch = SandboxCallbackInput extends infer T ? (T extends unknown ? Omit<T, 'id'> & { id?: string } : never) : never;

export interface DispatchResult {
  status: number;
  body: unknown;
}

/**
 * Signs `payload` with SANDBOX_SECRET and posts it to `/webhooks/sandbox` through the Worker's
 * own Hono app (no network hop), exactly as the simulated carrier would.
 */
export async function dispatchSandbox(env: Env, payload: SandboxDispatch, ctx?: ExecutionContext): Promise<DispatchResult> {
  // Imported lazily: the app imports the routes that import this module.
  const { app } = await import('../../index');
  const body = JSON.stringify({ ...payload, id: payload.id ?? crypto.randomUUID(), at: payload.at ?? new Date().toISOString() });
  const signature = await signSandboxPayload(env.SANDBOX_SECRET, body);
  const res = await app.request(
    SANDBOX_WEBHOOK_PATH,
    { method: 'POST', headers: { 'Content-Type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signature }, body },
    env,
    ctx,
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Keep the raw text: callers log it.
  }
  return { status: res.status, body: parsed };
}
