/**
 * A small HttpError family (after workers-sdk's playground `errors.ts`): throw one anywhere
 * in a request and the app's single `onError` turns it into the one JSON error shape.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as v from 'valibot';
import type { ErrorBody } from '../schemas/errors';
import type { ConsentRefusal } from './profile.types';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  toResponse(): Response {
    const body: ErrorBody = { error: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return Response.json(body, { status: this.status });
  }
}

/** 400 naming every bad field: `details` is `[{path, message}]`, `message` names the first. */
export function validationError(issues: readonly v.BaseIssue<unknown>[], where = 'body'): HttpError {
  const details = issues.map((issue) => ({
    path: issue.path?.map((p) => String(p.key)).join('.') || where,
    message: issue.message,
  }));
  const first = details[0];
  const message = first ? `${first.path}: ${first.message}` : `invalid ${where}`;
  return new HttpError(400, 'invalid_request', message, details);
}

/** 409 for an attempt to undo the customer's own opt-out, naming each refused purpose. */
export function consentRefused(r: ConsentRefusal, pathOf: (purpose: string) => string = (p) => `consent.${p}`): HttpError {
  return new HttpError(
    409,
    r.error,
    r.message,
    r.purposes.map((p) => ({ path: pathOf(p), message: 'opted out by the customer' })),
  );
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof HttpError) return err.toResponse();
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'http_error';
    return Response.json({ error: code, message: err.message || 'request refused' } satisfies ErrorBody, { status });
  }
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}`, err);
  return Response.json({ error: 'internal_error', message: 'Something went wrong on our side.' } satisfies ErrorBody, {
    status: 500,
  });
}
