// Short links (worker/results/links.ts): a marketing SMS's links go out as {PUBLIC_URL}/l/{code};
// GET answers 302 to the original URL and counts one click per message; previews and
// prefetchers get the redirect without a click; an unknown code is a 404.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../schemas/gsm';
import type { PreviewResponse } from '../../schemas/preview';
import { sourceMetrics } from '../../worker/results';
import { api, signIn } from '../console/helpers';
import { advanceTo, messages, profile, setClock, setSandboxMode, subscribe, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';
import { uniqueSource } from './helpers';

const T = TUESDAY_10H_PARIS;
const BASE = 'https://console.example.test';
const SHORT = /https:\/\/console\.example\.test\/l\/([A-Za-z0-9]{10})/g;
const open = (code: string, init: RequestInit = {}) => exports.default.fetch(`${BASE}/l/${code}`, { redirect: 'manual', ...init });

async function sendSms(purpose: 'marketing' | 'transactional', source: string) {
  const phone = uniquePhone('sms');
  await subscribe(phone);
  await setClock(phone, T);
  const out = await profile(phone).send(phone, {
    purpose,
    content: { type: 'text', text: 'Summer sale: https://shop.example.com/summer?utm=sms. Also https://shop.example.com/vip' },
    campaign_id: source,
  });
  if (!out.ok) throw new Error(`send refused: ${out.message}`);
  const [sms] = await messages(phone);
  return { phone, id: out.id, text: sms?.text ?? '' };
}

let later = T;
/** Runs the phone's alarm (the results reach D1), then counts its clicked touches. */
const clicks = async (phone: string) => {
  later += 60_000;
  await advanceTo(phone, later);
  const { results } = await env.DB.prepare("SELECT count(*) AS n FROM touches WHERE phone = ? AND kind = 'clicked'")
    .bind(phone)
    .all<{ n: number }>();
  return results[0]?.n ?? 0;
};

describe('short links', () => {
  it('replace the links of a marketing SMS and redirect to the original URL', async () => {
    const { text } = await sendSms('marketing', uniqueSource());
    const codes = [...text.matchAll(SHORT)].map((m) => m[1] as string);
    expect(codes).toHaveLength(2);
    expect(text).not.toContain('shop.example.com');
    // The sentence's full stop stays after the link.
    expect(text).toMatch(new RegExp(`/l/${codes[0]}\\. Also`));
    const res = await open(codes[0] as string);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example.com/summer?utm=sms');
    expect((await open(codes[1] as string)).headers.get('location')).toBe('https://shop.example.com/vip');
  });

  it('leave a transactional SMS as written', async () => {
    const { text } = await sendSms('transactional', uniqueSource());
    expect(text).toContain('https://shop.example.com/summer?utm=sms');
    expect(text).not.toMatch(SHORT);
  });

  it('count one click per message and profile however often they are opened', async () => {
    const source = uniqueSource();
    const { phone, id, text } = await sendSms('marketing', source);
    const codes = [...text.matchAll(SHORT)].map((m) => m[1] as string);
    for (const code of [...codes, ...codes]) expect((await open(code)).status).toBe(302);
    expect(await clicks(phone)).toBe(1);
    const m = await sourceMetrics(env, source);
    expect([m.clicked, m.by_channel.sms.clicked]).toEqual([1, 1]);
    const row = await env.DB.prepare("SELECT message_id FROM touches WHERE phone = ? AND kind = 'clicked'").bind(phone).first();
    expect(row).toEqual({ message_id: id });
  });

  it('do not count link previews and prefetches, which still get the redirect', async () => {
    const { phone, text } = await sendSms('marketing', uniqueSource());
    const code = [...text.matchAll(SHORT)][0]?.[1] as string;
    const previews: RequestInit[] = [
      { method: 'HEAD' },
      { headers: { 'sec-purpose': 'prefetch' } },
      { headers: { 'sec-purpose': 'prefetch;prerender' } },
      { headers: { purpose: 'prefetch' } },
      { headers: { 'user-agent': 'facebookexternalhit/1.1 Facebot Twitterbot/1.0' } },
      { headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } },
      { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } },
      { headers: { 'user-agent': 'TelegramBot (like TwitterBot)' } },
    ];
    for (const init of previews) expect((await open(code, init)).status).toBe(302);
    expect(await clicks(phone)).toBe(0);
    await open(code, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1' } });
    expect(await clicks(phone)).toBe(1);
  });

  it('answer an unknown or malformed code with 404', async () => {
    for (const code of ['AAAAAAAAAA', 'short', 'zzzzzzzzzz%2F..']) {
      const res = await open(code);
      expect(res.status).toBe(404);
    }
  });

  it('are counted in the preview of a marketing SMS at their real length', async () => {
    const marketer = await signIn('marketer');
    const url = `https://shop.example.com/${'collection/'.repeat(12)}`;
    const body = { content: { type: 'text', text: `New arrivals ${url}` }, fallback_text: null };
    const asMarketing = await (
      await api(marketer, '/api/preview', { method: 'POST', body: { ...body, purpose: 'marketing' } })
    ).json<PreviewResponse>();
    const asTransactional = await (
      await api(marketer, '/api/preview', { method: 'POST', body: { ...body, purpose: 'transactional' } })
    ).json<PreviewResponse>();
    expect(asMarketing.sms.text).toMatch(/^New arrivals https:\/\/console\.example\.test\/l\/x{10}\n/);
    expect(asMarketing.sms.segments.characters).toBe(countSegments(asMarketing.sms.text).characters);
    expect(asTransactional.sms.text).toContain(url);
    expect(asMarketing.sms.segments.segments).toBeLessThan(asTransactional.sms.segments.segments);
  });
});

describe('short links of an SMS fallback', () => {
  it('are in the fallback SMS of a marketing RCS message, and a click counts under the RCS message on SMS', async () => {
    const phone = uniquePhone('rcs');
    await setSandboxMode(phone, 'rcs_offline');
    await subscribe(phone);
    await setClock(phone, T);
    const source = uniqueSource();
    const out = await profile(phone).send(phone, {
      purpose: 'marketing',
      content: { type: 'text', text: 'Back in stock: https://shop.example.com/court' },
      campaign_id: source,
    });
    if (!out.ok) throw new Error('send refused');
    await advanceTo(phone, T + 300_000); // no delivery: revoked, sent as SMS
    const sms = (await messages(phone)).find((m) => m.channel === 'sms' && m.fallback?.from === out.id);
    const code = [...(sms?.text ?? '').matchAll(SHORT)][0]?.[1];
    expect(code).toBeDefined();
    expect((await open(code as string)).headers.get('location')).toBe('https://shop.example.com/court');
    later = Math.max(later, T + 300_000);
    expect(await clicks(phone)).toBe(1);
    const row = await env.DB.prepare("SELECT message_id, channel FROM touches WHERE phone = ? AND kind = 'clicked'").bind(phone).first();
    expect(row).toEqual({ message_id: out.id, channel: 'sms' });
  });
});
