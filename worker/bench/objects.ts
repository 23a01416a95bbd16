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

/** What the campaign benchmark's bulk fill writes to the D1 directory for one seeded customer. */
export interface SeededProfile {
  phone: string;
  first_name: string;
  timezone: string;
  properties: string;
  created_at: string;
  updated_at: string;
}

/** One recipient's storage work in their object (`countCampaignWork`). */
export interface RecipientWork {
  channel: 'rcs' | 'sms' | null;
  /** SQL statements run, and how many different ones (each is prepared once per object wake). */
  statements: number;
  kinds: number;
  /** setAlarm and deleteAlarm calls. */
  alarm_calls: number;
}

/** A recipient's side of a campaign, read back after it: what went out, and when they opted out. */
export interface CampaignAudit {
  /** Messages of the campaign (not counting an SMS fallback of one) that reached the carrier. */
  sent: number;
  /** When the first of them did (ms), null when none did. */
  first_sent_at: number | null;
  /** When the customer first unsubscribed from marketing (ms), null when they never did. */
  opted_out_at: number | null;
}

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

  /**
   * A subscribed customer written straight to this object's storage, without the per-customer
   * D1 directory write: the bench route writes the directory rows of a whole fill in one
   * statement (the same columns a mirror writes). Idempotent.
   */
  async seedForBench(
    phone: string,
    fields: { first_name: string; timezone: string; properties: Record<string, string> },
  ): Promise<SeededProfile> {
    const core = this.core;
    return core.run(async () => {
      const store = core.store;
      store.ensureProfile(phone);
      store.updateProfile({
        first_name: fields.first_name,
        timezone: fields.timezone,
        properties: JSON.stringify(fields.properties),
        updated_at: core.now(),
      });
      store.setConsent('marketing', 'subscribed', 'api', 'bench', 'bench', 'bench');
      const view = store.profileView();
      if (!view) throw new Error('seed: no profile after insert');
      return {
        phone,
        first_name: fields.first_name,
        timezone: fields.timezone,
        properties: JSON.stringify(fields.properties),
        created_at: view.created_at,
        updated_at: view.updated_at,
      };
    });
  }

  private benchTable = false;

  /**
   * The campaign benchmark's yardstick: one SQLite insert in this customer's own object, the
   * least a queue consumer can do per recipient (worker/bench/campaign.ts, `baselineBatch`).
   */
  async benchInsert(id: string, body: string): Promise<void> {
    const sql = this.core.store.sql;
    if (!this.benchTable) {
      sql.exec('CREATE TABLE IF NOT EXISTS bench_writes (id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)');
      this.benchTable = true;
    }
    sql.exec('INSERT OR IGNORE INTO bench_writes (id, body, at) VALUES (?, ?, ?)', id, body, Date.now());
  }

  /**
   * One campaign recipient's storage work, counted in this (seeded) customer's object: the
   * campaign's message sent, the sandbox's receipts at fixed times (delivered 1.5 s and, on
   * RCS, read 4 s after the send; they are random otherwise), then the directory write. The
   * clock is moved, not waited for. A figure that does not move with the machine's load, beside
   * the fan-out's ratio, which does.
   */
  async countCampaignWork(phone: string, campaignId: string): Promise<RecipientWork> {
    const core = this.core;
    const sql = this.ctx.storage.sql;
    const storage = this.ctx.storage;
    const kinds = new Set<string>();
    const work: RecipientWork = { channel: null, statements: 0, kinds: 0, alarm_calls: 0 };
    const exec = sql.exec.bind(sql);
    const setAlarm = storage.setAlarm.bind(storage);
    const deleteAlarm = storage.deleteAlarm.bind(storage);
    const clock = core.now;
    Object.assign(sql, {
      exec: (query: string, ...bindings: unknown[]) => {
        work.statements++;
        kinds.add(query);
        return exec(query, ...bindings);
      },
    });
    Object.assign(storage, {
      setAlarm: (at: number | Date, opts?: DurableObjectSetAlarmOptions) => {
        work.alarm_calls++;
        return setAlarm(at, opts);
      },
      deleteAlarm: (opts?: DurableObjectSetAlarmOptions) => {
        work.alarm_calls++;
        return deleteAlarm(opts);
      },
    });
    try {
      const t0 = Date.now();
      core.now = () => t0;
      const out = await this.sendCampaign(phone, {
        campaign_id: campaignId,
        variant: 'a',
        content: { type: 'text', text: 'Hello {{ first_name }}, the linen shirt is back.' },
        fallback_text: null,
        cap_mode: 'skip',
        caller_writes: true,
      });
      work.channel = out.channel ?? null;
      exec("UPDATE timers SET due_at = ? WHERE kind = 'receipt' AND id LIKE '%:delivered'", t0 + 1500);
      exec("UPDATE timers SET due_at = ? WHERE kind = 'receipt' AND id LIKE '%:read'", t0 + 4000);
      for (const at of [t0 + 1500, t0 + 4000, t0 + 5000]) {
        core.now = () => at;
        await this.alarm();
      }
    } finally {
      core.now = clock;
      Object.assign(sql, { exec });
      Object.assign(storage, { setAlarm, deleteAlarm });
    }
    work.kinds = kinds.size;
    return work;
  }

  /** See `CampaignAudit`: read from this object's own tables (the truth), not from D1. */
  async auditCampaign(campaignId: string): Promise<CampaignAudit> {
    const sql = this.core.store.sql;
    const sent = sql
      .exec<{ at: number }>(
        `SELECT min(h.at) AS at FROM messages m JOIN status_history h ON h.message_id = m.id
         WHERE m.campaign_id = ? AND m.direction = 'out' AND m.fallback_of IS NULL AND h.status = 'sent' GROUP BY m.id`,
        campaignId,
      )
      .toArray();
    const optOut = sql
      .exec<{ at: number | null }>("SELECT min(at) AS at FROM consent_log WHERE purpose = 'marketing' AND status = 'unsubscribed'")
      .one();
    const first = sent.length ? Math.min(...sent.map((r) => r.at)) : null;
    return { sent: sent.length, first_sent_at: first, opted_out_at: optOut.at };
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
