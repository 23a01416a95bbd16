// One validation path: every JSON route, /api and /v1 alike, refuses a body that is not JSON
// (415) or is too large (413) the same way, and /api does so before looking for a session, so
// nobody can make the Worker read or parse a large body without signing in.
import { exports } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../../worker/routes/validate';
import { quiesce } from '../api/helpers';
import { api, BASE, createUser, signIn, uniquePhone } from './helpers';

const phone = uniquePhone();
afterAll(() => quiesce([phone]));

const tooLarge = JSON.stringify({ email: 'a@test.example', password: 'x'.repeat(MAX_JSON_BYTES) });

function post(path: string, body: BodyInit, headers: Record<string, string>, method = 'POST'): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, { method, headers: { origin: BASE, ...headers }, body });
}

describe('/api bodies before any session', () => {
  it('answers an oversized sign-in with 413', async () => {
    const res = await post('/api/auth/login', tooLarge, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers an oversized sign-in sent without Content-Length (streamed) with 413', async () => {
    const bytes = new TextEncoder().encode(tooLarge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
        controller.close();
      },
    });
    const res = await post('/api/auth/login', stream, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
  });

  it('answers a sign-in that is not JSON with 415', async () => {
    const user = await createUser('agent');
    const res = await post('/api/auth/login', `email=${user.email}&password=${user.password}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('answers 413 and 415 on a session route without a session, instead of 401', async () => {
    const notes = `/api/conversations/${encodeURIComponent(phone)}/notes`;
    expect((await post(notes, tooLarge, { 'content-type': 'application/json' })).status).toBe(413);
    expect((await post(notes, 'hello', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(notes, JSON.stringify({ text: 'hi' }), { 'content-type': 'application/json' })).status).toBe(401);
  });
});

describe('every JSON route', () => {
  const p = encodeURIComponent(phone);
  const routes: [method: string, path: string][] = [
    ['POST', '/api/auth/login'],
    ['POST', '/api/users'],
    ['PATCH', '/api/users/u_nobody'],
    ['POST', '/api/labels'],
    ['POST', '/api/canned-responses'],
    ['PUT', '/api/settings'],
    ['POST', '/api/api-keys'],
    ['PATCH', `/api/conversations/${p}`],
    ['POST', `/api/conversations/${p}/messages`],
    ['POST', `/api/conversations/${p}/notes`],
    ['POST', `/api/conversations/${p}/consent`],
    ['PUT', `/api/simulator/phones/${p}`],
    ['POST', `/api/simulator/phones/${p}/actions`],
    ['PUT', `/v1/profiles/${p}`],
    ['POST', '/v1/messages'],
    ['POST', '/v1/events'],
  ];

  it('answers a body that is not JSON, or no body, with 415, and an oversized one with 413', async () => {
    const admin = await signIn('admin');
    const headers = (contentType?: string): Record<string, string> => ({
      cookie: admin.cookie,
      'x-csrf-token': admin.csrf,
      authorization: 'Bearer test-api-key',
      ...(contentType ? { 'content-type': contentType } : {}),
    });
    for (const [method, path] of routes) {
      const form = await post(path, 'a=1', headers('application/x-www-form-urlencoded'), method);
      expect(`${form.status} ${(await form.json<{ error: string }>()).error}`, `${method} ${path} form`).toBe('415 unsupported_media_type');
      const none = await exports.default.fetch(`${BASE}${path}`, { method, headers: { origin: BASE, ...headers() } });
      expect(`${none.status} ${(await none.json<{ error: string }>()).error}`, `${method} ${path} no body`).toBe(
        '415 unsupported_media_type',
      );
      const big = await post(path, tooLarge, headers('application/json'), method);
      expect(`${big.status} ${(await big.json<{ error: string }>()).error}`, `${method} ${path} big`).toBe('413 payload_too_large');
    }
  });

  it('names a bad path parameter', async () => {
    const admin = await signIn('admin');
    const res = await api(admin, `/api/users/${'u'.repeat(65)}`, { method: 'PATCH', body: { name: 'X' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', details: [{ path: 'id' }] });
  });
});
