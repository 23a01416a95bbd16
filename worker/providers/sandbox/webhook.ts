/**
 * The sandbox network's inbound side: verifies its signed callbacks
 * (`X-Sandbox-Signature: base64(HMAC-SHA256(SANDBOX_SECRET, raw body bytes))`), validates them
 * and normalizes them into `InboundEvent`s. The phone simulator and the demo seed run inside
 * the Worker: they call `ingestSandbox` directly (same validation, same ingestion, no signing)
 * and say which console user acted.
 */
import * as v from 'valibot';
import type { InboundEvent } from '../../../schemas/events';
import { SandboxCallbackSchema, type SandboxCallback, type SandboxCallbackInput } from '../../../schemas/sandbox';
import { HttpError, validationError } from '../../errors';
import { ingestEvents } from '../../inbound';
import { hmac, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, tryBase64ToBytes } from '../../lib/encoding';
import type { WebhookProvider } from '../types';

export const SANDBOX_SIGNATURE_HEADER = 'X-Sandbox-Signature';

/**
 * Whether this deployment runs the sandbox network: both providers are `sandbox` (the
 * default). With a real carrier on either side, the simulator and sandbox callbacks would let
 * a console session or SANDBOX_SECRET put words (a START) in real customers' mouths.
 */
export function sandboxEnabled(env: Env): boolean {
  return (env.RCS_PROVIDER || 'sandbox') === 'sandbox' && (env.SMS_PROVIDER || 'sandbox') === 'sandbox';
}

/** base64(HMAC-SHA256(secret, body)), the value of `X-Sandbox-Signature`. */
export async function signSandboxPayload(secret: string, body: string | Uint8Array): Promise<string> {
  return bytesToBase64(await hmac('SHA-256', secret, body));
}

/** Constant-time check of a signature header against the raw body. */
export async function verifySandboxSignature(
  secret: string | undefined,
  body: Uint8Array,
  header: string | null | undefined,
): Promise<boolean> {
  // No secret configured means no sandbox callback can be trusted: fail closed.
  if (!secret || !header) return false;
  const signature = tryBase64ToBytes(header);
  if (signature?.length !== 32) return false;
  return timingSafeEqual(await hmac('SHA-256', secret, body), signature);
}

/** A callback (already parsed JSON) → one normalized event; 400 naming the field otherwise. */
export function parseSandboxCallback(json: unknown, actor?: string): InboundEvent[] {
  const result = v.safeParse(SandboxCallbackSchema, json);
  if (!result.success) throw validationError(result.issues);
  return [normalize(result.output, actor)];
}

function normalize(cb: SandboxCallback, actor: string | undefined): InboundEvent {
  const base = {
    provider: 'sandbox' as const,
    id: cb.id,
    phone: cb.phone,
    channel: cb.channel,
    at: cb.at ?? new Date().toISOString(),
    ...(actor ? { actor } : {}),
  };
  switch (cb.type) {
    case 'message':
      return { ...base, type: 'message', ...(cb.text !== undefined && { text: cb.text }), ...(cb.media?.length && { media: cb.media }) };
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

/**
 * What a simulated phone did, ingested in-process: validated like a signed callback (400 naming
 * the field), then taken through the same ingestion as every webhook. `actor` is who really
 * acted (the console user, or `seed`): any consent change is logged under that name.
 */
export async function ingestSandbox(env: Env, payload: SandboxDispatch, opts: { actor: string }): Promise<{ duplicate: boolean }> {
  if (!sandboxEnabled(env)) throw new HttpError(404, 'sandbox_off', 'The sandbox network is off (a real carrier is configured).');
  const events = parseSandboxCallback(
    { ...payload, id: payload.id ?? crypto.randomUUID(), at: payload.at ?? new Date().toISOString() },
    opts.actor,
  );
  return ingestEvents(env, sandboxWebhook, events);
}

export const sandboxWebhook: WebhookProvider = {
  name: 'sandbox',
  // A callback is one small event; anything bigger is not from the sandbox.
  maxBytes: 64 * 1024,
  enabled: sandboxEnabled,
  async verifyAndParse(env, req) {
    if (!(await verifySandboxSignature(env.SANDBOX_SECRET, req.raw, req.headers.get(SANDBOX_SIGNATURE_HEADER)))) {
      throw new HttpError(401, 'invalid_signature', `Missing or invalid ${SANDBOX_SIGNATURE_HEADER} header.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(req.raw));
    } catch {
      throw new HttpError(400, 'invalid_json', 'The callback body is not valid JSON.');
    }
    return { kind: 'events', events: parseSandboxCallback(json), dropped: [] };
  },
  acknowledge: (outcome) => Response.json({ ok: true, duplicate: outcome.duplicate }, { status: 200 }),
};
