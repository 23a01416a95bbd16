// The /v1 API's Bearer API key: the API_KEY secret and rotated keys stored (hashed) in D1.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../worker/auth/api-key';
import { api, enc, uniquePhone } from './helpers';

// A malformed phone fails validation *after* auth, without touching any Profile object:
// a 400 there proves the key was accepted, a 401 that it was refused.
const PROBE = '/v1/profiles/not-a-phone';

describe('the /v1 API key', () => {
  it('refuses a request without an Authorization header with 401 and the error shape', async () => {
    const res = await api('GET', PROBE, undefined, { key: null });
    expect(res.status).toBe(401);
    const body = await res.json<{ error: string; message: string }>();
    expect(body.error).toBe('unauthorized');
    expect(body.message).toMatch(/API key/);
  });

  it('refuses a wrong key with 401', async () => {
    const res = await api('GET', PROBE, undefined, { key: 'test-api-key-but-wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('refuses a non-Bearer scheme with 401', async () => {
    const res = await api('GET', PROBE, undefined, { key: null, headers: { Authorization: 'Basic dGVzdC1hcGkta2V5' } });
    expect(res.status).toBe(401);
  });

  it('refuses every /v1 resource without a key', async () => {
    for (const [method, path] of [
      ['PUT', '/v1/profiles/%2B33612345678'],
      ['GET', '/v1/profiles/%2B33612345678/messages'],
      ['POST', '/v1/messages'],
      ['POST', '/v1/events'],
    ] as const) {
      const res = await api(method, path, method === 'GET' ? undefined : {}, { key: null });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('accepts the API_KEY secret', async () => {
    const res = await api('GET', PROBE);
    expect(res.status).toBe(400);
  });

  it('accepts a key created for rotation, and refuses it once revoked', async () => {
    const created = await createApiKey(env, 'rotation test');
    expect(created.key).toMatch(/^rcs_[0-9a-f]{16}_/);
    expect((await api('GET', PROBE, undefined, { key: created.key })).status).toBe(400);

    expect(await revokeApiKey(env, created.id)).toBe(true);
    expect((await api('GET', PROBE, undefined, { key: created.key })).status).toBe(401);
    expect(await revokeApiKey(env, created.id)).toBe(false);
  });

  it('stores only a hash of a created key and records when it was last used', async () => {
    const created = await createApiKey(env, 'hash test');
    await api('GET', PROBE, undefined, { key: created.key });
    const row = await env.DB.prepare('SELECT hash, last_used_at FROM api_keys WHERE id = ?')
      .bind(created.id)
      .first<{ hash: string; last_used_at: string | null }>();
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.hash).not.toContain(created.key);
    expect(row?.last_used_at).not.toBeNull();
  });

  it('refuses a key whose id exists but whose secret is wrong', async () => {
    const created = await createApiKey(env, 'tamper test');
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    const res = await api('GET', PROBE, undefined, { key: created.key.slice(0, -1) + last });
    expect(res.status).toBe(401);
  });

  it('records the key id as the actor of a consent change', async () => {
    const created = await createApiKey(env, 'actor test');
    const phone = uniquePhone();
    await api(
      'PUT',
      `/v1/profiles/${enc(phone)}`,
      { consent: { marketing: 'subscribed', source: 'actor test form' } },
      { key: created.key },
    );
    const profile = await (await api('GET', `/v1/profiles/${enc(phone)}`)).json<{ consent: { marketing: { status: string } } }>();
    expect(profile.consent.marketing.status).toBe('subscribed');
    // The consent log lives in the Profile object; its actor is the key id.
    const log = await env.PROFILE.getByName(phone).consentLog(phone);
    expect(log.map((entry) => entry.actor)).toContain(`api_key:${created.id}`);
  });
});
