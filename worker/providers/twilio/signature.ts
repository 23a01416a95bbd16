/**
 * `X-Twilio-Signature`, exactly as twilio-node's `validateRequest` (src/webhooks/webhooks.ts)
 * checks it: base64(HMAC(AuthToken, URL + each parameter name followed by each of its
 * *distinct* values, names and values sorted)), HMAC-SHA1 unless
 * `X-Twilio-Webhooks-Signature-Settings` names HMAC_SHA256. The URL is tried as given with its
 * port removed and with the scheme's default port added (never another port), then as
 * `new URL()` normalizes it, with and without Node's legacy querystring encoding. The test
 * vectors in test/carriers/twilio-signature.test.ts come from the real library.
 */
import { parse, stringify } from 'node:querystring';
import { hmac, timingSafeEqual } from '../../lib/crypto';
import { bytesToBase64, utf8 } from '../../lib/encoding';

type Hash = 'SHA-1' | 'SHA-256';

/** The scheme, user info, host, port (with its colon) and the rest, without normalizing anything. */
function splitUrl(url: string): { scheme: string; userInfo: string; host: string; port: string; rest: string } | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return null;
  const [prefix, scheme = '', authority = ''] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // A colon starts the port only after the closing bracket of an IPv6 literal.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function addPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function removePort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

/** The query re-encoded as Node's legacy `querystring` does (`%27` back to `'`). */
function withLegacyQuerystring(url: string): string {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return url;
  return `${url.slice(0, start)}?${stringify(parse(url.slice(start + 1)))}`;
}

/** The algorithm named by `X-Twilio-Webhooks-Signature-Settings` (`key=...,algorithm=...`), HMAC_SHA1 by default. */
export function signatureAlgorithm(settingsHeader: string | null | undefined): string {
  for (const part of (settingsHeader ?? '').split(',')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === 'algorithm') {
      const algorithm = part.slice(separator + 1).trim();
      if (algorithm) return algorithm;
    }
  }
  return 'HMAC_SHA1';
}

function hashOf(algorithm: string | undefined): Hash | null {
  if (!algorithm || algorithm.toUpperCase() === 'HMAC_SHA1') return 'SHA-1';
  if (algorithm.toUpperCase() === 'HMAC_SHA256') return 'SHA-256';
  return null;
}

/** The signed string: the URL, then each name with each of its distinct values, sorted. */
function signedData(url: string, params: URLSearchParams): string {
  let data = url;
  for (const name of [...new Set(params.keys())].sort()) {
    for (const value of [...new Set(params.getAll(name))].sort()) data += name + value;
  }
  return data;
}

/** The signature Twilio sends for `url` and `params` (what a fake or a test signs with). */
export async function twilioSignature(authToken: string, url: string, params: URLSearchParams, algorithm?: string): Promise<string> {
  const hash = hashOf(algorithm);
  if (!hash) throw new Error(`Unsupported webhook signature algorithm: ${algorithm}`);
  return bytesToBase64(await hmac(hash, authToken, signedData(url, params)));
}

async function matches(authToken: string, header: Uint8Array, url: string, params: URLSearchParams, hash: Hash): Promise<boolean> {
  // Compared as base64 text, as twilio-node does: an unpadded or re-wrapped header does not match.
  return timingSafeEqual(header, utf8(bytesToBase64(await hmac(hash, authToken, signedData(url, params)))));
}

/** `twilio.validateRequest(authToken, header, url, params, algorithm)`, answer for answer. */
export async function validateTwilioRequest(
  authToken: string,
  header: string | null | undefined,
  url: string,
  params: URLSearchParams,
  algorithm?: string,
): Promise<boolean> {
  const hash = hashOf(algorithm);
  if (!hash || !authToken) return false;
  const given = utf8(header ?? '');
  // The URL as received first: that is the string Twilio signed.
  for (const candidate of [removePort(url), addPort(url)]) if (await matches(authToken, given, candidate, params, hash)) return true;
  let normalized: string;
  try {
    normalized = new URL(url).toString();
  } catch {
    return false;
  }
  const withoutPort = removePort(normalized);
  const withPort = addPort(normalized);
  for (const candidate of [withoutPort, withPort, withLegacyQuerystring(withoutPort), withLegacyQuerystring(withPort)]) {
    if (await matches(authToken, given, candidate, params, hash)) return true;
  }
  return false;
}

/** Percent escapes that would change a query's structure if decoded (`% & # + =`) or are controls. */
const STRUCTURAL = /^%(2[356B]|3D|[01][0-9A-F]|7F)$/i;

/**
 * The URL as configured in Twilio, rebuilt from the one the Worker saw. Twilio signs the
 * configured text (`L'Oréal Paris`), its HTTP client percent-encodes what it must, and workerd
 * encodes `'` too, so the query's escapes are decoded back (except those that would change its
 * structure). The validator's own `new URL()` step covers a URL that was configured encoded.
 */
export function configuredUrl(publicUrl: string, seen: URL): string {
  const query = seen.search.replace(/(?:%[0-9A-F]{2})+/gi, (run) => {
    const escapes = run.match(/%[0-9A-F]{2}/gi) ?? [];
    let out = '';
    let pending = '';
    const flush = () => {
      if (!pending) return;
      try {
        out += decodeURIComponent(pending);
      } catch {
        out += pending;
      }
      pending = '';
    };
    for (const esc of escapes) {
      if (STRUCTURAL.test(esc)) {
        flush();
        out += esc;
      } else pending += esc;
    }
    flush();
    return out;
  });
  return `${publicUrl}${seen.pathname}${query}`;
}
