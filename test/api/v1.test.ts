// The /v1 public API's happy paths (docs/api.md): profiles, messages,
// events, consent refusal (422) and idempotency keys.
import { afterAll, describe, expect, it } from 'vitest';
import { api, createProfile, enc, listMessages, quiesce, textContent, uniquePhone } from './helpers';

afterAll(() => quiesce());

interface ProfileJson {
  phone: string;
  first_name: string | null;
  properties: Record<string, unknown>;
  consent: Record<'marketing' | 'transactional', { status: string; updated_at: string | null; source: string | null }>;
  rcs: { capable: boolean | null; checked_at: string | null };
}

describe('PUT and GET /v1/profiles/{phone}', () => {
  it('creates a profile and reads it back, with the phone URL-encoded or not', async () => {
    const phone = uniquePhone();
    const put = await api('PUT', `/v1/profiles/${enc(phone)}`, {
      first_name: 'Camille',
      last_name: 'Durand',
      email: 'camille@example.test',
      locale: 'fr-FR',
      timezone: 'Europe/Paris',
      properties: { vip: true, average_basket: 84.5, preferred_category: 'shoes' },
      consent: { marketing: 'subscribed', source: 'checkout checkbox' },
    });
    expect(put.status).toBe(200);
    const created = await put.json<ProfileJson>();
    expect(created).toMatchObject({ phone, first_name: 'Camille', properties: { vip: true, average_basket: 84.5 } });
    expect(created.consent.marketing).toMatchObject({ status: 'subscribed', source: 'checkout checkbox' });
    expect(created.consent.transactional.status).toBeDefined();
    expect(created.rcs).toHaveProperty('capable');

    for (const path of [`/v1/profiles/${enc(phone)}`, `/v1/profiles/${phone}`]) {
      const get = await api('GET', path);
      expect(get.status, path).toBe(200);
      expect(await get.json()).toEqual(created);
    }
  });

  it('updates only the fields given', async () => {
    const phone = uniquePhone();
    await createProfile(phone, { first_name: 'Jo', email: 'jo@example.test' });
    const res = await api('PUT', `/v1/profiles/${enc(phone)}`, { last_name: 'Martin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ first_name: 'Jo', last_name: 'Martin', email: 'jo@example.test' });
  });

  it('answers 404 for a profile that does not exist', async () => {
    const res = await api('GET', `/v1/profiles/${enc(uniquePhone())}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('POST /v1/messages', () => {
  it('accepts a transactional message with 202 {id, status, channel} and lists it', async () => {
    const phone = uniquePhone({ rcs: true });
    await createProfile(phone);
    const res = await api('POST', '/v1/messages', {
      to: phone,
      purpose: 'transactional',
      content: textContent('Your order #1042 is confirmed.'),
    });
    expect(res.status).toBe(202);
    const sent = await res.json<{ id: string; status: string; channel: string }>();
    expect(Object.keys(sent).sort()).toEqual(['channel', 'id', 'status']);
    expect(sent.id).toEqual(expect.any(String));
    expect(['rcs', 'sms']).toContain(sent.channel);

    const { messages } = await listMessages(phone);
    expect(messages.find((m) => m.id === sent.id)).toMatchObject({ direction: 'out' });
  });

  it('refuses marketing to a profile that never subscribed with 422 and a code', async () => {
    const phone = uniquePhone();
    await api('PUT', `/v1/profiles/${enc(phone)}`, { first_name: 'Never' });
    const res = await api('POST', '/v1/messages', { to: phone, purpose: 'marketing', content: textContent('Flash sale!') });
    expect(res.status).toBe(422);
    const body = await res.json<{ error: string; message: string }>();
    expect(body.error).toBe('marketing_not_subscribed');
    expect(body.message).toEqual(expect.any(String));
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'out')).toEqual([]);
  });

  it('sends once for the same idempotency_key and answers the same id', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const body = { to: phone, purpose: 'transactional', content: textContent('Shipped!'), idempotency_key: `ship-${phone}` };
    const first = await (await api('POST', '/v1/messages', body)).json<{ id: string }>();
    const second = await api('POST', '/v1/messages', body);
    expect(second.status).toBe(202);
    expect((await second.json<{ id: string }>()).id).toBe(first.id);
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });
});

describe('GET /v1/profiles/{phone}/messages', () => {
  it('answers 404 for a profile that does not exist, as GET /v1/profiles/{phone} does', async () => {
    const res = await api('GET', `/v1/profiles/${enc(uniquePhone())}/messages`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('pages through messages newest first with next_cursor', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api('POST', '/v1/messages', { to: phone, purpose: 'transactional', content: textContent(`Update ${i}`) });
      ids.push((await res.json<{ id: string }>()).id);
    }
    const first = await (await api('GET', `/v1/profiles/${enc(phone)}/messages?limit=2`)).json<{
      messages: { id: string }[];
      next_cursor: string | null;
    }>();
    expect(first.messages.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await (
      await api('GET', `/v1/profiles/${enc(phone)}/messages?limit=2&cursor=${encodeURIComponent(first.next_cursor!)}`)
    ).json<{ messages: { id: string }[]; next_cursor: string | null }>();
    expect(second.messages.map((m) => m.id)).toEqual([ids[0]]);
    expect(second.next_cursor).toBeNull();
  });
});

describe('POST /v1/events', () => {
  it('accepts an order event with 202, once per id', async () => {
    const phone = uniquePhone();
    await createProfile(phone);
    const event = { phone, name: 'Placed Order', value: 129.9, properties: { order_id: '1042' }, id: `order-1042-${phone}` };
    const first = await api('POST', '/v1/events', event);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ duplicate: false });
    const again = await api('POST', '/v1/events', event);
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ duplicate: true });
  });

  it('accepts Back In Stock and Viewed Product events', async () => {
    const phone = uniquePhone({ country: 'US' });
    await createProfile(phone);
    for (const name of ['Viewed Product', 'Back In Stock']) {
      const res = await api('POST', '/v1/events', { phone, name, properties: { sku: 'SNEAK-42' } });
      expect(res.status, name).toBe(202);
    }
  });
});
