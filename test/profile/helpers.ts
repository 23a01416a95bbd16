// Shared helpers for the Profile object suites: unique phone numbers, an injectable clock,
// sandbox phone modes, and reading what the object recorded.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { MessageView } from '../../schemas/messages';
import type { Profile } from '../../worker/profile.do';
import { forgetSandboxModes } from '../../worker/providers/sandbox/provider';
import type { RcsProvider, SmsProvider } from '../../worker/providers/types';

let counter = 0;

/** A unique French mobile number; the last digit follows the sandbox default rule (even = RCS). */
export function uniquePhone(kind: 'rcs' | 'sms'): string {
  counter += 1;
  const body = `${Date.now() % 100_000}${String(counter).padStart(2, '0')}`.slice(-7).padStart(7, '0');
  const last = kind === 'rcs' ? 2 * Math.floor(Math.random() * 5) : 2 * Math.floor(Math.random() * 5) + 1;
  return frenchMobile(`${body}${last}`);
}

/**
 * +33 6 followed by 8 digits, except 063x and 069x, ranges the full numbering plan leaves
 * partly unallocated: those become 073x / 079x (allocated), so every body still maps to one number.
 */
export function frenchMobile(eightDigits: string): string {
  const first = eightDigits[0];
  return first === '3' || first === '9' ? `+337${eightDigits}` : `+336${eightDigits}`;
}

export const profile = (phone: string) => env.PROFILE.getByName(phone);

/** Freezes the object's clock at `ms` (time is moved, never slept). */
export async function setClock(phone: string, ms: number): Promise<void> {
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.now = () => ms;
  });
}

/** Moves the clock to `ms` and runs the alarm (every timer due by then). */
export async function advanceTo(phone: string, ms: number): Promise<void> {
  await setClock(phone, ms);
  await runDurableObjectAlarm(profile(phone));
}

export async function setSandboxMode(phone: string, mode: 'rcs' | 'sms' | 'rcs_offline'): Promise<void> {
  await env.DB.prepare('INSERT OR REPLACE INTO sandbox_phones (phone, mode) VALUES (?, ?)').bind(phone, mode).run();
  forgetSandboxModes();
}

export async function messages(phone: string): Promise<MessageView[]> {
  return (await profile(phone).listMessages(phone, { limit: 200 })).messages;
}

export async function subscribe(phone: string): Promise<void> {
  await profile(phone).upsert(
    phone,
    { consent: { marketing: 'subscribed', transactional: 'subscribed', source: 'test_checkout' } },
    'test',
  );
}

/** Tuesday 10 March 2026, 10:00 in Paris: inside the marketing window. */
export const TUESDAY_10H_PARIS = Date.parse('2026-03-10T09:00:00Z');

export const text = (t: string) => ({ type: 'text' as const, text: t });

/** Timers pending in the object, by kind. */
export async function timers(phone: string): Promise<{ id: string; kind: string; due_at: number }[]> {
  return runInDurableObject(profile(phone), (p: Profile) =>
    p.core.store.timers().map((t) => ({ id: t.id, kind: t.kind, due_at: t.due_at })),
  );
}

/** What `countingCarriers` recorded: our message ids per call. */
export interface CarrierCalls {
  rcs: string[];
  sms: string[];
  revokes: string[];
}

/**
 * RBM- and Twilio-like carriers that accept everything and record each call (RCS never
 * delivers by itself: a deadline or a test decides), with the object's clock frozen at
 * Tuesday 10:00 in Paris. An RCS send answers only once `gate` settles, if given.
 */
export async function countingCarriers(phone: string, gate?: Promise<void>): Promise<CarrierCalls> {
  const calls: CarrierCalls = { rcs: [], sms: [], revokes: [] };
  const rcs: RcsProvider = {
    name: 'rbm',
    handlesFallback: false,
    checkCapability: async () => ({ capable: true, features: [] }),
    send: async (req) => {
      calls.rcs.push(req.id);
      if (gate) await gate;
      return { ok: true, providerMessageId: req.id, channel: 'rcs' };
    },
    revoke: async (_phone, id) => {
      calls.revokes.push(id);
      return 'revoked';
    },
    sendAgentEvent: async () => {},
  };
  const sms: SmsProvider = {
    name: 'twilio',
    send: async (req) => {
      calls.sms.push(req.id);
      return { ok: true, providerMessageId: `SM-${req.id}`, channel: 'sms' };
    },
  };
  await setClock(phone, TUESDAY_10H_PARIS);
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.rcsOverride = rcs;
    p.core.smsOverride = sms;
  });
  return calls;
}
