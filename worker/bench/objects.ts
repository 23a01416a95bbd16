/**
 * The bench build's Durable Object classes: the production Profile and Inbox plus the
 * fixture fills the benchmark needs (a long thread, a large inbox), exported under the same
 * class names by worker/bench/index.ts, so the bench environment binds them where production
 * binds the originals. The production build contains none of this.
 */
import { Inbox } from '../inbox.do';
import { Profile } from '../profile.do';
import type { SyntheticConversation } from '../inbox/projection';
import { fillThreadForBench } from './thread-fill';

export class BenchProfile extends Profile {
  /**
   * Grows this customer's thread to `count` realistic messages, names the customer and
   * surfaces the conversation in the Inbox like a customer message would.
   */
  async fillForBench(phone: string, count: number): Promise<{ messages: number; latest: { id: string; text: string } | null }> {
    const core = this.core;
    return core.run(async () => {
      const result = fillThreadForBench(core.store, phone, count, core.now());
      const latest = core.store.page(null, 1).rows[0];
      core.store.updateProfile({
        first_name: 'Bench',
        last_name: `${count} messages`,
        last_inbound_at: latest?.created_at ?? null,
        updated_at: core.now(),
      });
      await core.activity({
        direction: 'in',
        channel: latest?.channel ?? 'rcs',
        preview: (latest?.text ?? '').slice(0, 140),
        kind: 'message',
      });
      await core.mirror();
      return result;
    });
  }
}

const STATUSES = ['open', 'open', 'pending', 'resolved', 'snoozed'] as const;

export class BenchInbox extends Inbox {
  /**
   * Grows this object to `total` synthetic conversations in one transaction, spread over
   * tabs, statuses, channels and labels (one in ten is "vip"). Never the deployment's inbox:
   * the bench routes name their own objects (`bench-<size>`).
   */
  async fillForBench(total: number): Promise<number> {
    const have = this.projection.count();
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const rows: SyntheticConversation[] = [];
    for (let i = have; i < total; i++) {
      rows.push({
        phone: `+3369${String(i).padStart(7, '0')}`,
        name: `Client ${i}`,
        status: STATUSES[i % 5]!,
        assignee: i % 3 === 0 ? 'bench-agent' : null,
        labels: i % 10 === 0 ? ['vip'] : [],
        channel: i % 2 === 0 ? 'rcs' : 'sms',
        preview: 'Bonjour, où en est ma commande ?',
        at: new Date(start + i * 60_000).toISOString(),
        unread: i % 4,
      });
    }
    this.projection.insertSynthetic(rows);
    return this.projection.count();
  }
}
