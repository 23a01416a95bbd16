// The results queries read through indexes only: a source's figures and its recipients' results
// search by source, then by phone and time (touches_source*, touches_phone_at, orders_phone_at),
// and the dashboard by time (touches_at, orders_at). None scans touches or orders whole, so a
// 100,000-recipient source costs its own rows, not the tables'. (Speed itself is a benchmark's
// business; this checks the plans SQLite chose.)
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SQL } from '../../worker/results';
import { attributionSql, PERIOD_CANDIDATES, windowBinds } from '../../worker/results/attribution';
import { TOUCHES_BY_DAY } from '../../worker/results/report';
import { WINDOWS } from './helpers';

async function plan(sql: string, ...binds: unknown[]): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...binds)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

/** Lines that read touches or orders (by name or by the queries' aliases) without an index search. */
const fullScans = (lines: string[]) =>
  lines.filter((l) => /^SCAN (touches|orders|t|s|o)\b/.test(l) || (/\b(touches|orders)\b/.test(l) && !/USING .*INDEX/.test(l)));

const w = windowBinds(WINDOWS);
const phones = JSON.stringify(['+33600000001', '+33600000002']);

describe('results query plans', () => {
  const cases: [string, string, unknown[]][] = [
    ['source counts', SQL.sourceCounts, ['camp_x']],
    ['source clicks', SQL.sourceClicks, ['camp_x', 'camp_x']],
    ['source orders (attribution)', SQL.sourceOrders, [...w, 'camp_x']],
    ['recipient clicks', SQL.recipientClicks, ['camp_x', phones]],
    ['recipient revenue (attribution)', SQL.recipientRevenue, [...w, 'camp_x', phones]],
    ['dashboard touches by day', TOUCHES_BY_DAY('at >= ?1'), [0]],
    ['dashboard orders (attribution)', attributionSql(PERIOD_CANDIDATES, 'SELECT count(*) FROM attributed'), [...w, 0]],
  ];
  for (const [name, sql, binds] of cases) {
    it(`${name}: index searches only`, async () => {
      const lines = await plan(sql, ...binds);
      expect(
        lines.some((l) => /USING .*INDEX/.test(l)),
        lines.join('\n'),
      ).toBe(true);
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
    });
  }
});
