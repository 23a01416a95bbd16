// The benchmark's yardstick route exists only when BENCH=1 (npm run bench), never otherwise.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('/bench/baseline', () => {
  it('answers 404 when the BENCH var is not "1"', async () => {
    const res = await exports.default.fetch('http://localhost/bench/baseline', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'x', phone: '+33612345678' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
