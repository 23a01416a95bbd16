/**
 * Small helpers shared by the carrier adapters: bounded retries with backoff and tolerant JSON
 * reading. Encodings and constant-time comparison live in worker/lib/.
 */

export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Total attempts, first one included. */
  attempts: number;
  /** Delay before the second attempt; doubles each time (plus up to 25 % jitter). */
  baseDelayMs: number;
  /** Upper bound of one delay (a `Retry-After` is honoured up to this too). */
  maxDelayMs: number;
  /** One attempt is abandoned after this long (a carrier that hangs must not hold the object). */
  timeoutMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Per attempt, unless the policy says otherwise: carriers answer a send in well under a second. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** `init` with the policy's per-attempt timeout as its abort signal. */
export function withTimeout(policy: RetryPolicy, init: RequestInit): RequestInit {
  return { ...init, signal: AbortSignal.timeout(policy.timeoutMs ?? DEFAULT_TIMEOUT_MS) };
}

/** True when `err` is the abort of `withTimeout` (the request may have reached the carrier). */
export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfter: string | null): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exp + Math.random() * exp * 0.25, policy.maxDelayMs);
}

/** Reads a JSON body without throwing (providers sometimes answer HTML on gateway errors). */
export async function readJson(res: Response): Promise<unknown> {
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    // The status already arrived; a body cut off (or timed out) is only a missing detail.
    return `unreadable answer: ${String(err)}`;
  }
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
