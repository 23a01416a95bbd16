// Helpers for the API suites: authenticated requests through the Worker's fetch, unique
// phone numbers per test, and signed sandbox callbacks.
import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { signSandboxPayload } from '../../worker/providers/sandbox/webhook';

export const API_KEY = 'test-api-key';
export const SANDBOX_SECRET = 'test-sandbox-secret';
const BASE = 'http://localhost';

let counter = 0;
const US_AREAS = ['201', '212', '213', '305', '312', '415', '617', '646', '702', '718'];
/**
 * A valid number never used by another test in this run. French mobiles (+336…) or US
 * (+1 201 555 …); `rcs` picks the last digit by the sandbox default rule (even = RCS).
 */
export function uniquePhone(opts: { country?: 'FR' | 'US'; rcs?: boolean } = {}): string {
  counter += 1;
  const phone = makePhone(opts);
  usedPhones.add(phone);
  return phone;
}

const usedPhones = new Set<string>();

function makePhone(opts: { country?: 'FR' | 'US'; rcs?: boolean }): string {
  // Random prefix (files run in parallel and share storage) + a per-file counter.
  const random = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000;
  const body = `${String(random).padStart(5, '0')}${String(counter % 100).padStart(2, '0')}`;
  const last = opts.rcs === false ? '1' : '2';
  if (opts.country === 'US') {
    const area = US_AREAS[random % US_AREAS.length]!;
    // Exchanges 200-899, skipping N11 service codes, which are not valid numbers.
    const drawn = 200 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 700);
    const exchange = drawn % 100 === 11 ? drawn + 1 : drawn;
    return `+1${area}${exchange}${body.slice(-3)}${last}`;
  }
  // 063x and 069x are partly unallocated in the full numbering plan: 073x / 079x are not.
  return body[0] === '3' || body[0] === '9' ? `+337${body}${last}` : `+336${body}${last}`;
}

export interface CallOptions {
  key?: string | null;
  headers?: Record<string, string>;
  /** A raw body sent as is (otherwise `body` is JSON-encoded). */
  raw?: string | Uint8Array;
}

export async function api(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  const key = opts.key === undefined ? API_KEY : opts.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let payload: BodyInit | undefined;
  if (opts.raw !== undefined) payload = opts.raw;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] ??= 'application/json';
  }
  return exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body: payload }));
}

export const enc = (phone: string) => encodeURIComponent(phone);

/** Posts a sandbox callback signed with the test secret (or the given signature). */
export async function sandboxCallback(payload: unknown, opts: { signature?: string | null; secret?: string } = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const signature = opts.signature === undefined ? await signSandboxPayload(opts.secret ?? SANDBOX_SECRET, body) : opts.signature;
  if (signature !== null) headers['X-Sandbox-Signature'] = signature;
  return exports.default.fetch(new Request(`${BASE}/webhooks/sandbox`, { method: 'POST', headers, body }));
}

export const textContent = (text: string) => ({ type: 'text', text });

/** Creates a profile through the API, subscribed to marketing unless told otherwise. */
export async function createProfile(phone: string, extra: Record<string, unknown> = {}): Promise<Response> {
  const res = await api('PUT', `/v1/profiles/${enc(phone)}`, {
    first_name: 'Test',
    consent: { marketing: 'subscribed', source: 'test checkout opt-in' },
    ...extra,
  });
  if (res.status !== 200) throw new Error(`creating ${phone} answered ${res.status}: ${await res.text()}`);
  return res;
}

export async function listMessages(
  phone: string,
): Promise<{ messages: { id: string; direction: string; text?: string; postback?: string; kind?: string }[]; next_cursor: string | null }> {
  const res = await api('GET', `/v1/profiles/${enc(phone)}/messages`);
  if (res.status !== 200) throw new Error(`listing ${phone} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * Stops the simulated network's pending work (sandbox receipts, fallback deadlines) of the
 * given phones, or of every phone this file used: call it in `afterAll`, so no alarm fires
 * while the test environment is being torn down.
 */
export async function quiesce(phones: Iterable<string> = usedPhones): Promise<void> {
  for (const phone of phones) {
    await runInDurableObject(env.PROFILE.getByName(phone), async (_obj, state) => {
      await state.storage.deleteAlarm();
    });
  }
}
