/**
 * Validation helpers for the console routes: parse a body, query or path parameter with a
 * valibot schema, or throw the one 400 shape (`validationError`) naming the bad field.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { PhoneSchema } from '../../../schemas/phone';
import { HttpError, validationError } from '../../errors';

export function parse<S extends v.GenericSchema>(schema: S, data: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success) throw validationError(result.issues, where);
  return result.output;
}

/** The JSON body, validated; a body that is not JSON is a 400 too. */
export async function body<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let data: unknown;
  try {
    data = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body must be JSON.');
  }
  return parse(schema, data, 'body');
}

export function query<S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  return parse(schema, c.req.query(), 'query');
}

/** The `:phone` path parameter in E.164 (`+336...` or `%2B336...`). */
export function phoneParam(c: Context): string {
  return parse(PhoneSchema, c.req.param('phone') ?? '', 'phone');
}
