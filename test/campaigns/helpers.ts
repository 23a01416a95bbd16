// Helpers for the campaign suites: recipients made straight in their Profile objects (with a
// frozen clock, so quiet hours never depend on when the suite runs), campaigns created through
// /v1, and waiting for the local Queue's consumer to finish a fan-out.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Campaign, RecipientPage } from '../../schemas/campaign-view';
import type { Profile } from '../../worker/profile.do';
import { nextAllowedSendTime } from '../../worker/compliance/quiet-hours';
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

/** One zone per hour of offset, east to west: at any moment a few of them are in office hours. */
const ZONES = [
  'Pacific/Kiritimati',
  'Pacific/Auckland',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Bangkok',
  'Asia/Dhaka',
  'Asia/Karachi',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Athens',
  'Europe/Paris',
  'Europe/London',
  'Atlantic/Azores',
  'America/Noronha',
  'America/Sao_Paulo',
  'America/Halifax',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
];

/**
 * A zone where a French number may get marketing now and for the next hour (null on the rare
 * moments none is: around Sunday noon UTC, a French public holiday).
 */
export function openZone(now = Date.now()): string | null {
  const phone = '+33612345678';
  return (
    ZONES.find((z) => !nextAllowedSendTime(new Date(now), phone, z) && !nextAllowedSendTime(new Date(now + 3_600_000), phone, z)) ?? null
  );
}

/**
 * Creates customers (subscribed to marketing unless `subscribed: false`) with their clock at
 * `clock`. `clock: 'real'` leaves the real clock and puts them in a zone where marketing is
 * allowed now: for a long fan-out, whose objects may be evicted (and lose a frozen clock, which
 * lives in memory) before their turn comes. When no zone is open, it falls back to the frozen clock.
 */
export async function makeRecipients(n: number, opts: { subscribed?: boolean; clock?: number | 'real' } = {}): Promise<string[]> {
  const phones = Array.from({ length: n }, () => recipientPhone());
  const zone = opts.clock === 'real' ? openZone() : null;
  const frozen = typeof opts.clock === 'number' ? opts.clock : TUESDAY_10H_PARIS;
  for (let i = 0; i < phones.length; i += 50) {
    await Promise.all(
      phones.slice(i, i + 50).map((phone) =>
        // One call per customer: the clock, then the profile (an upsert writes the directory too).
        runInDurableObject(profile(phone), async (p: Profile) => {
          if (!zone) p.core.now = () => frozen;
          const consent = opts.subscribed === false ? {} : { consent: { marketing: 'subscribed' as const, source: 'test checkout' } };
          await p.upsert(phone, { first_name: 'Camille', ...(zone ? { timezone: zone } : {}), ...consent }, 'test');
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
    if (Date.now() > until) {
      // Say why: a few recipients still waiting, with their reasons and their own messages' history.
      const waiting = (await allRecipients(id)).filter((r) => r.outcome === 'held').slice(0, 3);
      const detail = await Promise.all(
        waiting.map(async (r) => ({
          ...r,
          messages: (await profile(r.phone).listMessages(r.phone, { limit: 5 })).messages.map((m) => ({
            status: m.status,
            history: m.history,
          })),
        })),
      );
      throw new Error(`campaign ${id} never got there: ${JSON.stringify({ status: c.status, counts: c.counts, waiting: detail })}`);
    }
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
