// A fake Google RBM API + OAuth token endpoint speaking Google's published formats (docs/carriers.md). The token
// endpoint verifies the JWT's RS256 signature with the public key of the committed test
// service account, and the API only accepts the tokens it issued.
import { createPublicKey, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cdnReply } from './media';
import { startFake, type Fake, type Recorded, type Reply } from './server';

const PUBLIC_KEY = createPublicKey(readFileSync(new URL('../fixtures/rbm-test-key.pub.pem', import.meta.url)));
export const RBM_SCOPE = 'https://www.googleapis.com/auth/rcsbusinessmessaging';
export const FAKE_FEATURES = [
  'RICHCARD_STANDALONE',
  'RICHCARD_CAROUSEL',
  'ACTION_CREATE_CALENDAR_EVENT',
  'ACTION_DIAL',
  'ACTION_OPEN_URL',
  'ACTION_SHARE_LOCATION',
  'ACTION_VIEW_LOCATION',
  'ACTION_OPEN_URL_IN_WEBVIEW',
];

const googleError = (code: number, status: string, message: string): Reply => ({
  status: code,
  body: { error: { code, message, status } },
});

function b64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export async function startRbmFake(): Promise<Fake> {
  const issued = new Set<string>();
  /** messageId → the phone it was delivered to: RBM keeps one message per id (409 for a repeat). */
  const accepted = new Map<string, string>();
  let n = 0;

  function token(r: Recorded, base: string): Reply {
    const form = new URLSearchParams(r.body);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    const parts = (form.get('assertion') ?? '').split('.');
    if (parts.length !== 3) return { status: 400, body: { error: 'invalid_grant', error_description: 'malformed JWT' } };
    const [h = '', c = '', s = ''] = parts;
    const header = b64urlJson(h);
    const claims = b64urlJson(c);
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${h}.${c}`);
    if (header.alg !== 'RS256' || !verifier.verify(PUBLIC_KEY, Buffer.from(s, 'base64url'))) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
    }
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (
      claims.aud !== `${base}/token` ||
      claims.scope !== RBM_SCOPE ||
      typeof claims.iss !== 'string' ||
      !(exp > iat && exp - iat <= 3600) ||
      Math.abs(iat - now) > 300
    ) {
      return { status: 400, body: { error: 'invalid_grant', error_description: `bad claims ${JSON.stringify(claims)}` } };
    }
    const t = `fake-token-${++n}-${claims.iss}`;
    issued.add(t);
    return { status: 200, body: { access_token: t, expires_in: 3599, token_type: 'Bearer' } };
  }

  return startFake(
    (r, base) => {
      if (r.method === 'POST' && r.path === '/token') return token(r, base);
      // A user file's `fileUri`: fetched as is, no credentials.
      const file = cdnReply(r);
      if (file) return file;
      const auth = r.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !issued.has(auth.slice(7)))
        return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
      const q = new Map(r.query);
      if (!q.get('agentId')) return googleError(400, 'INVALID_ARGUMENT', 'agentId is required');
      const m = /^\/v1\/phones\/(\+\d+)\/(capabilities|agentMessages|agentEvents)(?:\/([^/]+))?$/.exec(r.path);
      if (!m) return googleError(404, 'NOT_FOUND', `no such path ${r.path}`);
      const [, phone, what, id] = m;
      if (what === 'capabilities' && r.method === 'GET') {
        if (!q.get('requestId')) return googleError(400, 'INVALID_ARGUMENT', 'requestId is required');
        return { status: 200, body: { features: FAKE_FEATURES } };
      }
      if (what === 'agentMessages' && r.method === 'POST' && !id) {
        const messageId = q.get('messageId');
        if (!messageId) return googleError(400, 'INVALID_ARGUMENT', 'messageId is required');
        const body = JSON.parse(r.body) as { contentMessage?: unknown };
        if (!body.contentMessage) return googleError(400, 'INVALID_ARGUMENT', 'contentMessage is required');
        if (accepted.has(messageId)) return googleError(409, 'ALREADY_EXISTS', `Message ${messageId} already exists`);
        accepted.set(messageId, phone ?? '');
        return {
          status: 200,
          body: {
            name: `phones/${phone}/agentMessages/${messageId}`,
            sendTime: new Date().toISOString(),
            contentMessage: body.contentMessage,
          },
        };
      }
      if (what === 'agentMessages' && r.method === 'DELETE' && id) return { status: 200, body: {} };
      if (what === 'agentEvents' && r.method === 'POST') {
        if (!q.get('eventId')) return googleError(400, 'INVALID_ARGUMENT', 'eventId is required');
        const body = JSON.parse(r.body) as Record<string, unknown>;
        return { status: 200, body: { name: `phones/${phone}/agentEvents/${q.get('eventId')}`, ...body } };
      }
      return googleError(404, 'NOT_FOUND', `no such method ${r.method} ${r.path}`);
    },
    () => ({ accepted: [...accepted].map(([messageId, phone]) => ({ messageId, phone })) }),
  );
}
