/**
 * Password hashing for console accounts: PBKDF2-SHA256 through WebCrypto with a per-user
 * random salt. workerd caps PBKDF2 at 100,000 iterations, so that is what we use; the count
 * is stored in the hash string so it can be raised later without breaking old hashes.
 * Format: `pbkdf2$sha256$<iterations>$<salt b64url>$<hash b64url>`.
 */
import { timingSafeEqual } from '../lib/crypto';
import { base64UrlToBytes, bytesToBase64Url } from '../lib/encoding';

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2$sha256$${PBKDF2_ITERATIONS}$${bytesToBase64Url(salt)}$${bytesToBase64Url(hash)}`;
}

/** True when `password` matches `stored`; malformed hashes never match. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 5 || parts[0] !== 'pbkdf2' || parts[1] !== 'sha256') return false;
  const iterations = Number(parts[2]);
  const salt = base64UrlToBytes(parts[3]!);
  const expected = base64UrlToBytes(parts[4]!);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS || !salt || !expected) return false;
  const actual = await derive(password, salt, iterations);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing in particular, verified against when the email is unknown, so a sign-in
 * for a missing account takes as long as one for a real account (no user enumeration by timing).
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(bytesToBase64Url(crypto.getRandomValues(new Uint8Array(16))));
  return dummy;
}
