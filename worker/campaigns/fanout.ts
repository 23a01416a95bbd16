/**
 * The campaign fan-out, the `CAMPAIGN_QUEUE` consumer (docs/architecture.md, "Campaigns"):
 *
 * - `page`: reads one page of the audience after `after` (segments are paged in D1, never
 *   loaded), enqueues its recipients in `send` batches and the next page, and records the
 *   page (INSERT OR IGNORE: a page delivered twice counts once).
 * - `send`: hands each recipient to their Profile object (`sendCampaign`), which decides at
 *   that moment (consent, frequency cap, quiet hours) and keeps the one outcome; the outcomes
 *   of the message go to D1 in one batch, and the message is acknowledged only after it.
 *
 * Every step may run twice (redelivery, a Worker restart): pages and sends are idempotent, so
 * the queue's at-least-once delivery gives each recipient exactly one outcome. Pacing: with a
 * send rate set, batches are enqueued with delays spreading them at that rate; a carrier that
 * keeps answering "slow down" pauses the campaign (`paused_until`) and later batches wait.
 */
import * as v from 'valibot';
import { type CampaignTask, CampaignTaskSchema } from '../../schemas/campaigns';
import { writeOutcomes } from '../profile/campaign';
import { iso } from '../lib/time';
import { segmentPage } from '../segments';
import { type CampaignRow, campaignRow, paceOf, variantsOf } from './store';

/** Recipients read from the segment per page message: 50 send messages, one full consumer batch (`max_batch_size`). */
export const PAGE_SIZE = 1000;
/** Recipients per send message (a consumer batch of 50 messages: 1,000 object calls and 50 D1 writes, within Workers Paid's 10,000 subrequests). */
export const SEND_BATCH = 20;
const MAX_DELAY_S = 43_200;
/** How long the campaign waits after a carrier answered "unavailable / too many requests". */
const BACKOFF_MS = 30_000;
/** A sending campaign whose paging made no progress for this long is re-kicked by the scheduler. */
const STALL_MS = 5 * 60_000;

/** FNV-1a: a stable, even split of recipients between variants (same phone, same variant). */
function bucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 100;
}

export const variantFor = (campaignId: string, phone: string, shareB: number | null): 'a' | 'b' =>
  shareB !== null && bucket(`${campaignId}:${phone}`) < shareB ? 'b' : 'a';

async function members(env: Env, row: CampaignRow, after: string | null, limit: number) {
  if (row.profiles !== null) {
    const list = JSON.parse(row.profiles) as string[];
    const rest = after === null ? list : list.filter((p) => p > after);
    const phones = rest.slice(0, limit);
    return { phones, next: rest.length > limit ? (phones.at(-1) ?? null) : null };
  }
  return segmentPage(env, row.definition === null ? null : (JSON.parse(row.definition) as unknown), after, limit);
}

type Delayed = { body: CampaignTask; delaySeconds?: number };

async function enqueue(env: Env, messages: Delayed[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 100) {
    await env.CAMPAIGN_QUEUE.sendBatch(
      messages
        .slice(i, i + 100)
        .map((m) => (m.delaySeconds ? { body: m.body, delaySeconds: Math.min(MAX_DELAY_S, m.delaySeconds) } : { body: m.body })),
    );
  }
}

async function runPage(env: Env, task: Extract<CampaignTask, { kind: 'page' }>): Promise<void> {
  let row = await campaignRow(env, task.campaign_id);
  if (!row || row.status === 'cancelled' || row.status === 'sent') return;
  if (row.status === 'scheduled') {
    if (row.send_at && Date.parse(row.send_at) > Date.now()) return; // early: the scheduler comes back
    await env.DB.prepare("UPDATE campaigns SET status = 'sending', started_at = ? WHERE id = ? AND status = 'scheduled'")
      .bind(iso(), row.id)
      .run();
    row = await campaignRow(env, task.campaign_id);
    if (row?.status !== 'sending') return;
  }
  const page = await members(env, row, task.after, PAGE_SIZE);
  const share = variantsOf(row)?.[0]?.share ?? null;
  const recipients = page.phones.map((phone) => ({ phone, variant: variantFor(row.id, phone, share) }));
  const pace = paceOf(row);
  const messages: Delayed[] = [];
  for (let i = 0; i < recipients.length; i += SEND_BATCH) {
    messages.push({
      body: { kind: 'send', campaign_id: row.id, recipients: recipients.slice(i, i + SEND_BATCH) },
      ...(pace > 0 ? { delaySeconds: Math.floor(i / pace) } : {}),
    });
  }
  if (page.next !== null) {
    // Paced, the next page starts when this one's last batch is due, not hours of batches ahead.
    messages.push({
      body: { kind: 'page', campaign_id: row.id, after: page.next },
      ...(pace > 0 ? { delaySeconds: Math.ceil(recipients.length / pace) } : {}),
    });
  }
  await enqueue(env, messages);
  const now = iso();
  await env.DB.batch([
    env.DB.prepare('INSERT OR IGNORE INTO campaign_pages (campaign_id, after, size) VALUES (?, ?, ?)').bind(
      row.id,
      task.after ?? '',
      recipients.length,
    ),
    env.DB.prepare('UPDATE campaigns SET page_after = ?, page_at = ?, paging_done = max(paging_done, ?) WHERE id = ?').bind(
      page.next,
      now,
      page.next === null ? 1 : 0,
      row.id,
    ),
  ]);
}

class Later extends Error {
  constructor(readonly delaySeconds: number) {
    super(`retry in ${delaySeconds} s`);
  }
}

async function runSend(
  env: Env,
  task: Extract<CampaignTask, { kind: 'send' }>,
  rows: Map<string, Promise<CampaignRow | null>>,
): Promise<void> {
  if (!rows.has(task.campaign_id)) rows.set(task.campaign_id, campaignRow(env, task.campaign_id));
  const row = await rows.get(task.campaign_id);
  if (!row || row.status === 'scheduled') return;
  if (row.status === 'cancelled') {
    // Never released: each gets "cancelled" (rev 1 never overwrites an outcome a Profile wrote).
    await writeOutcomes(
      env,
      task.recipients.map((r) => ({
        campaign_id: task.campaign_id,
        phone: r.phone,
        outcome: 'cancelled',
        reason: 'campaign cancelled',
        variant: r.variant,
        rev: 1,
      })),
    );
    return;
  }
  const paused = row.paused_until ? Date.parse(row.paused_until) - Date.now() : 0;
  if (paused > 0) throw new Later(Math.ceil(paused / 1000));
  const variantB = variantsOf(row)?.[0] ?? null;
  const content = JSON.parse(row.content) as unknown;
  const settled = await Promise.allSettled(
    task.recipients.map((r) =>
      env.PROFILE.getByName(r.phone).sendCampaign(r.phone, {
        campaign_id: row.id,
        variant: r.variant,
        content: r.variant === 'b' && variantB ? variantB.content : content,
        fallback_text: r.variant === 'b' && variantB ? variantB.fallback_text : row.fallback_text,
        cap_mode: row.cap_mode,
        caller_writes: true,
      }),
    ),
  );
  // One D1 batch for the message's recipients (a failure retries the message: each object
  // answers again from its stored outcome, and the write is made again).
  await writeOutcomes(
    env,
    settled.flatMap((s) => (s.status === 'fulfilled' ? [{ ...s.value, campaign_id: row.id }] : [])),
  );
  const slowDown = settled.some(
    (s) => s.status === 'fulfilled' && s.value.outcome === 'held' && /provider unavailable/.test(s.value.reason ?? ''),
  );
  if (slowDown) {
    await env.DB.prepare('UPDATE campaigns SET paused_until = ? WHERE id = ?')
      .bind(iso(Date.now() + BACKOFF_MS), row.id)
      .run();
    rows.delete(row.id);
  }
  const failed = settled.find((s) => s.status === 'rejected');
  // The whole message again: recipients already handled answer from their stored outcome.
  if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
}

export async function handleCampaignBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const rows = new Map<string, Promise<CampaignRow | null>>();
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = v.safeParse(CampaignTaskSchema, message.body);
      if (!parsed.success) {
        console.error('campaign queue: unreadable message dropped', message.body);
        message.ack();
        return;
      }
      try {
        if (parsed.output.kind === 'page') await runPage(env, parsed.output);
        else await runSend(env, parsed.output, rows);
        message.ack();
      } catch (err) {
        const delaySeconds = err instanceof Later ? err.delaySeconds : Math.min(300, 5 * 2 ** Math.min(6, message.attempts));
        if (!(err instanceof Later)) console.error('campaign task failed; retrying', err);
        message.retry({ delaySeconds });
      }
    }),
  );
}

/** The fan-out's dead-letter queue (wrangler.toml): where a task lands after `max_retries`. */
export const DEAD_LETTERS = 'rcs-campaign-fanout-dlq';

/**
 * Tasks the queue gave up on (every attempt failed): nothing is dropped in silence. Each
 * recipient of a send is asked for the outcome their object holds (it may have decided, and
 * only the D1 write failed); one who has none, or cannot answer, gets `failed` with the reason
 * (rev 0: an outcome their object writes later wins), so the campaign still finishes and its
 * report says who was not reached. A page is left to the scheduler's sweep, which resumes
 * stalled paging.
 */
export async function handleDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = v.safeParse(CampaignTaskSchema, message.body);
    if (parsed.success && parsed.output.kind === 'send') {
      const task = parsed.output;
      const reason = `not handed to the recipient after ${message.attempts} attempts`;
      const outcomes = await Promise.all(
        task.recipients.map(async (r) => {
          const held = await env.PROFILE.getByName(r.phone)
            .campaignOutcome(r.phone, task.campaign_id)
            .catch(() => null);
          return held ?? { phone: r.phone, outcome: 'failed' as const, reason, variant: r.variant, rev: 0 };
        }),
      );
      await writeOutcomes(
        env,
        outcomes.map((o) => ({ ...o, campaign_id: task.campaign_id })),
      );
    } else {
      console.error('campaign queue: gave up on', parsed.success ? `a page of ${parsed.output.campaign_id}` : 'an unreadable task');
    }
    message.ack();
  }
}

/**
 * The scheduler's sweep (cron, each minute): starts scheduled campaigns that are due, and
 * re-sends the current page of a sending campaign whose paging stalled (a queue send lost
 * after its row was written). Both are safe to repeat. A start is claimed in D1 first
 * (`scheduled` → `sending`, one winner), so overlapping sweeps enqueue its first page once; if
 * that enqueue is lost, the campaign is a stalled `sending` one and the next sweeps re-kick it.
 */
export async function startDue(env: Env): Promise<void> {
  const now = Date.now();
  const { results } = await env.DB.prepare(
    `SELECT id, status, page_after, page_at, started_at, pace_rcs, pace_sms FROM campaigns WHERE (status = 'scheduled' AND send_at <= ?)
       OR (status = 'sending' AND paging_done = 0 AND coalesce(page_at, started_at) < ?) LIMIT 100`,
  )
    .bind(iso(now), iso(now - STALL_MS))
    .all<Pick<CampaignRow, 'id' | 'status' | 'page_after' | 'page_at' | 'started_at' | 'pace_rcs' | 'pace_sms'>>();
  const due: typeof results = [];
  for (const r of results) {
    if (r.status === 'scheduled') {
      const claim = await env.DB.prepare("UPDATE campaigns SET status = 'sending', started_at = ? WHERE id = ? AND status = 'scheduled'")
        .bind(iso(now), r.id)
        .run();
      if (claim.meta.changes) due.push(r);
      continue;
    }
    // A paced campaign's next page is meant to wait for its batches: not a stall.
    const since = r.page_at ?? r.started_at;
    const pace = paceOf(r);
    if (since === null || pace === 0 || Date.parse(since) + (PAGE_SIZE / pace) * 1000 + STALL_MS < now) due.push(r);
  }
  if (!due.length) return;
  await enqueue(
    env,
    due.map((r) => ({ body: { kind: 'page', campaign_id: r.id, after: r.page_after } })),
  );
}
