// Segment definitions on seeded directory rows and events give exactly the right members: each
// kind of condition, all/any nesting, and time windows at their edges (exactly 30 days ago is
// "in the last 30 days", 1 ms more is not). Members are read the way campaigns read them,
// page by page (worker/segments/index.ts).
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { type Condition, type SegmentDefinition, SegmentDefinitionSchema } from '../../schemas/segments';
import { audienceBreakdown, segmentCount, segmentPage } from '../../worker/segments';
import { BUILTIN_SEGMENTS } from '../../worker/segments/builtins';
import { NOW, type Seeded, seed } from './seed';

let s: Seeded;
beforeAll(async () => {
  s = await seed();
});

/** Every member of the definition, paged 2 at a time. */
async function members(definition: SegmentDefinition): Promise<string[]> {
  const phones: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await segmentPage(env, definition, after, 2, NOW);
    phones.push(...page.phones);
    if (!page.next) break;
    after = page.next;
  }
  return s.names(phones);
}
const who = (c: Condition) => members(s.scoped(c));

describe('segment conditions on the directory', () => {
  it('test profile fields: equals ignores case, contains, starts with, exists and not exists', async () => {
    expect(await who({ field: 'first_name', op: 'equals', value: 'ALICE' })).toEqual(['alice']);
    expect(await who({ field: 'first_name', op: 'not_equals', value: 'alice' })).toEqual(['bruno', 'chloe', 'dan']);
    expect(await who({ field: 'email', op: 'contains', value: '@shop.' })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'email', op: 'not_contains', value: '@shop.' })).toEqual(['bruno', 'chloe']);
    expect(await who({ field: 'first_name', op: 'starts_with', value: 'Ch' })).toEqual(['chloe']);
    expect(await who({ field: 'email', op: 'not_exists' })).toEqual(['bruno']);
    expect(await who({ field: 'last_name', op: 'exists' })).toEqual(['alice', 'bruno', 'dan']);
    expect(await who({ field: 'locale', op: 'equals', value: 'fr-FR' })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'timezone', op: 'equals', value: 'Europe/Brussels' })).toEqual(['bruno']);
  });

  it('test properties with strict types: a text "300" is not greater than 200, missing is not equal', async () => {
    expect(await who({ field: 'properties.vip', op: 'equals', value: true })).toEqual(['alice']);
    expect(await who({ field: 'properties.vip', op: 'not_equals', value: true })).toEqual(['bruno', 'chloe', 'dan']);
    expect(await who({ field: 'properties.points', op: 'greater_than', value: 200 })).toEqual(['alice']);
    expect(await who({ field: 'properties.points', op: 'equals', value: '300' })).toEqual(['bruno']);
    expect(await who({ field: 'properties.tier', op: 'equals', value: 'GOLD' })).toEqual(['alice']);
    expect(await who({ field: 'properties.tags', op: 'contains', value: 'vip' })).toEqual(['alice']);
    expect(await who({ field: 'properties.tier', op: 'contains', value: 'ilv' })).toEqual(['dan']);
    expect(await who({ field: 'properties.tier', op: 'exists' })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'properties.tier', op: 'not_exists' })).toEqual(['bruno', 'chloe']);
    expect(await who({ field: 'properties.points', op: 'less_than', value: 1000 })).toEqual(['alice']);
  });

  it('test consent per purpose, RCS capability and the country of the number', async () => {
    expect(await who({ consent: 'marketing', op: 'is', value: 'subscribed' })).toEqual(['alice', 'dan']);
    expect(await who({ consent: 'marketing', op: 'is', value: 'unsubscribed' })).toEqual(['bruno']);
    expect(await who({ consent: 'marketing', op: 'is', value: 'never' })).toEqual(['chloe']);
    expect(await who({ consent: 'marketing', op: 'is_not', value: 'subscribed' })).toEqual(['bruno', 'chloe']);
    expect(await who({ consent: 'transactional', op: 'is', value: 'unsubscribed' })).toEqual(['chloe']);
    expect(await who({ rcs: 'capable' })).toEqual(['alice', 'dan']);
    expect(await who({ rcs: 'not_capable' })).toEqual(['bruno']);
    expect(await who({ rcs: 'unknown' })).toEqual(['chloe']);
    expect(await who({ field: 'country', op: 'in', value: ['FR'] })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'country', op: 'not_in', value: ['FR', 'BE'] })).toEqual(['chloe']);
    expect(await who({ field: 'country', op: 'equals', value: 'BE' })).toEqual(['bruno']);
  });

  it('test events in a time window, counted, summed and filtered on an event property, at the window edge', async () => {
    // Bruno's order is exactly 30 days old (in); Dan's older one is 30 days and 1 ms old (out).
    expect(await who({ event: 'Placed Order', in_last_days: 30 })).toEqual(['alice', 'bruno', 'dan']);
    expect(await who({ event: 'Placed Order', in_last_days: 30, count: { op: 'at_least', value: 2 } })).toEqual([]);
    expect(await who({ event: 'Placed Order', in_last_days: 31, count: { op: 'at_least', value: 2 } })).toEqual(['dan']);
    expect(await who({ event: 'Placed Order', count: { op: 'equals', value: 3 } })).toEqual(['alice']);
    expect(await who({ event: 'Placed Order', sum: { op: 'greater_than', value: 300 } })).toEqual(['alice', 'dan']);
    expect(await who({ event: 'Placed Order', op: 'not_happened' })).toEqual(['chloe']);
    // Dan's order exactly 29 days ago is in the window.
    expect(await who({ event: 'Placed Order', op: 'not_happened', in_last_days: 29 })).toEqual(['bruno', 'chloe']);
    expect(
      await who({ event: 'Viewed Category', in_last_days: 7, where: [{ field: 'properties.category', op: 'equals', value: 'shoes' }] }),
    ).toEqual(['alice']);
  });

  it('test the order aggregates: total spent, average order, first order within N days, at the edge', async () => {
    expect(await who({ field: 'total_spent', op: 'greater_than', value: 200 })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'average_order', op: 'greater_than', value: 150 })).toEqual(['dan']);
    expect(await who({ field: 'average_order', op: 'at_least', value: 150 })).toEqual(['alice', 'dan']);
    expect(await who({ field: 'orders_count', op: 'equals', value: 0 })).toEqual(['chloe']);
    expect(await who({ field: 'first_order_at', op: 'in_last_days', value: 30 })).toEqual(['bruno']);
    expect(await who({ field: 'first_order_at', op: 'not_exists' })).toEqual(['chloe']);
    expect(await who({ field: 'created_at', op: 'more_than_days_ago', value: 30 })).toEqual(['alice', 'chloe', 'dan']);
    expect(await who({ field: 'created_at', op: 'before', value: '2026-01-01' })).toEqual(['alice']);
    expect(await who({ field: 'created_at', op: 'after', value: '2026-02-08T09:00:00Z' })).toEqual(['bruno']);
  });

  it('combine all and any, nested, and treat an empty all as everyone and an empty any as no one', async () => {
    const nested: Condition = {
      any: [
        {
          all: [
            { field: 'country', op: 'in', value: ['FR'] },
            { rcs: 'capable' },
            { field: 'total_spent', op: 'greater_than', value: 420 },
          ],
        },
        { all: [{ consent: 'marketing', op: 'is', value: 'unsubscribed' }, { event: 'Viewed Category' }] },
      ],
    };
    expect(await who(nested)).toEqual(['alice', 'bruno']);
    expect(await who({ all: [] })).toEqual(['alice', 'bruno', 'chloe', 'dan']);
    expect(await who({ any: [] })).toEqual([]);
    expect(await segmentCount(env, s.scoped(nested), NOW)).toBe(2);
  });

  it('bind every value: quotes and LIKE wildcards in a value or a property key match literally', async () => {
    expect(await who({ field: 'first_name', op: 'equals', value: "' OR 1=1 --" })).toEqual([]);
    expect(await who({ field: 'email', op: 'contains', value: '%' })).toEqual([]);
    expect(await who({ field: "properties.x') OR 1=1 --", op: 'exists' })).toEqual([]);
  });

  it("run the largest definition the grammar allows within D1's 100 bound values", async () => {
    // 20 conditions, each binding as many distinct values as a condition can: a text `contains`
    // on its own property (path, pattern, item), and events with 5 `where` filters, a count and a sum.
    const event = (i: number): Condition => ({
      event: `Event ${i}`,
      in_last_days: 10 + i,
      count: { op: 'at_least', value: 100 + i },
      sum: { op: 'greater_than', value: 1000 + i },
      where: Array.from({ length: 5 }, (_, j) => ({ field: `properties.e${i}k${j}`, op: 'contains' as const, value: `e${i}v${j}` })),
    });
    const largest: SegmentDefinition = {
      any: [
        event(1),
        event(2),
        ...Array.from({ length: 7 }, (_, i): Condition => ({ field: `properties.p${i}`, op: 'not_contains', value: `v${i}` })),
      ],
    };
    expect(v.safeParse(SegmentDefinitionSchema, largest).success).toBe(true);
    expect(await segmentCount(env, { all: [s.scoped({ all: [] }), largest] }, NOW)).toBe(4);
    expect((await segmentPage(env, { all: [s.scoped({ all: [] }), largest] }, null, 10, NOW)).phones).toHaveLength(4);
  });

  it('answer the built-in examples: VIP, new customers, big baskets, RCS-capable', async () => {
    for (const b of BUILTIN_SEGMENTS) expect(v.safeParse(SegmentDefinitionSchema, b.definition).success, b.id).toBe(true);
    const byId = Object.fromEntries(
      await Promise.all(BUILTIN_SEGMENTS.map(async (b) => [b.id, await members({ all: [s.scoped({ all: [] }), b.definition] })])),
    );
    expect(byId).toEqual({
      'builtin-vip': ['alice'],
      'builtin-new-customers': ['bruno'],
      'builtin-big-baskets': ['dan'],
      'builtin-rcs-capable': ['alice', 'dan'],
    });
  });

  it('break the audience down by consent for each purpose', async () => {
    const everyone = s.scoped({ all: [] });
    expect(await audienceBreakdown(env, everyone, 'marketing', NOW)).toEqual({
      matched: 4,
      reachable: 2,
      excluded: { unsubscribed: 1, not_subscribed: 1 },
    });
    expect(await audienceBreakdown(env, everyone, 'transactional', NOW)).toEqual({
      matched: 4,
      reachable: 3,
      excluded: { unsubscribed: 1, not_subscribed: 0 },
    });
  });
});
