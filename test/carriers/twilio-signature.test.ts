// X-Twilio-Signature answer for answer with twilio-node's validateRequest: every vector in
// test/fixtures/twilio-signatures.json was computed with the real library (repeated
// parameters, default and non-default ports, quotes, spaces and non-ASCII in the query, the
// legacy querystring form, HMAC_SHA256), and the route accepts what Twilio signs for a
// configured URL whatever characters its query holds.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { validateTwilioRequest } from '../../worker/providers/twilio/signature';
import vectors from '../fixtures/twilio-signatures.json';
import { profile } from '../profile/helpers';

describe(`Twilio signature vectors from ${vectors.library}`, () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const params = new URLSearchParams(c.params as [string, string][]);
    const algorithm = 'algorithm' in c ? (c.algorithm as string) : undefined;
    expect(await validateTwilioRequest(c.token, c.signature, c.url, params, algorithm)).toBe(c.valid);
  });
});

async function post(configured: string, params: [string, string][], signature: string, publicUrl: string): Promise<Response> {
  // The request as it reaches the Worker: same path and query, on the edge's own host.
  const seen = new URL(configured);
  const request = new Request(`https://edge.internal${seen.pathname}${seen.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  if (publicUrl === env.PUBLIC_URL) return exports.default.fetch(request);
  const { app } = await import('../../worker/index');
  return app.request(request, undefined, { ...env, PUBLIC_URL: publicUrl });
}

describe('POST /webhooks/twilio with the URL configured in Twilio', () => {
  const route = (name: string) => {
    const r = vectors.route.find((x) => x.name === name);
    if (!r) throw new Error(`no route vector "${name}"`);
    return r;
  };

  it.each(['a quote in the query', 'a space in the query', 'non-ASCII in the query', "all three, encoded by Twilio's HTTP client"])(
    'accepts a signature over a configured URL with %s, and records the message',
    async (name) => {
      const r = route(name);
      const res = await post(r.configured, r.params as [string, string][], r.signature, r.publicUrl);
      expect(res.status).toBe(200);
      const param = (name: string) => (r.params as [string, string][]).find(([k]) => k === name)?.[1] ?? '';
      const { messages } = await profile(param('From')).listMessages(param('From'), { limit: 50 });
      expect(messages.filter((m) => m.direction === 'in').map((m) => m.text)).toContain(param('Body'));
    },
  );

  it('refuses a signature made for port 443 when the URL is configured on 8443', async () => {
    const r = route('port 443 signature for a URL on 8443');
    const res = await post('https://console.example.test:8443/webhooks/twilio', r.params as [string, string][], r.signature, r.publicUrl);
    expect(res.status).toBe(401);
  });

  it('accepts the signature made for 8443 when the URL is configured on 8443', async () => {
    const r = route('8443 signature for a URL on 8443');
    const res = await post(r.configured, r.params as [string, string][], r.signature, r.publicUrl);
    expect(res.status).toBe(200);
  });

  it('accepts a parameter posted twice with the same value, signed once as Twilio does', async () => {
    const r = route('repeated parameter with the same value');
    const res = await post(r.configured, r.params as [string, string][], r.signature, r.publicUrl);
    expect(res.status).toBe(200);
  });
});
