// The queries' plans (EXPLAIN QUERY PLAN on D1): a country or consent filter reads the
// directory through its index and never touches the events mirror; an event condition searches
// the events index for one customer instead of scanning the table.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../schemas/segments';
import { compile } from '../../worker/segments/compile';

async function plan(definition: SegmentDefinition): Promise<string[]> {
  const { where, params } = compile(definition, Date.now());
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN SELECT p.phone FROM profiles p WHERE ${where} ORDER BY p.phone LIMIT 100`)
    .bind(...params.values)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

describe('segment query plans', () => {
  it('read a country filter through the country index without touching events', async () => {
    const steps = await plan({ all: [{ field: 'country', op: 'in', value: ['FR', 'BE'] }] });
    expect(steps.join('\n')).toMatch(/USING (COVERING )?INDEX profiles_country/);
    expect(steps.join('\n')).not.toMatch(/profile_events/);
  });

  it('read a consent filter through the consent index without touching events', async () => {
    for (const [purpose, index] of [
      ['marketing', 'profiles_marketing'],
      ['transactional', 'profiles_transactional'],
    ] as const) {
      const steps = await plan({ all: [{ consent: purpose, op: 'is', value: 'subscribed' }] });
      expect(steps.join('\n')).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}`));
      expect(steps.join('\n')).not.toMatch(/profile_events/);
    }
  });

  it('search the events index per customer for an event condition, never scan the events table', async () => {
    const steps = await plan({
      all: [
        { field: 'country', op: 'in', value: ['FR'] },
        { event: 'Placed Order', in_last_days: 30, count: { op: 'at_least', value: 2 } },
      ],
    });
    const events = steps.filter((s) => /profile_events|\be\b/.test(s));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((s) => /^SEARCH e USING (COVERING )?INDEX profile_events_name/.test(s))).toBe(true);
    expect(steps.join('\n')).not.toMatch(/SCAN e\b/);
  });
});
