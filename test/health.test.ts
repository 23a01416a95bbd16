// The Worker answers, and unknown routes get the one JSON error shape.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('the worker', () => {
  it('answers its health check', async () => {
    const res = await exports.default.fetch('http://localhost/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await exports.default.fetch('http://localhost/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
