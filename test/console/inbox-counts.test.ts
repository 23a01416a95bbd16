// The list at scale: the tab counts (all / mine / unassigned within the filters) are
// maintained as conversations change, not aggregated over every matching row on each page
// (the counts query reads a count table, and after any sequence of activity, assignment,
// label, resolve, snooze and wake changes the maintained counts equal a full aggregate of the
// rows); and a label filter walks that label's own index in list order.
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ConversationActivity, ConversationStatus } from '../../schemas/console';
import { encodeCursor, listStatements, type Inbox, type ListQuery } from '../../worker/inbox.do';
import { unique } from './helpers';

const phoneAt = (i: number) => `+3362${String(i).padStart(7, '0')}`;

function activity(phone: string, over: Partial<ConversationActivity> = {}): ConversationActivity {
  return { phone, name: null, direction: 'in', channel: 'rcs', preview: 'hello', at: new Date().toISOString(), kind: 'message', ...over };
}

/** The filters whose counts are checked: none, each alone, and combinations. */
const FILTERS: Omit<ListQuery, 'tab' | 'userId' | 'limit'>[] = [
  {},
  { status: 'open' },
  { status: 'snoozed' },
  { status: 'resolved' },
  { channel: 'sms' },
  { label: 'vip' },
  { label: 'returns', status: 'open' },
  { label: 'vip', channel: 'rcs', status: 'pending' },
  { status: 'open', channel: 'rcs' },
];

/** The tab counts for `f`, aggregated over every conversation row (the reference). */
function aggregate(state: DurableObjectState, userId: string, f: (typeof FILTERS)[number]) {
  const where: string[] = [];
  const params: SqlStorageValue[] = [userId];
  if (f.status) {
    where.push('status = ?');
    params.push(f.status);
  }
  if (f.channel) {
    where.push('channel = ?');
    params.push(f.channel);
  }
  if (f.label) {
    where.push('EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?)');
    params.push(f.label);
  }
  const row = state.storage.sql
    .exec<{ all: number; mine: number; unassigned: number }>(
      `SELECT COUNT(*) AS "all", COALESCE(SUM(assignee = ?), 0) AS mine, COALESCE(SUM(assignee IS NULL), 0) AS unassigned
         FROM conversations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      ...params,
    )
    .one();
  return { mine: row.mine, unassigned: row.unassigned, all: row.all };
}

/** A small deterministic generator, so a failure replays the same sequence. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

describe('the tab counts', () => {
  it('are read from the maintained count tables, not aggregated over conversations', async () => {
    const inbox = env.INBOX.getByName(unique('inbox-'));
    await inbox.conversationActivity(activity(phoneAt(1)));
    await runInDurableObject(inbox, (_i, state) => {
      for (const f of FILTERS) {
        const { counts } = listStatements({ tab: 'all', userId: 'agent-a', limit: 50, ...f });
        const plan = state.storage.sql
          .exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${counts.sql}`, ...counts.params)
          .toArray()
          .map((r) => r.detail)
          .join(' | ');
        expect(plan, JSON.stringify(f)).not.toMatch(/\bconversations\b/);
      }
    });
  });

  it('stay equal to a full aggregate through assign, label, resolve, snooze, wake and read changes', async () => {
    const inbox = env.INBOX.getByName(unique('inbox-'));
    const next = lcg(20_260_501);
    const statuses: ConversationStatus[] = ['open', 'pending', 'resolved', 'snoozed'];
    const assignees = [null, 'agent-a', 'agent-b'];
    const labelSets = [[], ['vip'], ['returns'], ['vip', 'returns']];
    const check = async (step: string) => {
      const expected = await runInDurableObject(inbox, (_i: Inbox, state) =>
        FILTERS.map((f) => ({ f, userId: 'agent-a', counts: aggregate(state, 'agent-a', f) })),
      );
      for (const { f, userId, counts } of expected) {
        const page = await inbox.list({ tab: 'all', userId, limit: 1, ...f });
        expect(page.counts, `${step} ${JSON.stringify(f)}`).toEqual(counts);
      }
    };
    for (let i = 0; i < 40; i++) {
      await inbox.conversationActivity(activity(phoneAt(i), { channel: i % 3 === 0 ? 'sms' : 'rcs' }));
    }
    await check('created');
    for (let step = 0; step < 12; step++) {
      for (let k = 0; k < 15; k++) {
        const phone = phoneAt(next(40));
        switch (next(7)) {
          case 0:
            await inbox.update(phone, { assignee: assignees[next(3)] ?? null });
            break;
          case 1:
            await inbox.update(phone, { labels: labelSets[next(4)] ?? [] });
            break;
          case 2:
            await inbox.update(phone, { status: statuses[next(4)] ?? 'open' });
            break;
          case 3:
            await inbox.update(
              phone,
              next(2) ? { snooze: { until_reply: true } } : { snooze: { until: new Date(Date.now() + 60_000).toISOString() } },
            );
            break;
          case 4:
            // Customer activity reopens a resolved or snoozed conversation; it may switch channel.
            await inbox.conversationActivity(activity(phone, { channel: next(2) ? 'sms' : 'rcs' }));
            break;
          case 5:
            await inbox.markRead(phone);
            break;
          case 6:
            await inbox.conversationActivity(activity(phone, { direction: 'out', kind: 'agent_reply' }));
            break;
        }
      }
      if (step % 4 === 3) {
        // Timed snoozes come due: the alarm wakes them.
        await runInDurableObject(inbox, (_i, state) => {
          state.storage.sql.exec(
            "UPDATE conversations SET snoozed_until = ? WHERE snoozed_until IS NOT NULL AND status = 'snoozed'",
            new Date(Date.now() - 1000).toISOString(),
          );
        });
        await runDurableObjectAlarm(inbox);
      }
      await check(`step ${step}`);
    }
  });
});

describe('the label filter', () => {
  it('pages through the label in list order from its own index, with no sort', async () => {
    const inbox = env.INBOX.getByName(unique('inbox-'));
    await runInDurableObject(inbox, async (instance: Inbox, state) => {
      for (let i = 0; i < 200; i++) {
        await instance.conversationActivity(
          activity(phoneAt(i), { at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString() }),
        );
        if (i % 4 === 0) await instance.update(phoneAt(i), { labels: ['vip'], ...(i % 8 === 0 ? { assignee: 'agent-a' } : {}) });
      }
      const cursor = encodeCursor('2026-01-01T02:00:00.000Z', phoneAt(120));
      for (const tab of ['all', 'mine', 'unassigned'] as const) {
        for (const status of [undefined, 'open'] as const) {
          for (const after of [undefined, cursor]) {
            const { page } = listStatements({ tab, userId: 'agent-a', status, label: 'vip', cursor: after, limit: 50 });
            const plan = state.storage.sql
              .exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${page.sql}`, ...page.params)
              .toArray()
              .map((r) => r.detail)
              .join(' | ');
            const shape = `${tab}/${status ?? '*'}/${after ? 'cursor' : 'first'}`;
            expect(plan, shape).toMatch(/conversation_labels_activity/);
            expect(plan, shape).not.toMatch(/TEMP B-TREE/);
          }
        }
      }
    });
  });

  it('moves a labelled conversation to the top of its label when the customer writes again', async () => {
    const inbox = env.INBOX.getByName(unique('inbox-'));
    const t0 = Date.parse('2026-03-01T10:00:00Z');
    for (let i = 0; i < 3; i++) {
      await inbox.conversationActivity(activity(phoneAt(i), { at: new Date(t0 + i * 60_000).toISOString() }));
      await inbox.update(phoneAt(i), { labels: ['returns'] });
    }
    const order = async () =>
      (await inbox.list({ tab: 'all', userId: 'x', label: 'returns', limit: 10 })).conversations.map((c) => c.phone);
    expect(await order()).toEqual([phoneAt(2), phoneAt(1), phoneAt(0)]);
    await inbox.conversationActivity(activity(phoneAt(0), { at: new Date(t0 + 10 * 60_000).toISOString() }));
    expect(await order()).toEqual([phoneAt(0), phoneAt(2), phoneAt(1)]);
    // Paging by cursor follows the same order.
    const first = await inbox.list({ tab: 'all', userId: 'x', label: 'returns', limit: 1 });
    const second = await inbox.list({ tab: 'all', userId: 'x', label: 'returns', limit: 5, cursor: first.next_cursor ?? undefined });
    expect(second.conversations.map((c) => c.phone)).toEqual([phoneAt(2), phoneAt(1)]);
  });
});
