// The hostile corpus's tools: the bad inputs themselves, body mutations, and `Probe`, which
// sends each request, counts it, and holds every answer to the same bar: a 4xx in the one error
// shape or a success, never a 5xx, a stack trace or a configured secret in the body.
import { exports } from 'cloudflare:workers';
import { TEST_BINDINGS } from '../bindings';

/** Text a customer, an agent or a shop may type: each must be refused clearly or kept as text. */
export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  "'; DROP TABLE profiles; --",
  "1' OR '1'='1",
  'Robert"); DELETE FROM users WHERE ("1"="1',
  '👩‍👩‍👧‍👦🏳️‍🌈🇫🇷 ok',
  '\u202Egnp.exe\u202C file',
  'مرحبا بالعالم שלום',
  'a\u200Bb\u200Cc\u200Dd\uFEFFe',
  'nul\u0000byte',
  'lone \uD800 surrogate',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '%s%n%x ${7*7} #{7*7} {{7*7}}',
  '../../../etc/passwd',
  'x'.repeat(20_000),
];

/**
 * Links and media that must never be stored: scripts, inline data, local files, no scheme.
 * (Plain http is refused for media, which carriers fetch, and kept for links: see HTTP_URL.)
 */
export const HOSTILE_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/a.png',
];

export const HTTP_URL = 'http://shop.example/a.png';

/** Numbers that are not valid E.164 (each must be a 400 naming the field). */
export const INVALID_PHONES: readonly string[] = [
  '',
  '+',
  '+1',
  '12345',
  '+33 6',
  '+336123456789012345',
  'tel:+33612345678',
  '+33612345678; DROP TABLE profiles',
  '+٣٣٦١٢٣٤٥٦٧٨',
  '+33612345678\u0000',
  '++33612345678',
  '+0000000000',
  '<script>+33612345678</script>',
];

/** Valid numbers of other countries: accepted and normalized, or refused clearly. */
export const FOREIGN_PHONES: readonly string[] = [
  '+44 7700 900123',
  '+86 138 0013 8000',
  '+55 11 98765-4321',
  '+61 412 345 678',
  '+81 90-1234-5678',
];

/** Bodies that are not JSON, or JSON no route takes. */
export const MALFORMED_JSON: readonly string[] = [
  '',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'null',
  '[]',
  '"just a string"',
  '1e999',
  'NaN',
  '{"a":1}{"b":2}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
];

export const WRONG_TYPES: readonly unknown[] = [42, true, null, [], {}, [1, 2], { $gt: '' }, 'x'.repeat(300)];

export const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
export const deepObject = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a string leaf of a JSON value (["content", "text"], …). */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function setAt<T>(value: T, path: readonly (string | number)[], leaf: unknown): T {
  const copy = structuredClone(value) as Json;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = leaf;
  return copy as T;
}

/** Secrets the test Worker is configured with: none may appear in any answer. */
export const CONFIGURED_SECRETS: readonly string[] = [
  TEST_BINDINGS.API_KEY,
  TEST_BINDINGS.SANDBOX_SECRET,
  TEST_BINDINGS.SHOPIFY_WEBHOOK_SECRET,
  TEST_BINDINGS.ADMIN_PASSWORD,
  'test-rbm-client-token',
  'test-twilio-auth-token',
  'PRIVATE KEY',
];

const STACK_TRACE = /\n\s+at \S|\bat [\w.<>]+ \(|\.(ts|js|mjs):\d+:\d+|Error: .*\n/;

export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

export class Probe {
  count = 0;
  readonly problems: string[] = [];

  /** Sends one request and checks the answer; `field` is the path a 400 should name. */
  async send(
    label: string,
    url: string,
    init: RequestInit,
    opts: { field?: string; page?: boolean; expect?: (a: Answer) => string | null } = {},
  ): Promise<Answer> {
    this.count += 1;
    const res = await exports.default.fetch(url, init);
    res.webSocket?.accept();
    res.webSocket?.close(1000, 'corpus');
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Success answers of webhooks and pages are not JSON; errors must be (checked below).
    }
    const answer = { status: res.status, text, json };
    const fail = (why: string) => this.problems.push(`${label}: ${why} (${res.status} ${text.slice(0, 200)})`);
    if (res.status >= 500) fail('5xx');
    if (STACK_TRACE.test(text)) fail('stack trace in the body');
    for (const secret of CONFIGURED_SECRETS) if (text.includes(secret)) fail(`secret ${secret.slice(0, 6)}… in the body`);
    if (opts.page) {
      // An HTML page for people (the signup form): what was typed comes back escaped, never as markup.
      if (/<script>alert|<img src=x|<svg\/onload/i.test(text)) fail('input reflected as markup');
    } else if (res.status >= 400) {
      const body = json as { error?: unknown; message?: unknown } | null;
      if (typeof body?.error !== 'string' || typeof body.message !== 'string') fail('error not in the {error, message} shape');
      else if (opts.field && res.status === 400 && body.error === 'invalid_request' && !body.message.includes(opts.field))
        fail(`400 does not name ${opts.field}`);
    }
    const extra = opts.expect?.(answer);
    if (extra) fail(extra);
    return answer;
  }
}
