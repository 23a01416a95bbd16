/**
 * A message as written, Liquid included, before it is rendered for a customer: an object whose
 * shape is checked field by field after rendering (a 400 naming the field). Its own module so
 * the console's flow and campaign pages can use it without the phone parser (schemas/phone.ts
 * and libphonenumber's full metadata stay on the Worker).
 */
import * as v from 'valibot';
import { jsonDepthAtMost } from './json';

export const TemplatedContent = v.pipe(
  v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
    'must be a message content object ({"type": "text", …})',
  ),
  v.check((o) => jsonDepthAtMost(o, 8), 'must nest at most 8 levels deep'),
);
