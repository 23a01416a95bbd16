// Search: names and emails without accents or case (D1's profile_search over the directory),
// message words (message_search, appended by each Profile object with its directory write,
// from the alarm), and numbers in any format (digits anywhere, a national number's trunk 0).
import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationSummary } from '../../schemas/console';
import { inboxStub } from '../../worker/inbox.do';
import { ftsQuery, phoneDigits } from '../../worker/search';
import { profile, setClock, subscribe, TUESDAY_10H_PARIS } from '../profile/helpers';
import { api, signIn, unique, uniquePhone } from './helpers';

const found = async (who: Awaited<ReturnType<typeof signIn>>, q: string): Promise<string[]> => {
  const res = await api(who, `/api/conversations?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.status).toBe(200);
  return (await res.json<{ conversations: ConversationSummary[] }>()).conversations.map((c) => c.phone);
};

async function directoryRow(phone: string, first: string, last: string, email: string | null): Promise<void> {
  const now = new Date().toISOString();
  await env.DB.prepare(
    `INSERT INTO profiles (phone, first_name, last_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email`,
  )
    .bind(phone, first, last, email, now, now)
    .run();
  await inboxStub(env).conversationActivity({
    phone,
    name: `${first} ${last}`,
    direction: 'in',
    channel: 'sms',
    preview: 'Bonjour',
    at: now,
    kind: 'message',
  });
}

describe('search terms', () => {
  it('reads numbers in any format and words as prefixes', () => {
    expect(phoneDigits('06 39 98 01 91')).toBe('639980191');
    expect(phoneDigits('+33 6 39 98 01 91')).toBe('33639980191');
    expect(phoneDigits('98 01')).toBe('9801');
    expect(phoneDigits('lea')).toBeNull();
    expect(ftsQuery('Léa "mar*')).toBe('"Léa"* "mar"*');
    expect(ftsQuery('**')).toBeNull();
  });
});

describe('GET /api/conversations?q=', () => {
  it('finds names and emails whatever the accents and case', async () => {
    const agent = await signIn('agent');
    const tag = unique('zq')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const lea = uniquePhone();
    const chloe = uniquePhone();
    await directoryRow(lea, 'Léa', `Öberg${tag}`, `lea.${tag}@example.com`);
    await directoryRow(chloe, 'Chloé', `Inès${tag}`, null);
    expect(await found(agent, `lea oberg${tag}`)).toEqual([lea]);
    expect(await found(agent, `CHLOE INES${tag}`)).toEqual([chloe]);
    expect(await found(agent, `lea.${tag}@example`)).toEqual([lea]);
    // A renamed customer is found under the new name only (the trigger keeps the index in step).
    await directoryRow(lea, 'Léonie', `Öberg${tag}`, `leonie.${tag}@example.com`);
    expect(await found(agent, `lea.${tag}`)).toEqual([]);
    expect(await found(agent, `leonie oberg${tag}`)).toEqual([lea]);
  });

  it('finds part of a number and a French national number', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    await directoryRow(phone, 'Num', 'Ber', null);
    const national = `0${phone.slice(3)}`.replace(/(\d\d)(?=\d)/g, '$1 ');
    expect(await found(agent, national)).toContain(phone);
    expect(await found(agent, phone.slice(5, 10))).toContain(phone);
  });

  it('finds the words of a message once the alarm wrote the directory row', async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    const word = `camel${unique('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`;
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `search-${word}`,
      at: new Date().toISOString(),
      channel: 'sms',
      text: `Do you have the ${word} coat in size M?`,
    });
    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => expect(await found(agent, word.slice(0, 9))).toEqual([phone]));
    // Indexed once: the next write appends only later messages.
    const { n } = (await env.DB.prepare('SELECT COUNT(*) AS n FROM message_search WHERE message_search MATCH ?')
      .bind(`"${word}"`)
      .first<{ n: number }>())!;
    expect(n).toBe(1);
  });

  it("does not index a campaign's words (the same for every recipient), but finds the customer's answer to it", async () => {
    const agent = await signIn('agent');
    const phone = uniquePhone();
    const tag = unique('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    const sent = await profile(phone).sendCampaign(phone, {
      campaign_id: `search-${tag}`,
      variant: 'a',
      content: { type: 'text', text: `The linen${tag} shirt is back` },
      fallback_text: null,
      cap_mode: 'skip',
    });
    expect(sent.outcome).toBe('sent');
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `search-answer-${tag}`,
      at: new Date().toISOString(),
      channel: 'sms',
      text: `Is the wool${tag} one back too?`,
    });
    await runDurableObjectAlarm(profile(phone));
    await vi.waitFor(async () => expect(await found(agent, `wool${tag}`)).toEqual([phone]));
    expect(await found(agent, `linen${tag}`)).toEqual([]);
    const { n } = (await env.DB.prepare('SELECT COUNT(*) AS n FROM message_search WHERE phone = ?').bind(phone).first<{ n: number }>())!;
    expect(n).toBe(1);
  });
});
