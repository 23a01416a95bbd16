// Demo data: seeded through the real Profile RPCs and signed sandbox callbacks, only on the
// sandbox network, once, and consistent (consent states, the four scenarios' threads).
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILES, demoEnabled, ensureDemoData, seedDemo } from '../worker/seed';
import { api, enc, listMessages, quiesce } from './api/helpers';

// The seed's simulated receipts would otherwise fire while the environment is torn down.
afterAll(() => quiesce(DEMO_PROFILES.map((p) => p.phone)));

describe('demo data', () => {
  it('has about twenty profiles, French and US, RCS and SMS-only by the default rule', () => {
    expect(DEMO_PROFILES.length).toBeGreaterThanOrEqual(18);
    const phones = DEMO_PROFILES.map((p) => p.phone);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.some((p) => p.startsWith('+33'))).toBe(true);
    expect(phones.some((p) => p.startsWith('+1'))).toBe(true);
    expect(phones.some((p) => Number(p.at(-1)) % 2 === 0)).toBe(true);
    expect(phones.some((p) => Number(p.at(-1)) % 2 === 1)).toBe(true);
  });

  it('is never seeded when a real carrier is configured, or when DEMO_DATA is "0"', async () => {
    expect(demoEnabled({ ...env, DEMO_DATA: '1', RCS_PROVIDER: 'rbm' })).toBe(false);
    expect(demoEnabled({ ...env, DEMO_DATA: '1', SMS_PROVIDER: 'twilio' })).toBe(false);
    expect(demoEnabled({ ...env, DEMO_DATA: '1' })).toBe(true);
    // The test environment switches it off, so other suites see only their own data.
    expect(await ensureDemoData(env)).toBe('disabled');
    const row = await env.DB.prepare("SELECT v FROM meta WHERE k = 'seeded'").first();
    expect(row).toBeNull();
  });

  it('seeds profiles with consent states and the four scenarios, and a second run changes nothing', async () => {
    const report = await seedDemo(env);
    expect(report.profiles).toBe(DEMO_PROFILES.length);

    const camille = await (await api('GET', `/v1/profiles/${enc('+33639980102')}`)).json<{
      first_name: string;
      properties: { vip: boolean };
      consent: { marketing: { status: string } };
    }>();
    expect(camille).toMatchObject({ first_name: 'Camille', properties: { vip: true }, consent: { marketing: { status: 'subscribed' } } });

    // Jules replied STOP to the launch message: unsubscribed through the keyword path.
    const jules = await (await api('GET', `/v1/profiles/${enc('+33639980191')}`)).json<{ consent: { marketing: { status: string } } }>();
    expect(jules.consent.marketing.status).toBe('unsubscribed');

    // Nathan never opted in to marketing: his order confirmation went out anyway (transactional).
    const nathan = await (await api('GET', `/v1/profiles/${enc('+33639980179')}`)).json<{ consent: { marketing: { status: string } } }>();
    expect(nathan.consent.marketing.status).toBe('never');
    expect((await listMessages('+33639980179')).messages.some((m) => m.direction === 'out')).toBe(true);

    // Inès tapped "Talk to someone" on her order confirmation and then wrote in.
    const ines = (await listMessages('+33639980180')).messages;
    expect(ines.some((m) => m.direction === 'in' && m.postback === 'talk_to_someone')).toBe(true);

    const before = await Promise.all(DEMO_PROFILES.map(async (p) => (await listMessages(p.phone)).messages.length));
    await seedDemo(env);
    const after = await Promise.all(DEMO_PROFILES.map(async (p) => (await listMessages(p.phone)).messages.length));
    expect(after).toEqual(before);
  }, 60_000);
});
