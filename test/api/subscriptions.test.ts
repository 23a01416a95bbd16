// Signups through the API (`POST /v1/subscriptions`) and the hosted page (`GET /subscribe` and
// its form): both start the double opt-in; the page works without script, may be framed by
// the brand's own sites only, and is rate limited so it cannot be used to spam a phone.
import { env, exports } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS } from '../../schemas/settings';
import { writeSettings } from '../../worker/settings';
import { api, createProfile, enc, listMessages, quiesce, sandboxCallback, uniquePhone } from './helpers';

afterAll(() => quiesce());

const form = (fields: Record<string, string>, ip = `203.0.113.${Math.floor(Math.random() * 250)}`) =>
  exports.default.fetch(
    new Request('http://localhost/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip },
      body: new URLSearchParams(fields).toString(),
    }),
  );
const outbound = async (phone: string) => (await listMessages(phone)).messages.filter((m) => m.direction === 'out');
const marketing = async (phone: string) =>
  ((await (await api('GET', `/v1/profiles/${enc(phone)}`)).json()) as { consent: { marketing: { status: string } } }).consent.marketing
    .status;

describe('POST /v1/subscriptions', () => {
  it('answers 202 pending and texts one confirmation request; YES subscribes', async () => {
    const phone = uniquePhone({ rcs: false });
    const res = await api('POST', '/v1/subscriptions', { phone, source: 'popup_summer' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'pending' });
    expect(await outbound(phone)).toHaveLength(1);
    await sandboxCallback({ type: 'message', id: `y-${phone}`, phone, channel: 'sms', text: 'OUI' });
    expect(await marketing(phone)).toBe('subscribed');
  });

  it('subscribes at once with double_opt_in: false and a named source', async () => {
    const phone = uniquePhone({ rcs: false });
    const res = await api('POST', '/v1/subscriptions', { phone, source: 'checkout_checkbox', double_opt_in: false });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'subscribed' });
    expect(await outbound(phone)).toHaveLength(0);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const phone = uniquePhone();
    for (const [body, field] of [
      [{ phone }, 'source'],
      [{ phone, source: '  ' }, 'source'],
      [{ phone: '12', source: 'x' }, 'phone'],
      [{ phone, source: 'x', double_opt_in: 'no' }, 'double_opt_in'],
      [{ phone, source: 'x', purpose: 'transactional' }, 'purpose'],
      [{ phone, source: 'x', locale: 'French' }, 'locale'],
    ] as const) {
      const res = await api('POST', '/v1/subscriptions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as { error: string; message: string };
      expect(err.message).toContain(field);
    }
    expect((await api('GET', `/v1/profiles/${enc(phone)}`)).status).toBe(404);
  });

  it('needs an API key', async () => {
    expect((await api('POST', '/v1/subscriptions', { phone: uniquePhone(), source: 'x' }, { key: null })).status).toBe(401);
  });

  it('answers 409 for a customer who texted STOP, and texts them nothing', async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    await sandboxCallback({ type: 'message', id: `s-${phone}`, phone, channel: 'sms', text: 'STOP' });
    const before = (await outbound(phone)).length;
    const res = await api('POST', '/v1/subscriptions', { phone, source: 'popup' });
    expect(res.status).toBe(409);
    expect(await outbound(phone)).toHaveLength(before);
  });
});

describe('the signup page', () => {
  it('shows the brand, the disclosure and a phone field in a form that needs no script', async () => {
    const fr = await exports.default.fetch('http://localhost/subscribe', { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    expect(fr.status).toBe(200);
    const page = await fr.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(SETTING_DEFAULTS.brand_name);
    expect(page).toContain('Ce consentement n&#39;est pas une condition d&#39;achat');
    expect(page).toMatch(/<form method="post" action="\/subscribe">/);
    expect(page).toMatch(/<input id="phone" name="phone" type="tel"/);
    expect(page).not.toMatch(/<script/i);
    const en = await (await exports.default.fetch('http://localhost/subscribe?lang=en')).text();
    expect(en).toContain('Consent is not a condition of purchase');
  });

  it("may be framed by the brand's listed sites only, and is the only page that may be", async () => {
    await writeSettings(env, { signup_frame_origins: 'https://shop.example' });
    try {
      const res = await exports.default.fetch('http://localhost/subscribe');
      expect(res.headers.get('x-frame-options')).toBeNull();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'self' https://shop.example");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      await res.text();
    } finally {
      await writeSettings(env, { signup_frame_origins: SETTING_DEFAULTS.signup_frame_origins });
    }
    for (const path of ['/api/health', '/v1/subscriptions', '/webhooks/shopify']) {
      const other = await exports.default.fetch(`http://localhost${path}`);
      expect(other.headers.get('x-frame-options'), path).toBe('DENY');
      expect(other.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      await other.arrayBuffer();
    }
  });

  it('a submission starts the double opt-in and says to answer YES; the number is read in the brand country', async () => {
    const phone = uniquePhone({ rcs: false });
    const national = `0${phone.slice(3)}`;
    const res = await form({ phone: national, lang: 'en' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('reply YES');
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    await sandboxCallback({ type: 'message', id: `y-${phone}`, phone, channel: 'sms', text: 'yes' });
    expect(await marketing(phone)).toBe('subscribed');
  });

  it('re-shows the form with an error for a bad number, and records nothing', async () => {
    const res = await form({ phone: 'call me', lang: 'en' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Invalid number');
    expect(page).toContain('value="call me"');
  });

  it('is rate limited per number and per address: repeated signups do not spam the phone', async () => {
    const phone = uniquePhone({ rcs: false });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await form({ phone, lang: 'fr' }, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await outbound(phone)).toHaveLength(1);
    const ip = '192.0.2.77';
    const byAddress: number[] = [];
    for (let i = 0; i < 6; i++) byAddress.push((await form({ phone: uniquePhone({ rcs: false }), lang: 'fr' }, ip)).status);
    expect(byAddress).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
