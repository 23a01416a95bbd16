/**
 * Free-form JSON objects in request bodies (profile and event `properties`): any JSON values,
 * but an object (not an array or a scalar), at most `MAX_FREEFORM_DEPTH` levels deep and
 * `MAX_FREEFORM_BYTES` long once serialized. Unbounded nesting would overflow the stack of
 * whatever walks it next (the Durable Object RPC's serializer, JSON.stringify, the console).
 */
import * as v from 'valibot';

/** `{"a": {"b": 1}}` is 2 levels deep. */
export const MAX_FREEFORM_DEPTH = 8;
export const MAX_FREEFORM_BYTES = 16 * 1024;

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Iterative, and stops at the first level too deep: safe on any input JSON.parse produced. */
export function jsonDepthAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

/** A JSON object whose keys match `key`, bounded as the file header says. */
export const jsonObject = (key: v.GenericSchema<string, string> = v.string()) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object ({…}), not an array or a single value'),
    v.check((o) => jsonDepthAtMost(o, MAX_FREEFORM_DEPTH), `must nest at most ${MAX_FREEFORM_DEPTH} levels deep`),
    v.check(
      (o) => new TextEncoder().encode(JSON.stringify(o)).length <= MAX_FREEFORM_BYTES,
      `must be at most ${MAX_FREEFORM_BYTES / 1024} KB as JSON`,
    ),
    v.record(key, v.unknown()),
  );
