/**
 * Bearer API key auth for the public `/v1` API. Two kinds of keys are accepted: the
 * `API_KEY` secret (actor `api_key:env`) and any active key of the D1 `api_keys` table
 * (actor `api_key:<id>`), which the console's admins create and revoke for rotation.
 * Stored keys are `rcs_<id>_<secret>`: the id finds the row, the secret's SHA-256 is compared
 * in constant time, so neither the lookup nor the compare leaks the secret.
 */
import { createMiddleware } from 'hono/factory';
import type { ApiKey, ApiKeyCreated } from '../../schemas/api-keys';
import { HttpError } from '../errors';
import { randomToken, secretsEqual, sha256, timingSafeEqual } from '../lib/crypto';
import { bytesToHex, hexToBytes } from '../lib/encoding';

export type ApiKeyVariables = { actor: string };
export type ApiEnv = { Bindings: Env; Variables: ApiKeyVariables };

const KEY_PATTERN = /^rcs_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** How stale `last_used_at` may get before we write it again (saves a D1 write per call). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a presented key to its actor id, or null. */
export async function verifyApiKey(env: Env, presented: string): Promise<{ actor: string; keyId: string | null } | null> {
  if (env.API_KEY && (await secretsEqual(presented, env.API_KEY))) return { actor: 'api_key:env', keyId: null };
  const match = KEY_PATTERN.exec(presented);
  if (!match) return null;
  const id = match[1]!;
  const row = await env.DB.prepare('SELECT hash FROM api_keys WHERE id = ? AND revoked_at IS NULL').bind(id).first<{ hash: string }>();
  if (!row) return null;
  const expected = hexToBytes(row.hash);
  if (!expected || !timingSafeEqual(expected, await sha256(presented))) return null;
  return { actor: `api_key:${id}`, keyId: id };
}

/** `Authorization: Bearer <key>` → `c.var.actor`, or 401 in the one error shape. */
export function apiKeyAuth() {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpError(401, 'unauthorized', 'Missing API key: send "Authorization: Bearer <API_KEY>".');
    const verified = await verifyApiKey(c.env, match[1]!);
    if (!verified) throw new HttpError(401, 'unauthorized', 'Invalid or revoked API key.');
    c.set('actor', verified.actor);
    if (verified.keyId) {
      const now = new Date();
      const write = c.env.DB.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)')
        .bind(now.toISOString(), verified.keyId, new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString())
        .run()
        .catch((err: unknown) => console.warn('could not record api key use', err));
      // Bookkeeping only: never delay or fail the request for it.
      try {
        c.executionCtx.waitUntil(write);
      } catch {
        await write;
      }
    }
    await next();
  });
}

/** Creates a key; the plaintext is returned once and only its hash is stored. */
export async function createApiKey(env: Env, name: string): Promise<ApiKeyCreated> {
  const id = bytesToHex(crypto.getRandomValues(new Uint8Array(8)));
  const key = `rcs_${id}_${randomToken(32)}`;
  const created_at = new Date().toISOString();
  const cleanName = name.trim().slice(0, 100) || 'API key';
  await env.DB.prepare('INSERT INTO api_keys (id, name, hash, created_at) VALUES (?, ?, ?, ?)')
    .bind(id, cleanName, bytesToHex(await sha256(key)), created_at)
    .run();
  return { id, name: cleanName, created_at, revoked_at: null, last_used_at: null, key };
}

/** Revokes a key at once; returns false when no active key has that id. */
export async function revokeApiKey(env: Env, id: string): Promise<boolean> {
  const res = await env.DB.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .bind(new Date().toISOString(), id)
    .run();
  return res.meta.changes > 0;
}

/** Every key, newest first, without hashes (for the console's admin page). */
export async function listApiKeys(env: Env): Promise<ApiKey[]> {
  const { results } = await env.DB.prepare(
    'SELECT id, name, created_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at DESC',
  ).all<ApiKey>();
  return results;
}
