/**
 * The console's one way to talk to /api: same-origin fetch with the session cookie, the CSRF
 * header on every state-changing request, and the server's `{error, message}` surfaced as an
 * ApiError so a refusal (e.g. 422 "opted out") can be shown word for word. `call` checks the
 * answer against the route's schema from schemas/, the one the Worker types it with.
 */
import * as v from 'valibot';
import type { ErrorBody } from '../../schemas/errors';
import { csrf, onUnauthorized } from './auth-state';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ErrorBody).message === 'string';
}

/**
 * A request whose answer is not read (204 routes) or is typed by the caller. Prefer `call`
 * for anything the console shows.
 */
export async function api<T = void>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf.value) headers['x-csrf-token'] = csrf.value;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // A session that expired mid-use sends the agent back to sign-in (not for the login call itself).
    if (res.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized();
    if (isErrorBody(data)) throw new ApiError(res.status, data.error, data.message, data.details);
    throw new ApiError(res.status, `http_${res.status}`, res.statusText || 'Request failed');
  }
  return data as T;
}

/**
 * A request whose answer is parsed with `schema`, the shape the Worker answers with: an answer
 * of another shape is an ApiError `bad_response` naming the field, never a page that quietly
 * shows something else (a revoked key with a live Revoke button).
 */
export async function call<S extends v.GenericSchema>(schema: S, method: Method, path: string, body?: unknown): Promise<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, await api<unknown>(method, path, body));
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') || 'body';
  throw new ApiError(200, 'bad_response', `Unexpected answer from ${method} ${path.split('?')[0]}: ${where}: ${issue.message}`);
}

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Phone numbers travel URL-encoded in paths (`%2B33…`). */
export const enc = (phone: string) => encodeURIComponent(phone);
