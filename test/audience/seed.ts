// Seeded directory rows and events for the segment suites: four customers written straight to
// D1 (as the Profile objects' directory sync would), each tagged with a property unique to the
// suite so a definition can be scoped to them in a shared database.
import { env } from 'cloudflare:workers';
import type { Condition, SegmentDefinition } from '../../schemas/segments';

export const NOW = Date.parse('2026-03-10T09:00:00.000Z');
export const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface Seeded {
  tag: string;
  phones: { alice: string; bruno: string; chloe: string; dan: string };
  /** The member names for a list of phones, sorted, so a failure reads as names. */
  names: (phones: string[]) => string[];
  /** The definition scoped to this suite's four customers. */
  scoped: (c: Condition) => SegmentDefinition;
}

let counter = 0;
const phoneFor = (prefix: string) => `${prefix}${String(Date.now() % 1e6).padStart(6, '0')}${String(counter++ % 100).padStart(2, '0')}`;

interface Row {
  phone: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  locale: string;
  timezone: string;
  country: string;
  properties: Record<string, unknown>;
  marketing: string;
  transactional: string;
  rcs_capable: number | null;
  orders_count: number;
  total_spent: number;
  average_order: number | null;
  first_order_at: number | null;
  last_order_at: number | null;
  created_at: number;
}

export async function seed(): Promise<Seeded> {
  const tag = `suite-${crypto.randomUUID()}`;
  const phones = { alice: phoneFor('+336100'), bruno: phoneFor('+324700'), chloe: phoneFor('+1415555'), dan: phoneFor('+336200') };
  const rows: Row[] = [
    {
      phone: phones.alice,
      first_name: 'Alice',
      last_name: 'Martin',
      email: 'alice@shop.example',
      locale: 'fr-FR',
      timezone: 'Europe/Paris',
      country: 'FR',
      properties: { vip: true, tier: 'gold', tags: ['newsletter', 'vip'], points: 250 },
      marketing: 'subscribed',
      transactional: 'subscribed',
      rcs_capable: 1,
      orders_count: 3,
      total_spent: 450,
      average_order: 150,
      first_order_at: NOW - 40 * DAY,
      last_order_at: NOW - 2 * DAY,
      created_at: NOW - 100 * DAY,
    },
    {
      phone: phones.bruno,
      first_name: 'Bruno',
      last_name: 'Dubois',
      email: null,
      locale: 'fr-BE',
      timezone: 'Europe/Brussels',
      country: 'BE',
      properties: { vip: false, points: '300' },
      marketing: 'unsubscribed',
      transactional: 'never',
      rcs_capable: 0,
      orders_count: 1,
      total_spent: 80,
      average_order: 80,
      first_order_at: NOW - 30 * DAY,
      last_order_at: NOW - 30 * DAY,
      created_at: NOW - 30 * DAY,
    },
    {
      phone: phones.chloe,
      first_name: 'Chloé',
      last_name: null,
      email: 'chloe@example.com',
      locale: 'en-US',
      timezone: 'America/Los_Angeles',
      country: 'US',
      properties: {},
      marketing: 'never',
      transactional: 'unsubscribed',
      rcs_capable: null,
      orders_count: 0,
      total_spent: 0,
      average_order: null,
      first_order_at: null,
      last_order_at: null,
      created_at: NOW - 30 * DAY - 1,
    },
    {
      phone: phones.dan,
      first_name: 'Dan',
      last_name: 'Roux',
      email: 'dan@shop.example',
      locale: 'fr-FR',
      timezone: 'Europe/Paris',
      country: 'FR',
      properties: { tier: 'silver' },
      marketing: 'subscribed',
      transactional: 'never',
      rcs_capable: 1,
      orders_count: 2,
      total_spent: 400,
      average_order: 200,
      first_order_at: NOW - 30 * DAY - 1,
      last_order_at: NOW - 29 * DAY,
      created_at: NOW - 60 * DAY,
    },
  ];
  const events: [string, string, number | null, Record<string, unknown>, number][] = [
    [phones.alice, 'Placed Order', 100, {}, NOW - 2 * DAY],
    [phones.alice, 'Placed Order', 200, {}, NOW - 35 * DAY],
    [phones.alice, 'Placed Order', 150, {}, NOW - 40 * DAY],
    [phones.alice, 'Viewed Category', null, { category: 'Shoes' }, NOW - DAY],
    [phones.bruno, 'Placed Order', 80, {}, NOW - 30 * DAY],
    [phones.bruno, 'Viewed Category', null, { category: 'Bags' }, NOW - 3 * DAY],
    [phones.dan, 'Placed Order', 250, {}, NOW - 30 * DAY - 1],
    [phones.dan, 'Placed Order', 150, {}, NOW - 29 * DAY],
  ];
  await env.DB.batch([
    ...rows.map((r) =>
      env.DB.prepare(
        `INSERT OR REPLACE INTO profiles (phone, first_name, last_name, email, locale, timezone, properties, marketing, transactional, rcs_capable,
           last_activity, created_at, updated_at, country, orders_count, total_spent, average_order, first_order_at, last_order_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        r.phone,
        r.first_name,
        r.last_name,
        r.email,
        r.locale,
        r.timezone,
        JSON.stringify({ ...r.properties, suite: tag }),
        r.marketing,
        r.transactional,
        r.rcs_capable,
        iso(r.created_at),
        iso(NOW),
        r.country,
        r.orders_count,
        r.total_spent,
        r.average_order,
        r.first_order_at === null ? null : iso(r.first_order_at),
        r.last_order_at === null ? null : iso(r.last_order_at),
      ),
    ),
    ...events.map(([phone, name, value, props, at], i) =>
      env.DB.prepare('INSERT INTO profile_events (phone, id, name, value, properties, at) VALUES (?, ?, ?, ?, ?, ?)').bind(
        phone,
        `${tag}-${i}`,
        name,
        value,
        JSON.stringify(props),
        at,
      ),
    ),
  ]);
  const byPhone = new Map(Object.entries(phones).map(([name, phone]) => [phone, name]));
  return {
    tag,
    phones,
    names: (list) => list.map((p) => byPhone.get(p) ?? p).sort(),
    scoped: (c) => ({ all: [{ field: 'properties.suite', op: 'equals', value: tag }, c] }),
  };
}
