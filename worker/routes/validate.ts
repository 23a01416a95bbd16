/**
 * The one request-validation path of the Worker, as Hono middleware: every /v1 and /api route
 * declares its body (`jsonBody`), query (`query`) and path parameters (`params`,
 * `phoneParam`) here and reads the typed result with `c.req.valid('json' | 'query' |
 * 'param')`. Bodies are JSON only (415), bounded (413), parseable (400 `invalid_json`), then
 * checked by the valibot schema (400 `invalid_request` naming each bad field via
 * `validationError`). A handler runs, so something can change, only when all of this passed.
 * Webhooks keep their raw bodies and only borrow `limitBody`.
 */
import type { Env as HonoEnv, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import { PhoneSchema } from '../../schemas/phone';
import { HttpError, validationError } from '../errors';

/** Largest JSON body accepted by /v1 and /api (a carousel of 10 cards is a few KB). */
export const MAX_JSON_BYTES = 256 * 1024;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const isJson = (contentType: string | undefined) => JSON_MEDIA_TYPE.test((contentType ?? '').split(';')[0]!.trim());

const unsupportedMediaType = () => new HttpError(415, 'unsupported_media_type', 'Send a JSON body with "Content-Type: application/json".');

/** 413 `payload_too_large` when the body exceeds `maxSize` (checked before it is read whole). */
export const limitBody = (maxSize = MAX_JSON_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `The request body exceeds ${Math.round(maxSize / 1024)} KB.`);
    },
  });

/**
 * The one `/api` body that is a file, not JSON: `POST /api/media/library` (routes/media-library.ts
 * bounds and checks it itself, after the session gate, before reading it).
 */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/api/media/library']);

/**
 * Mounted on `/v1/*` and `/api/*` ahead of any authentication: a request that carries a body
 * must say it is JSON (415) and stay under `maxSize` (413), so nobody, signed in or not, can
 * make the Worker buffer or parse anything else. `uploads` are POST paths that take a file.
 */
export function jsonRequests(maxSize = MAX_JSON_BYTES, uploads: ReadonlySet<string> = new Set()) {
  const limit = limitBody(maxSize);
  return createMiddleware(async (c, next) => {
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    if (!hasBody) return next();
    if (c.req.method === 'POST' && uploads.has(c.req.path)) return next();
    if (!isJson(c.req.header('content-type'))) throw unsupportedMediaType();
    return limit(c, next);
  });
}

/** Parses and validates a JSON body against `schema`; see the file header for the errors. */
export function jsonBody<S extends v.GenericSchema, E extends HonoEnv = HonoEnv, P extends string = string>(
  schema: S,
  maxSize = MAX_JSON_BYTES,
): MiddlewareHandler<E, P, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }> {
  const limit = limitBody(maxSize);
  return async (c, next) => {
    if (!isJson(c.req.header('content-type'))) throw unsupportedMediaType();
    await limit(c, async () => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
      }
      // Every body is an object, and valibot's object schemas let an array through (an array
      // would pass as an empty change wherever all fields are optional).
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        const message = 'must be a JSON object ({…})';
        throw new HttpError(400, 'invalid_request', `body: ${message}`, [{ path: 'body', message }]);
      }
      const result = v.safeParse(schema, body);
      if (!result.success) throw validationError(result.issues);
      c.req.addValidatedData('json', result.output as object);
    });
    await next();
  };
}

/** Validates the query string (400 naming the parameter); read with `c.req.valid('query')`. */
export const query = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (value): v.InferOutput<S> => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw validationError(result.issues, 'query');
    return result.output;
  });

/** Validates the path parameters (400 naming the parameter); read with `c.req.valid('param')`. */
export const params = <S extends v.GenericSchema>(schema: S) =>
  validator('param', (value): v.InferOutput<S> => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw validationError(result.issues, 'path');
    return result.output;
  });

/** `:phone` as E.164 (`+33…` or `%2B33…` in the URL); 400 naming `phone`. */
export const phoneParam = () => params(v.object({ phone: PhoneSchema }));

/** An opaque id in the path (`:id`), bounded so no lookup runs on a megabyte of text. */
export const IdParam = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'must be at most 64 characters'));
