// Double opt-in (docs/compliance.md, "Signups"): a signup sends one confirmation request;
// YES / OUI within 48 hours subscribes, logged with the signup's source, its time and the
// confirming message; silence, a late YES or a YES nobody asked for changes nothing; repeated
// signups do not spam the phone; START only undoes an opt-out.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import type { OptInRequest } from '../../worker/profile.types';
import { writeSettings } from '../../worker/settings';
import { SETTING_DEFAULTS } from '../../schemas/settings';
import { messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

const HOUR = 3_600_000;
const apiSignup = (source = 'popup_summer'): OptInRequest => ({
  purpose: 'marketing',
  source,
  via: 'api',
  double: true,
  actor: 'api_key:env',
});
const inbound = (phone: string, id: string, text: string) =>
  profile(phone).ingest({ provider: 'sandbox', type: 'message', phone, id, at: new Date().toISOString(), channel: 'sms', text });
const outbound = async (phone: string) => (await messages(phone)).filter((m) => m.direction === 'out');
const marketing = async (phone: string) => (await profile(phone).get(phone))?.consent.marketing.status;

describe('double opt-in', () => {
  it('sends one confirmation request; OUI within 48 h subscribes, logged with source, time and the reply', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await profile(phone).subscribe(phone, apiSignup())).toEqual({ status: 'pending', sent: true });
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]?.text).toMatch(/répondez OUI/);
    expect(out[0]?.text).toMatch(/STOP/);
    expect(await marketing(phone)).toBe('never');

    await setClock(phone, TUESDAY_10H_PARIS + 47 * HOUR);
    expect(await inbound(phone, 'yes-1', 'Oui !')).toMatchObject({ keyword: 'confirm' });
    expect(await marketing(phone)).toBe('subscribed');
    const [entry] = await profile(phone).consentLog(phone);
    expect(entry).toMatchObject({
      purpose: 'marketing',
      status: 'subscribed',
      source: 'keyword',
      text: 'Oui !',
      origin: 'popup_summer',
      origin_at: new Date(TUESDAY_10H_PARIS).toISOString(),
    });
    // The request, then one welcome.
    expect(await outbound(phone)).toHaveLength(2);
  });

  it('silence changes nothing, and a YES after 48 hours is just a word', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).subscribe(phone, apiSignup());
    await setClock(phone, TUESDAY_10H_PARIS + 49 * HOUR);
    expect(await marketing(phone)).toBe('never');
    expect(await inbound(phone, 'late', 'OUI')).toMatchObject({ keyword: null });
    expect(await marketing(phone)).toBe('never');
    expect(await outbound(phone)).toHaveLength(1);
  });

  it('a YES with no request pending changes nothing', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await inbound(phone, 'y', 'YES')).toMatchObject({ keyword: null });
    expect(await marketing(phone)).toBe('never');
    expect(await outbound(phone)).toHaveLength(0);
  });

  it('a STOP after the request withdraws it: the YES that follows subscribes nobody', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).subscribe(phone, apiSignup());
    await setClock(phone, TUESDAY_10H_PARIS + HOUR);
    await inbound(phone, 's', 'STOP');
    await setClock(phone, TUESDAY_10H_PARIS + 2 * HOUR);
    expect(await inbound(phone, 'y', 'OUI')).toMatchObject({ keyword: null });
    expect(await marketing(phone)).toBe('unsubscribed');
  });

  it('repeated signups send one request a day at most', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    for (let i = 0; i < 5; i++) expect(await profile(phone).subscribe(phone, apiSignup(`form_${i}`))).toMatchObject({ status: 'pending' });
    expect(await outbound(phone)).toHaveLength(1);
    await setClock(phone, TUESDAY_10H_PARIS + 23 * HOUR);
    await profile(phone).subscribe(phone, apiSignup());
    expect(await outbound(phone)).toHaveLength(1);
    await setClock(phone, TUESDAY_10H_PARIS + 25 * HOUR);
    expect(await profile(phone).subscribe(phone, apiSignup())).toEqual({ status: 'pending', sent: true });
    expect(await outbound(phone)).toHaveLength(2);
    // An already subscribed customer is told so, and texted nothing.
    await inbound(phone, 'y', 'oui');
    const before = (await outbound(phone)).length;
    expect(await profile(phone).subscribe(phone, apiSignup())).toEqual({ status: 'subscribed', sent: false });
    expect(await outbound(phone)).toHaveLength(before);
  });

  it('stops asking a number that left three requests unanswered, for 30 days', async () => {
    const phone = uniquePhone('sms');
    const DAY = 24 * HOUR;
    for (let day = 0; day < 5; day++) {
      await setClock(phone, TUESDAY_10H_PARIS + day * DAY);
      await profile(phone).subscribe(phone, apiSignup());
    }
    expect(await outbound(phone)).toHaveLength(3);
    await setClock(phone, TUESDAY_10H_PARIS + 31 * DAY);
    expect(await profile(phone).subscribe(phone, apiSignup())).toEqual({ status: 'pending', sent: true });
  });

  it('single opt-in subscribes at once, with the named source in the log', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await profile(phone).subscribe(phone, { ...apiSignup('checkout_checkbox'), double: false })).toEqual({
      status: 'subscribed',
      sent: false,
    });
    expect(await outbound(phone)).toHaveLength(0);
    const [entry] = await profile(phone).consentLog(phone);
    expect(entry).toMatchObject({ status: 'subscribed', source: 'api', origin: 'checkout_checkbox', actor: 'api_key:env' });
  });

  it("a customer's STOP: the API's signup is refused, the page's sends nothing, their own JOIN asks again", async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await inbound(phone, 's', 'STOP');
    expect(await profile(phone).subscribe(phone, apiSignup())).toMatchObject({ error: 'opted_out_by_customer' });
    expect(await profile(phone).subscribe(phone, { ...apiSignup('signup_page'), via: 'page' })).toEqual({ status: 'pending', sent: false });
    expect(await outbound(phone)).toHaveLength(1); // the STOP confirmation only
    await setClock(phone, TUESDAY_10H_PARIS + HOUR);
    expect(await inbound(phone, 'j', 'join')).toMatchObject({ keyword: 'signup' });
    expect(await outbound(phone)).toHaveLength(2);
    await inbound(phone, 'y', 'OUI');
    expect(await marketing(phone)).toBe('subscribed');
    expect((await profile(phone).consentLog(phone))[0]).toMatchObject({ source: 'keyword', origin: 'keyword:JOIN' });
  });
});

describe('the signup keyword', () => {
  it('INSCRIPTION starts a double opt-in in French', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await inbound(phone, 'i', 'Inscription')).toMatchObject({ keyword: 'signup' });
    const out = await outbound(phone);
    expect(out).toHaveLength(1);
    expect(out[0]?.text).toMatch(/OUI/);
    expect(await marketing(phone)).toBe('never');
  });

  it("is the brand's to configure", async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const put = (value: string) => writeSettings(env, { signup_keywords: value });
    const forget = () => runInDurableObject(profile(phone), (p: Profile) => p.core.settings.forget());
    await put('JOIN, INSCRIPTION, CLUB');
    await forget();
    try {
      expect(await inbound(phone, 'c', 'club')).toMatchObject({ keyword: 'signup' });
      expect(await outbound(phone)).toHaveLength(1);
    } finally {
      await put(SETTING_DEFAULTS.signup_keywords);
      await forget();
    }
  });
});

describe('START', () => {
  it('undoes an opt-out but never subscribes a profile that never consented to marketing', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await inbound(phone, 's', 'STOP');
    await inbound(phone, 'g', 'START');
    expect(await marketing(phone)).not.toBe('subscribed');
    // The transactional opt-out is undone.
    expect((await profile(phone).get(phone))?.consent.transactional.status).toBe('subscribed');
  });
});
