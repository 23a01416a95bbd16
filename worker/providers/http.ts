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
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

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
  const text = await res.text();
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
