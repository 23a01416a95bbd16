/** Keys for the public `/v1` API as `/api/api-keys` (admin) lists, creates and revokes them. */
import * as v from 'valibot';
import { DisplayNameSchema } from './users';

/** A key as listed: never its secret nor its hash. */
export const ApiKeySchema = v.object({
  id: v.string(),
  name: v.string(),
  created_at: v.string(),
  /** Set once revoked: the key stops working at once and stays listed for the record. */
  revoked_at: v.nullable(v.string()),
  /** To the minute (worker/auth/api-key.ts). */
  last_used_at: v.nullable(v.string()),
});
export type ApiKey = v.InferOutput<typeof ApiKeySchema>;

/** `POST /api/api-keys` answer: the listed fields plus the plaintext `key`, shown this once. */
export const ApiKeyCreatedSchema = v.object({ ...ApiKeySchema.entries, key: v.string() });
export type ApiKeyCreated = v.InferOutput<typeof ApiKeyCreatedSchema>;

export const ApiKeyCreateSchema = v.strictObject({ name: DisplayNameSchema });
