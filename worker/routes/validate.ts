/**
 * Request validation for JSON routes: JSON only (415), bounded size (413), parseable (400
 * `invalid_json`), then the valibot schema (400 `invalid_request` naming each bad field via
 * `validationError`). Handlers read the typed result with `c.req.valid('json')`. Nothing in
 * a handler runs, so nothing changes, unless all of this passed.
 */
import type { Env as HonoEnv, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { PhoneSchema } from '../../schemas/phone';
import { HttpError, validationError } from '../errors';

/** Largest JSON body accepted by the API (a carousel of 10 cards is a few KB). */
export const MAX_JSON_BYTES = 256 * 1024;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** 413 `payload_too_large` when the body exceeds `maxSize` (checked before it is read whole). */
export const limitBody = (maxSize = MAX_JSON_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `The request body exceeds ${Math.round(maxSize / 1024)} KB.`);
    },
  });

/** Parses and validates a JSON body against `schema`; see the file header for the errors. */
export function jsonBody<S extends v.GenericSchema, E extends HonoEnv = HonoEnv>(
  schema: S,
): MiddlewareHandler<E, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }> {
  return async (c, next) => {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new HttpError(415, 'unsupported_media_type', 'Send a JSON body with "Content-Type: application/json".');
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const result = v.safeParse(schema, body);
    if (!result.success) throw validationError(result.issues);
    c.req.addValidatedData('json', result.output as object);
    await next();
  };
}

/** A phone number from a path or query parameter (`+33…` or `%2B33…`), as E.164; 400 naming `name`. */
export function phoneParam(raw: string | undefined, name = 'phone'): string {
  const result = v.safeParse(PhoneSchema, raw ?? '');
  if (!result.success) throw validationError(result.issues, name);
  return result.output;
}

/** Validates query parameters (400 naming the parameter). */
export function parseQuery<S extends v.GenericSchema>(schema: S, query: Record<string, string>): v.InferOutput<S> {
  const result = v.safeParse(schema, query);
  if (!result.success) throw validationError(result.issues, 'query');
  return result.output;
}
