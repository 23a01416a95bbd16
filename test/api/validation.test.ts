// Bad input on the /v1 API: each case answers the documented error (JSON `{error, message,
// details?}`, naming the field) and changes nothing on the profile or its messages.
import { describe, expect, it } from 'vitest';
import { api, createProfile, enc, listMessages, textContent, uniquePhone } from './helpers';

interface ErrorJson {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}

async function snapshot(phone: string) {
  const profile = await (await api('GET', `/v1/profiles/${enc(phone)}`)).json();
  const { messages } = await listMessages(phone);
  return { profile, messages };
}

describe('bad input without touching any profile', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await api('POST', '/v1/messages', undefined, {
      raw: '{"to": "+33612345678",',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_json', message: expect.any(String) });
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await api('POST', '/v1/events', undefined, {
      raw: 'phone=+33612345678',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('answers a body over 256 KB with 413 payload_too_large', async () => {
    const phone = uniquePhone();
    const res = await api('PUT', `/v1/profiles/${enc(phone)}`, { properties: { blob: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers a bad phone in the path with 400 naming phone', async () => {
    const res = await api('GET', '/v1/profiles/12345');
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.error).toBe('invalid_request');
    expect(body.details?.[0]?.path).toBe('phone');
    expect(body.message).toMatch(/^phone: /);
  });

  it('answers a bad `to` with 400 naming to', async () => {
    const res = await api('POST', '/v1/messages', { to: '+33 12', purpose: 'transactional', content: textContent('hi') });
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.details?.map((d) => d.path)).toContain('to');
  });

  it('answers a missing field with 400 naming it', async () => {
    const res = await api('POST', '/v1/messages', { to: uniquePhone(), content: textContent('hi') });
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.details?.map((d) => d.path)).toContain('purpose');
  });

  it('names the nested field of invalid content', async () => {
    const res = await api('POST', '/v1/messages', {
      to: uniquePhone(),
      purpose: 'marketing',
      content: { type: 'card', card: { title: 'Hi', media: { url: 'http://insecure.example/a.png' } } },
    });
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.details?.map((d) => d.path)).toContain('content.card.media.url');
  });

  it('refuses unknown fields in a profile update, naming them', async () => {
    const res = await api('PUT', `/v1/profiles/${enc(uniquePhone())}`, { first_name: 'Ann', favourite_colour: 'blue' });
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.details?.map((d) => d.path)).toContain('favourite_colour');
  });

  it('refuses an out-of-range limit query parameter with 400 naming limit', async () => {
    const res = await api('GET', `/v1/profiles/${enc(uniquePhone())}/messages?limit=0`);
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.details?.map((d) => d.path)).toContain('limit');
  });
});

describe('bad input changes nothing', () => {
  it('leaves the profile and messages unchanged after bad JSON, bad phone, a missing field and an oversized body', async () => {
    const phone = uniquePhone();
    await createProfile(phone, { first_name: 'Before', properties: { vip: true } });
    const before = await snapshot(phone);

    const attempts: [string, Response][] = [
      [
        'bad JSON profile update',
        await api('PUT', `/v1/profiles/${enc(phone)}`, undefined, {
          raw: '{"first_name": "After"',
          headers: { 'Content-Type': 'application/json' },
        }),
      ],
      ['bad email', await api('PUT', `/v1/profiles/${enc(phone)}`, { first_name: 'After', email: 'not-an-email' })],
      [
        'consent without source',
        await api('PUT', `/v1/profiles/${enc(phone)}`, { first_name: 'After', consent: { marketing: 'unsubscribed' } }),
      ],
      [
        'oversized update',
        await api('PUT', `/v1/profiles/${enc(phone)}`, { first_name: 'After', properties: { blob: 'x'.repeat(300 * 1024) } }),
      ],
      ['send without purpose', await api('POST', '/v1/messages', { to: phone, content: textContent('Hello') })],
      [
        'send with bad JSON',
        await api('POST', '/v1/messages', undefined, {
          raw: `{"to": "${phone}", "purpose": "transactional"`,
          headers: { 'Content-Type': 'application/json' },
        }),
      ],
      [
        'oversized send',
        await api('POST', '/v1/messages', { to: phone, purpose: 'transactional', content: textContent('x'.repeat(300 * 1024)) }),
      ],
      ['event with bad phone', await api('POST', '/v1/events', { phone: phone.slice(0, 6), name: 'Placed Order' })],
    ];
    for (const [what, res] of attempts) expect(res.status, what).toBeGreaterThanOrEqual(400);
    expect(attempts.map(([, res]) => res.status)).toEqual([400, 400, 400, 413, 400, 400, 413, 400]);

    expect(await snapshot(phone)).toEqual(before);
  });
});
