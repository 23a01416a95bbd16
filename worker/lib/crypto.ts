/**
 * WebCrypto helpers shared by auth, API keys and the carriers' webhook checks: SHA-256,
 * HMAC with cached keys, random tokens and constant-time comparison.
 */
import { bytesToBase64Url, bytesToHex, utf8 } from './encoding';

export async function sha256(data: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? utf8(data) : data));
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return bytesToHex(await sha256(data));
}

export type HmacHash = 'SHA-1' | 'SHA-256' | 'SHA-512';

/** Imported HMAC keys per (hash, secret): importing costs more than the HMAC of a small body. */
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(hash: HmacHash, secret: string): Promise<CryptoKey> {
  const cacheKey = `${hash}:${secret}`;
  let key = hmacKeys.get(cacheKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash }, false, ['sign']);
    // A rotated secret adds one entry; bound the map anyway.
    if (hmacKeys.size > 16) hmacKeys.clear();
    hmacKeys.set(cacheKey, key);
  }
  return key;
}

/** HMAC of `data` keyed with the UTF-8 bytes of `secret`. */
export async function hmac(hash: HmacHash, secret: string, data: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const key = await hmacKey(hash, secret);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, typeof data === 'string' ? utf8(data) : data));
}

/** A fresh random token of `bytes` bytes (32 = 256 bits), base64url. */
export function randomToken(bytes = 32): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * Constant-time equality of two byte strings. Unequal lengths answer false after the same work
 * as an equal-length compare, so the length is the only thing a timing can tell.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    crypto.subtle.timingSafeEqual(a, a);
    return false;
  }
  return crypto.subtle.timingSafeEqual(a, b);
}

/** Constant-time equality of two secrets of any length (both hashed to 32 bytes first). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([sha256(a), sha256(b)]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}
