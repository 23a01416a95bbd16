// Helpers for the campaign suites: recipients made straight in their Profile objects (with a
// frozen clock, so quiet hours never depend on when the suite runs), campaigns created through
// /v1, and waiting for the local Queue's consumer to finish a fan-out.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Campaign, RecipientPage } from '../../schemas/campaign-view';
import type { Profile } from '../../worker/profile.do';
import { api } from '../api/helpers';

/** Tuesday 10 March 2026, 10:00 in Paris: inside the marketing window. */
export const TUESDAY_10H_PARIS = Date.parse('2026-03-10T09:00:00Z');
/** Sunday 8 March 2026, 15:00 in Paris: marketing is held until Monday 08:00. */
export const SUNDAY_PARIS = Date.parse('2026-03-08T14:00:00Z');
export const MONDAY_8H_PARIS = Date.parse('2026-03-09T07:00:00Z');

const run = String(crypto.getRandomValues(new Uint16Array(1))[0]! % 1000).padStart(3, '0');
let next = 0;

/** A French mobile no other suite uses (+33 6 6…); even last digit: RCS on the sandbox. */
export function recipientPhone(): string {
  next += 1;
  if (next > 9999) throw new Error('out of numbers');
  return `+3366${run}${String(next).padStart(4, '0')}`;
}

export const profile = (phone: string) => env.PROFILE.getByName(phone);

export async function setClock(phone: string, ms: number): Promise<void> {
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.now = () => ms;
  });
}

/** Creates customers (subscribed to marketing unless `subscribed: false`) with their clock at `clock`. */
export async function makeRecipients(n: number, opts: { subscribed?: boolean; clock?: number } = {}): Promise<string[]> {
  const phones = Array.from({ length: n }, () => recipientPhone());
  for (let i = 0; i < phones.length; i += 50) {
    await Promise.all(
      phones.slice(i, i + 50).map((phone) =>
        // One call per customer: the clock, then the profile (an upsert writes the directory too).
        runInDurableObject(profile(phone), async (p: Profile) => {
          p.core.now = () => opts.clock ?? TUESDAY_10H_PARIS;
          const consent = opts.subscribed === false ? {} : { consent: { marketing: 'subscribed' as const, source: 'test checkout' } };
          await p.upsert(phone, { first_name: 'Camille', ...consent }, 'test');
        }),
      ),
    );
  }
  return phones;
}

export async function createCampaign(body: Record<string, unknown>): Promise<string> {
  const res = await api('POST', '/v1/campaigns', {
    name: 'Test campaign',
    content: { type: 'text', text: 'Hello {{ first_name }}' },
    ...body,
  });
  if (res.status !== 202) throw new Error(`campaign answered ${res.status}: ${await res.text()}`);
  return (await res.json<{ id: string }>()).id;
}

export async function campaign(id: string): Promise<Campaign> {
  const res = await api('GET', `/v1/campaigns/${id}`);
  if (res.status !== 200) throw new Error(`GET campaign answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Polls the campaign until `done` holds (the local Queue delivers asynchronously). */
export async function waitFor(id: string, done: (c: Campaign) => boolean, timeoutMs = 30_000): Promise<Campaign> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const c = await campaign(id);
    if (done(c)) return c;
    if (Date.now() > until) throw new Error(`campaign ${id} never got there: ${JSON.stringify({ status: c.status, counts: c.counts })}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function allRecipients(id: string): Promise<RecipientPage['recipients']> {
  const out: RecipientPage['recipients'] = [];
  let cursor: string | null = null;
  do {
    const res = await api('GET', `/v1/campaigns/${id}/recipients?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    const page = await res.json<RecipientPage>();
    out.push(...page.recipients);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

/** The campaign's messages in a customer's conversation (what they were actually sent). */
export async function campaignMessages(phone: string, id: string) {
  const page = await profile(phone).listMessages(phone, { limit: 200 });
  return page.messages.filter((m) => m.campaign_id === id && !m.fallback);
}

export async function quiet(phones: readonly string[]): Promise<void> {
  for (const phone of phones) {
    await runInDurableObject(profile(phone), async (_p, state) => {
      await state.storage.deleteAlarm();
    });
  }
}
