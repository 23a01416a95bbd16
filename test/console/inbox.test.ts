// The Inbox Durable Object's conversation list: upserts from Profile activity, tabs, filters,
// search, keyset pagination (300 and 10,000 rows), snoozes and the resumable event log.
// Each test uses its own Inbox object (a unique name), so nothing depends on test order.
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ConversationActivity, ConversationSummary } from '../../schemas/console';
import { encodeCursor, listStatements, type Inbox, type ListQuery } from '../../worker/inbox.do';
import { unique } from './helpers';

const freshInbox = () => env.INBOX.getByName(unique('inbox-'));
const phoneAt = (i: number) => `+3361${String(i).padStart(7, '0')}`;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const minute = 60_000;

function activity(phone: string, over: Partial<ConversationActivity> = {}): ConversationActivity {
  return { phone, name: null, direction: 'in', channel: 'rcs', preview: 'hello', at: new Date().toISOString(), kind: 'message', ...over };
}

const listAll = async (inbox: DurableObjectStub<Inbox>, q: Omit<ListQuery, 'limit' | 'cursor'>, limit: number) => {
  const rows: ConversationSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await inbox.list({ ...q, limit, cursor });
    pages++;
    rows.push(...page.conversations);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return { rows, pages };
};

const isSortedByActivity = (rows: ConversationSummary[]) =>
  rows.every(
    (r, i) =>
      i === 0 ||
      rows[i - 1]!.last_activity_at > r.last_activity_at ||
      (rows[i - 1]!.last_activity_at === r.last_activity_at && rows[i - 1]!.phone > r.phone),
  );

describe('conversation activity', () => {
  it('creates an open, unread conversation from a customer message', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000001', { name: 'Marie Dupont', preview: 'Where is my order?', channel: 'sms' }));
    expect(await inbox.get('+33612000001')).toMatchObject({
      phone: '+33612000001',
      name: 'Marie Dupont',
      status: 'open',
      unread: 1,
      channel: 'sms',
      preview: 'Where is my order?',
      last_direction: 'in',
      assignee: null,
      labels: [],
      flagged: false,
    });
  });

  it('counts unread customer messages and clears them when read', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000002'));
    await inbox.conversationActivity(activity('+33612000002', { kind: 'tap', preview: 'Track my parcel' }));
    expect((await inbox.get('+33612000002'))!.unread).toBe(2);
    expect((await inbox.markRead('+33612000002'))!.unread).toBe(0);
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000003'));
    await inbox.update('+33612000003', { status: 'resolved' });
    await inbox.conversationActivity(activity('+33612000003', { preview: 'one more thing' }));
    expect(await inbox.get('+33612000003')).toMatchObject({ status: 'open', preview: 'one more thing' });
  });

  it('keeps a resolved conversation resolved on an agent reply', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000004'));
    await inbox.update('+33612000004', { status: 'resolved' });
    await inbox.conversationActivity(activity('+33612000004', { direction: 'out', kind: 'agent_reply', preview: 'bye' }));
    expect(await inbox.get('+33612000004')).toMatchObject({ status: 'resolved', last_direction: 'out', preview: 'bye', unread: 0 });
  });

  it('wakes an until-reply snooze when the customer replies', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000005'));
    expect(await inbox.update('+33612000005', { snooze: { until_reply: true } })).toMatchObject({ status: 'snoozed', snoozed_until: null });
    await inbox.conversationActivity(activity('+33612000005', { direction: 'out', kind: 'automated' }));
    expect((await inbox.get('+33612000005'))!.status).toBe('snoozed');
    await inbox.conversationActivity(activity('+33612000005'));
    expect((await inbox.get('+33612000005'))!.status).toBe('open');
  });

  it('wakes a timed snooze from its alarm', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000006'));
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await inbox.update('+33612000006', { snooze: { until } })).toMatchObject({ status: 'snoozed', snoozed_until: until });
    // Pretend the hour has passed, then fire the alarm the snooze scheduled.
    await runInDurableObject(inbox, async (_i, state) => {
      expect(await state.storage.getAlarm()).toBe(Date.parse(until));
      state.storage.sql.exec(
        'UPDATE conversations SET snoozed_until = ? WHERE phone = ?',
        new Date(Date.now() - 1000).toISOString(),
        '+33612000006',
      );
    });
    expect(await runDurableObjectAlarm(inbox)).toBe(true);
    expect(await inbox.get('+33612000006')).toMatchObject({ status: 'open', snoozed_until: null });
  });

  it('never moves the preview back for late, older activity', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000007', { at: '2026-02-01T10:00:00.000Z', preview: 'newer' }));
    await inbox.conversationActivity(activity('+33612000007', { at: '2026-02-01T09:00:00.000Z', preview: 'older' }));
    expect(await inbox.get('+33612000007')).toMatchObject({ preview: 'newer', last_activity_at: '2026-02-01T10:00:00.000Z', unread: 2 });
  });

  it('flags a conversation the Profile flagged, until an agent reads it', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000008', { flagged: true, preview: "don't stop sending me deals" }));
    expect((await inbox.get('+33612000008'))!.flagged).toBe(true);
    expect((await inbox.markRead('+33612000008'))!.flagged).toBe(false);
  });

  it('returns null for changes to an unknown conversation', async () => {
    const inbox = freshInbox();
    expect(await inbox.update('+33612000009', { status: 'resolved' })).toBeNull();
    expect(await inbox.markRead('+33612000009')).toBeNull();
  });
});

describe('the conversation list over 300 conversations', () => {
  const build = async () => {
    const inbox = freshInbox();
    await runInDurableObject(inbox, async (instance) => {
      for (let i = 0; i < 300; i++) {
        await instance.conversationActivity(
          activity(phoneAt(i), {
            name: i % 50 === 0 ? `Marie Dupont ${i}` : `Customer ${i}`,
            channel: i % 2 === 0 ? 'rcs' : 'sms',
            at: new Date(T0 + i * minute).toISOString(),
          }),
        );
        const patch: Parameters<Inbox['update']>[1] = {};
        if (i % 3 === 0) patch.assignee = 'agent-a';
        if (i % 5 === 0) patch.status = 'resolved';
        if (i % 7 === 0) patch.labels = ['vip'];
        if (Object.keys(patch).length) await instance.update(phoneAt(i), patch);
      }
    });
    return inbox;
  };

  it('pages through every conversation once, newest activity first', async () => {
    const inbox = await build();
    const { rows, pages } = await listAll(inbox, { tab: 'all', userId: 'agent-a' }, 50);
    expect(pages).toBe(6);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.phone)).size).toBe(300);
    expect(rows[0]!.phone).toBe(phoneAt(299));
    expect(isSortedByActivity(rows)).toBe(true);
  });

  it('counts and lists the Mine, Unassigned and All tabs', async () => {
    const inbox = await build();
    const first = await inbox.list({ tab: 'mine', userId: 'agent-a', limit: 100 });
    expect(first.counts).toEqual({ mine: 100, unassigned: 200, all: 300 });
    const mine = await listAll(inbox, { tab: 'mine', userId: 'agent-a' }, 30);
    expect(mine.rows).toHaveLength(100);
    expect(mine.rows.every((r) => r.assignee === 'agent-a')).toBe(true);
    const unassigned = await listAll(inbox, { tab: 'unassigned', userId: 'agent-a' }, 70);
    expect(unassigned.rows).toHaveLength(200);
    expect(unassigned.rows.every((r) => r.assignee === null)).toBe(true);
    expect((await inbox.list({ tab: 'mine', userId: 'someone-else', limit: 10 })).conversations).toHaveLength(0);
  });

  it('filters by status, channel and label, and counts within the filter', async () => {
    const inbox = await build();
    const resolved = await listAll(inbox, { tab: 'all', userId: 'agent-a', status: 'resolved' }, 25);
    expect(resolved.rows).toHaveLength(60);
    expect(resolved.rows.every((r) => r.status === 'resolved')).toBe(true);
    const open = await inbox.list({ tab: 'all', userId: 'agent-a', status: 'open', limit: 1 });
    expect(open.counts.all).toBe(240);
    const rcs = await listAll(inbox, { tab: 'all', userId: 'agent-a', channel: 'rcs' }, 40);
    expect(rcs.rows).toHaveLength(150);
    expect(rcs.rows.every((r) => r.channel === 'rcs')).toBe(true);
    const vip = await listAll(inbox, { tab: 'all', userId: 'agent-a', label: 'vip' }, 10);
    expect(vip.rows).toHaveLength(43);
    expect(vip.rows.every((r) => r.labels.includes('vip'))).toBe(true);
    expect(isSortedByActivity(vip.rows)).toBe(true);
    // Combined: resolved, RCS, VIP, mine: i divisible by 2, 3, 5 and 7.
    const combined = await inbox.list({ tab: 'mine', userId: 'agent-a', status: 'resolved', channel: 'rcs', label: 'vip', limit: 50 });
    expect(combined.conversations.map((r) => r.phone).sort()).toEqual([0, 210].map(phoneAt).sort());
  });

  it('searches by name prefix, word prefix and phone prefix', async () => {
    const inbox = await build();
    const byLast = await inbox.list({ tab: 'all', userId: 'x', q: 'dupont', limit: 50 });
    expect(byLast.conversations).toHaveLength(6);
    expect(byLast.counts.all).toBe(6);
    const byFirst = await inbox.list({ tab: 'all', userId: 'x', q: 'MARIE', limit: 50 });
    expect(byFirst.conversations).toHaveLength(6);
    expect((await inbox.list({ tab: 'all', userId: 'x', q: 'arie', limit: 50 })).conversations).toHaveLength(0);
    const byPhone = await inbox.list({ tab: 'all', userId: 'x', q: '+33 6 10 00 00 1', limit: 50 });
    expect(byPhone.conversations.map((r) => r.phone).sort()).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(phoneAt).sort());
    // Wildcards typed by an agent are literal characters.
    expect((await inbox.list({ tab: 'all', userId: 'x', q: '%', limit: 50 })).conversations).toHaveLength(0);
  });

  it('replaces labels and keeps the label filter in step', async () => {
    const inbox = await build();
    await inbox.update(phoneAt(7), { labels: ['returns'] });
    expect((await inbox.get(phoneAt(7)))!.labels).toEqual(['returns']);
    expect((await inbox.list({ tab: 'all', userId: 'x', label: 'vip', limit: 100 })).conversations).toHaveLength(42);
    expect((await inbox.list({ tab: 'all', userId: 'x', label: 'returns', limit: 100 })).conversations.map((r) => r.phone)).toEqual([
      phoneAt(7),
    ]);
  });
});

describe('the conversation list over 10,000 conversations', () => {
  it('pages through all of them by keyset, each page an index range scan', async () => {
    const inbox = freshInbox();
    await runInDurableObject(inbox, async (_instance, state) => {
      state.storage.transactionSync(() => {
        for (let i = 0; i < 10_000; i++) {
          state.storage.sql.exec(
            `INSERT INTO conversations (phone, name, name_lc, status, assignee, channel, preview, last_direction, last_activity_at, unread)
             VALUES (?, ?, ?, ?, ?, ?, 'hi', 'in', ?, 1)`,
            phoneAt(i),
            `Customer ${i}`,
            `customer ${i}`,
            i % 4 === 0 ? 'resolved' : 'open',
            i % 2 === 0 ? 'agent-b' : null,
            i % 3 === 0 ? 'sms' : 'rcs',
            // Some ties on purpose: the phone breaks them.
            new Date(T0 + Math.floor(i / 2) * 1000).toISOString(),
          );
        }
      });
      // Every list shape (tab × status × channel, after a cursor) is an index range scan in order:
      // no temporary sort of the whole table, however many conversations exist.
      const cursor = encodeCursor('2026-01-01T01:00:00.000Z', '+33610000000');
      for (const tab of ['all', 'mine', 'unassigned'] as const) {
        for (const status of [undefined, 'open'] as const) {
          for (const channel of [undefined, 'sms'] as const) {
            const { page } = listStatements({ tab, userId: 'agent-b', status, channel, cursor, limit: 50 });
            const plan = state.storage.sql
              .exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${page.sql}`, ...page.params)
              .toArray()
              .map((r) => r.detail)
              .join(' | ');
            const shape = `${tab}/${status ?? '*'}/${channel ?? '*'}`;
            expect(plan, shape).toMatch(/USING (COVERING )?INDEX/);
            expect(plan, shape).not.toMatch(/TEMP B-TREE/);
          }
        }
      }
    });
    const all = await listAll(inbox, { tab: 'all', userId: 'agent-b' }, 100);
    expect(all.pages).toBe(100);
    expect(new Set(all.rows.map((r) => r.phone)).size).toBe(10_000);
    expect(isSortedByActivity(all.rows)).toBe(true);
    const mineOpen = await listAll(inbox, { tab: 'mine', userId: 'agent-b', status: 'open' }, 100);
    expect(mineOpen.rows).toHaveLength(2500);
    const first = await inbox.list({ tab: 'all', userId: 'agent-b', limit: 1 });
    expect(first.counts).toEqual({ mine: 5000, unassigned: 5000, all: 10_000 });
    // 10,000 rows written and 125 pages read: seconds on a busy 2-core machine.
  }, 30_000);
});

describe('the event log', () => {
  it('numbers events in order and replays what came after a seq', async () => {
    const inbox = freshInbox();
    const start = await inbox.cursor();
    await inbox.conversationActivity(activity('+33612000010'));
    await inbox.threadEvent('+33612000010', { type: 'typing', at: new Date().toISOString() });
    await inbox.update('+33612000010', { assignee: 'agent-c' });
    const events = (await inbox.eventsAfter(start)) as { type: string; seq: number }[] | null;
    // Typing is not replayed: it is stale by the time anyone resumes.
    expect(events!.map((e) => e.type)).toEqual(['conversation', 'conversation']);
    const seqs = events!.map((e) => e.seq);
    expect(seqs[0]).toBe(start + 1);
    expect(seqs[1]).toBe(start + 3);
    expect(events![1]).toMatchObject({ type: 'conversation', conversation: { phone: '+33612000010', assignee: 'agent-c' } });
    expect(await inbox.eventsAfter(await inbox.cursor())).toEqual([]);
  });

  it('logs a Profile batch of many changes in order, one seq each', async () => {
    const inbox = freshInbox();
    const start = await inbox.cursor();
    // More events than one insert's bindings allow: 60 conversations, each with its message.
    const ops = Array.from({ length: 30 }, (_, i) => ({
      type: 'activity' as const,
      activity: activity(phoneAt(500 + i), { preview: `batch ${i}` }),
      message: null,
    }));
    await inbox.apply([...ops, ...ops.map((op) => ({ ...op, activity: { ...op.activity, preview: `again ${op.activity.preview}` } }))]);
    const events = (await inbox.eventsAfter(start)) as { seq: number; conversation: { preview: string } }[];
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => start + 1 + i));
    expect(events.map((e) => e.conversation.preview)).toEqual([
      ...ops.map((op) => op.activity.preview),
      ...ops.map((op) => `again ${op.activity.preview}`),
    ]);
  });

  it('asks for a refetch when the gap is older than what it keeps or from the future', async () => {
    const inbox = freshInbox();
    await inbox.conversationActivity(activity('+33612000011'));
    await runInDurableObject(inbox, (_i, state) => {
      state.storage.sql.exec('DELETE FROM events');
    });
    await inbox.conversationActivity(activity('+33612000011'));
    expect(await inbox.eventsAfter(0)).toBeNull();
    expect(await inbox.eventsAfter((await inbox.cursor()) + 5)).toBeNull();
    expect(await inbox.eventsAfter((await inbox.cursor()) - 1)).toHaveLength(1);
  });
});
