// The D1 `profiles` directory (segments read it) mirrors each Profile: names and properties
// after an upsert, and marketing = unsubscribed after a STOP.
import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { profile, setClock, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

async function directoryRow(phone: string) {
  return env.DB.prepare('SELECT first_name, last_name, email, properties, marketing, transactional FROM profiles WHERE phone = ?')
    .bind(phone)
    .first<{
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      properties: string;
      marketing: string;
      transactional: string;
    }>();
}

describe('the D1 directory mirror', () => {
  it('reflects names and properties after an upsert and marketing unsubscribed after STOP', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).upsert(
      phone,
      {
        first_name: 'Camille',
        last_name: 'Durand',
        email: 'camille@example.test',
        properties: { vip: true, preferred_category: 'dresses' },
        consent: { marketing: 'subscribed', transactional: 'subscribed', source: 'checkout_checkbox' },
      },
      'test',
    );
    const first = await directoryRow(phone);
    expect(first).toMatchObject({
      first_name: 'Camille',
      last_name: 'Durand',
      email: 'camille@example.test',
      marketing: 'subscribed',
      transactional: 'subscribed',
    });
    expect(JSON.parse(first?.properties ?? '{}')).toEqual({ vip: true, preferred_category: 'dresses' });

    // A second upsert merges properties (null removes a key) and renames.
    await profile(phone).upsert(phone, { first_name: 'Camila', properties: { vip: null, average_basket: 182 } }, 'test');
    const second = await directoryRow(phone);
    expect(second).toMatchObject({ first_name: 'Camila', last_name: 'Durand' });
    expect(JSON.parse(second?.properties ?? '{}')).toEqual({ preferred_category: 'dresses', average_basket: 182 });

    // A first send caches the RCS capability, so the STOP below is the only thing left to mirror.
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Welcome') })).toMatchObject({ ok: true });
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: 'stop-1',
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'STOP',
    });
    // Inbound events mark the directory behind; the Profile's alarm writes the row (off the ingest path).
    await runDurableObjectAlarm(profile(phone));
    expect(await directoryRow(phone)).toMatchObject({ first_name: 'Camila', marketing: 'unsubscribed', transactional: 'unsubscribed' });
  });
});
