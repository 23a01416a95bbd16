/**
 * Google service-account OAuth for RBM: a JWT signed RS256 with WebCrypto (PKCS#8 key from
 * the `RBM_SERVICE_ACCOUNT` JSON), exchanged at `GOOGLE_TOKEN_URL` for a bearer token
 * (docs/carriers.md, "Sending"). Tokens are cached per isolate until ~60 s before expiry.
 */
import * as v from 'valibot';
import { base64ToBytes, bytesToBase64Url, utf8 } from '../../lib/encoding';
import { readJson, type FetchFn } from '../http';

export const RBM_SCOPE = 'https://www.googleapis.com/auth/rcsbusinessmessaging';

export const ServiceAccountSchema = v.object({
  client_email: v.pipe(v.string(), v.minLength(1, 'client_email must not be empty')),
  private_key: v.pipe(v.string(), v.includes('PRIVATE KEY', 'private_key must be a PEM private key')),
});
export type ServiceAccount = v.InferOutput<typeof ServiceAccountSchema>;

/** Parses the service-account JSON; throws an error naming what is wrong (never the key). */
export function parseServiceAccount(json: string): ServiceAccount {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('RBM_SERVICE_ACCOUNT must be the service-account JSON key file (it is not valid JSON)');
  }
  const parsed = v.safeParse(ServiceAccountSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`RBM_SERVICE_ACCOUNT: ${issue?.message ?? 'invalid service account'}`);
  }
  return parsed.output;
}

function pemToPkcs8(pem: string): Uint8Array<ArrayBuffer> {
  if (pem.includes('BEGIN RSA PRIVATE KEY')) {
    throw new Error('RBM_SERVICE_ACCOUNT private_key must be PKCS#8 ("BEGIN PRIVATE KEY"), as Google issues it');
  }
  // Keys pasted through shells often carry literal "\n" sequences instead of newlines.
  const body = pem
    .replace(/\\n/g, '\n')
    .replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '')
    .replace(/\s+/g, '');
  return base64ToBytes(body);
}

// Importing an RSA key costs a few ms: keep one CryptoKey per PEM for the isolate's life.
const keyCache = new Map<string, Promise<CryptoKey>>();
function signingKey(pem: string): Promise<CryptoKey> {
  let key = keyCache.get(pem);
  if (!key) {
    key = crypto.subtle.importKey('pkcs8', pemToPkcs8(pem), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    keyCache.set(pem, key);
    key.catch(() => keyCache.delete(pem));
  }
  return key;
}

/** The signed assertion Google's token endpoint exchanges (RFC 7523). */
export async function signJwt(sa: ServiceAccount, tokenUrl: string, nowSeconds: number): Promise<string> {
  const header = bytesToBase64Url(utf8(JSON.stringify({ alg: 'RS256', typ: 'JWT' })));
  const claims = bytesToBase64Url(
    utf8(JSON.stringify({ iss: sa.client_email, scope: RBM_SCOPE, aud: tokenUrl, iat: nowSeconds, exp: nowSeconds + 3600 })),
  );
  const input = `${header}.${claims}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', await signingKey(sa.private_key), utf8(input));
  return `${input}.${bytesToBase64Url(new Uint8Array(signature))}`;
}

interface CachedToken {
  token: string;
  /** ms epoch after which we stop using it (60 s before Google's expiry). */
  refreshAt: number;
}

// Module scope is a per-isolate cache: a token is good for an hour, and a cold isolate just
// asks again. Keyed by account and token URL so two agents never share a token.
const tokenCache = new Map<string, CachedToken>();
const inflight = new Map<string, Promise<string>>();

export class TokenError extends Error {}

export async function accessToken(
  sa: ServiceAccount,
  tokenUrl: string,
  fetchFn: FetchFn,
  opts: { forceRefresh?: boolean } = {},
): Promise<string> {
  const key = `${sa.client_email} ${tokenUrl}`;
  const cached = tokenCache.get(key);
  if (!opts.forceRefresh && cached && cached.refreshAt > Date.now()) return cached.token;
  if (opts.forceRefresh) tokenCache.delete(key);
  // Concurrent callers share one exchange instead of stampeding the token endpoint.
  const pending = inflight.get(key);
  if (pending) return pending;
  const p = exchange(sa, tokenUrl, fetchFn).then(
    (t) => {
      tokenCache.set(key, t);
      inflight.delete(key);
      return t.token;
    },
    (err: unknown) => {
      inflight.delete(key);
      throw err;
    },
  );
  inflight.set(key, p);
  return p;
}

const TokenResponseSchema = v.object({
  access_token: v.pipe(v.string(), v.minLength(1)),
  expires_in: v.optional(v.number(), 3600),
});

async function exchange(sa: ServiceAccount, tokenUrl: string, fetchFn: FetchFn): Promise<CachedToken> {
  const now = Math.floor(Date.now() / 1000);
  const assertion = await signJwt(sa, tokenUrl, now);
  const res = await fetchFn(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
  });
  const body = await readJson(res);
  if (!res.ok) {
    const detail = typeof body === 'object' && body !== null ? JSON.stringify(body) : String(body);
    throw new TokenError(`Google token exchange failed (${res.status}): ${detail.slice(0, 300)}`);
  }
  const parsed = v.safeParse(TokenResponseSchema, body);
  if (!parsed.success) throw new TokenError('Google token endpoint answered without access_token');
  return { token: parsed.output.access_token, refreshAt: Date.now() + (parsed.output.expires_in - 60) * 1000 };
}
