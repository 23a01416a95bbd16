// Free-form JSON (`properties` of profiles and events) is bounded: an object, not an array,
// at most MAX_FREEFORM_DEPTH levels and MAX_FREEFORM_BYTES. Anything else is a 400 naming the
// field, and nothing changes.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FREEFORM_BYTES, MAX_FREEFORM_DEPTH } from '../../schemas/json';
import { api, createProfile, enc, quiesce, uniquePhone } from './helpers';

afterAll(() => quiesce());

interface ErrorJson {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}

/** `{"a":{"a":…1…}}` nested `depth` levels, written as text (no recursion on either side). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const putRaw = (phone: string, body: string) =>
  api('PUT', `/v1/profiles/${enc(phone)}`, undefined, { raw: body, headers: { 'Content-Type': 'application/json' } });

async function expectNamesProperties(res: Response): Promise<void> {
  expect(res.status).toBe(400);
  const body = await res.json<ErrorJson>();
  expect(body.error).toBe('invalid_request');
  expect(body.message).toMatch(/^properties: /);
  expect(body.details?.[0]?.path).toBe('properties');
}

describe('profile properties', () => {
  it('refuses nesting 4,000 levels deep with 400 naming properties, and changes nothing', async () => {
    const phone = uniquePhone();
    await createProfile(phone, { properties: { vip: true } });
    await expectNamesProperties(await putRaw(phone, `{"properties":${nested(4000)}}`));
    const profile = await (await api('GET', `/v1/profiles/${enc(phone)}`)).json<{ properties: unknown }>();
    expect(profile.properties).toEqual({ vip: true });
  });

  it(`accepts ${MAX_FREEFORM_DEPTH} levels and refuses one more`, async () => {
    const phone = uniquePhone();
    // `properties` itself is the first level.
    const ok = await putRaw(phone, `{"properties":{"deep":${nested(MAX_FREEFORM_DEPTH - 1)}}}`);
    expect(ok.status).toBe(200);
    await expectNamesProperties(await putRaw(phone, `{"properties":{"deep":${nested(MAX_FREEFORM_DEPTH)}}}`));
  });

  it('refuses an array instead of storing it as {"0": …}', async () => {
    const phone = uniquePhone();
    await expectNamesProperties(await putRaw(phone, '{"properties":[1,2]}'));
    expect((await api('GET', `/v1/profiles/${enc(phone)}`)).status).toBe(404);
    await expectNamesProperties(await putRaw(phone, '{"properties":"vip"}'));
  });

  it('refuses properties over the size bound', async () => {
    await expectNamesProperties(
      await api('PUT', `/v1/profiles/${enc(uniquePhone())}`, { properties: { notes: 'x'.repeat(MAX_FREEFORM_BYTES) } }),
    );
  });
});

describe('event properties', () => {
  const postRaw = (body: string) => api('POST', '/v1/events', undefined, { raw: body, headers: { 'Content-Type': 'application/json' } });

  it('refuses nesting 4,000 levels deep and arrays, naming properties', async () => {
    const phone = uniquePhone();
    await expectNamesProperties(await postRaw(`{"phone":"${phone}","name":"Placed Order","properties":${nested(4000)}}`));
    await expectNamesProperties(await postRaw(`{"phone":"${phone}","name":"Placed Order","properties":[1,2]}`));
  });
});
