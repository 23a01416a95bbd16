/**
 * Campaigns in D1 (migration 0010): the row, its trigger-kept counters, its recipients'
 * outcomes, and the views the API answers (schemas/campaign-view.ts). Engagement and revenue
 * come from worker/results, the one place that reads them.
 */
import {
  type Campaign,
  type CampaignCounts,
  type CampaignStatus,
  type CampaignSummary,
  type CapMode,
  emptyCounts,
  type RecipientOutcome,
  type RecipientView,
} from '../../schemas/campaign-view';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { recipientResults, sourceMetrics, type ChannelCounts } from '../results';

export interface CampaignRow extends Record<string, unknown> {
  id: string;
  name: string;
  status: CampaignStatus;
  segment_id: string | null;
  definition: string | null;
  profiles: string | null;
  content: string;
  fallback_text: string | null;
  variants: string | null;
  cap_mode: CapMode;
  audience: number;
  enqueued: number;
  paging_done: number;
  page_after: string | null;
  page_at: string | null;
  pace_rcs: number;
  pace_sms: number;
  paused_until: string | null;
  send_at: string | null;
  created_at: string;
  created_by: string;
  started_at: string | null;
  finished_at: string | null;
  cancelled_at: string | null;
  n_recipients: number;
  n_sent: number;
  n_failed: number;
  n_skipped: number;
  n_held: number;
  n_refused: number;
  n_cancelled: number;
  n_sent_rcs: number;
  n_sent_sms: number;
  n_sent_b: number;
  n_recipients_b: number;
}

export interface StoredVariant {
  content: Record<string, unknown>;
  fallback_text: string | null;
  share: number;
}

export async function campaignRow(env: Env, id: string): Promise<CampaignRow | null> {
  return env.DB.prepare('SELECT * FROM campaigns WHERE id = ?').bind(id).first<CampaignRow>();
}

export const variantsOf = (row: CampaignRow): StoredVariant[] | null =>
  row.variants ? (JSON.parse(row.variants) as StoredVariant[]) : null;

/** Messages per second the fan-out keeps to: the slower paced channel (a recipient's channel is known only at send). */
export function paceOf(row: Pick<CampaignRow, 'pace_rcs' | 'pace_sms'>): number {
  const paced = [row.pace_rcs, row.pace_sms].filter((r) => r > 0);
  return paced.length ? Math.min(...paced) : 0;
}

/**
 * When every recipient should have an outcome: paced, the audience at the pace from the start;
 * otherwise the rate seen so far. Null before the first outcome or once finished.
 */
export function expectedFinish(row: CampaignRow, now = Date.now()): string | null {
  if (row.status !== 'sending' || !row.started_at) return null;
  const started = Date.parse(row.started_at);
  const pace = paceOf(row);
  const remaining = Math.max(0, row.audience - row.n_recipients + row.n_held);
  if (pace > 0) return new Date(Math.max(now, started + (row.audience / pace) * 1000)).toISOString();
  if (row.n_recipients === 0) return null;
  const rate = (row.n_recipients - row.n_held) / Math.max(1, now - started);
  if (rate <= 0) return null;
  return new Date(now + remaining / rate).toISOString();
}

function channelCounts(c: ChannelCounts, sent: number): CampaignCounts {
  return { ...emptyCounts(), ...c, sent, recipients: sent };
}

export async function summaryOf(env: Env, row: CampaignRow): Promise<CampaignSummary> {
  const metrics = await sourceMetrics(env, row.id);
  const counts: CampaignCounts = {
    recipients: row.n_recipients,
    sent: row.n_sent,
    delivered: metrics.delivered,
    read: metrics.read,
    clicked: metrics.clicked,
    replied: metrics.replied,
    unsubscribed: metrics.unsubscribed,
    // Failed at send (our outcome) plus failed after it (the carrier's receipts).
    failed: row.n_failed + metrics.failed,
    skipped: row.n_skipped,
    held: row.n_held,
    refused: row.n_refused,
    cancelled: row.n_cancelled,
  };
  const variants = variantsOf(row);
  const share = variants?.[0]?.share ?? null;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    counts,
    by_channel: { rcs: channelCounts(metrics.by_channel.rcs, row.n_sent_rcs), sms: channelCounts(metrics.by_channel.sms, row.n_sent_sms) },
    by_variant: variants
      ? {
          a: { ...emptyCounts(), recipients: row.n_recipients - row.n_recipients_b, sent: row.n_sent - row.n_sent_b },
          b: { ...emptyCounts(), recipients: row.n_recipients_b, sent: row.n_sent_b },
        }
      : null,
    conversions: metrics.conversions,
    revenue: metrics.revenue,
    segment_id: row.segment_id,
    audience: row.audience,
    cap_mode: row.cap_mode,
    variant_b_share: share,
    pace: { rcs: row.pace_rcs, sms: row.pace_sms },
    send_at: row.send_at,
    created_at: row.created_at,
    created_by: row.created_by,
    started_at: row.started_at,
    finished_at: row.finished_at,
    cancelled_at: row.cancelled_at,
    expected_finish_at: expectedFinish(row),
    paused_until: row.paused_until && Date.parse(row.paused_until) > Date.now() ? row.paused_until : null,
  };
}

export async function campaignView(env: Env, row: CampaignRow): Promise<Campaign> {
  return {
    ...(await summaryOf(env, row)),
    content: JSON.parse(row.content) as Record<string, unknown>,
    fallback_text: row.fallback_text,
    variants: variantsOf(row),
  };
}

function cursorOf(raw: string | undefined, arity: number): (string | number)[] | null | 'invalid' {
  if (!raw) return null;
  const v = decodeCursor(raw);
  return v?.length === arity ? v : 'invalid';
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listCampaigns(
  env: Env,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: CampaignRow[]; next: string | null } | 'invalid_cursor'> {
  const at = cursorOf(cursor, 2);
  if (at === 'invalid') return 'invalid_cursor';
  const { results } = at
    ? await env.DB.prepare('SELECT * FROM campaigns WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?')
        .bind(String(at[0]), String(at[1]), limit + 1)
        .all<CampaignRow>()
    : await env.DB.prepare('SELECT * FROM campaigns ORDER BY created_at DESC, id DESC LIMIT ?')
        .bind(limit + 1)
        .all<CampaignRow>();
  const rows = results.slice(0, limit);
  const last = rows.at(-1);
  return { rows, next: results.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
}

interface RecipientRow extends Record<string, unknown> {
  phone: string;
  outcome: RecipientOutcome;
  reason: string | null;
  channel: 'rcs' | 'sms' | null;
  message_id: string | null;
  variant: 'a' | 'b';
  held_until: string | null;
  updated_at: string;
}

/** A campaign's recipients in phone order (the table's key), with their results. */
export async function recipientsPage(
  env: Env,
  id: string,
  opts: { cursor?: string; limit: number; outcome?: RecipientOutcome },
): Promise<{ recipients: RecipientView[]; next_cursor: string | null } | 'invalid_cursor'> {
  const at = cursorOf(opts.cursor, 1);
  if (at === 'invalid') return 'invalid_cursor';
  const { results } = await env.DB.prepare(
    `SELECT phone, outcome, reason, channel, message_id, variant, held_until, updated_at FROM campaign_recipients
     WHERE campaign_id = ? AND phone > ? AND (? IS NULL OR outcome = ?) ORDER BY phone LIMIT ?`,
  )
    .bind(id, at ? String(at[0]) : '', opts.outcome ?? null, opts.outcome ?? null, opts.limit + 1)
    .all<RecipientRow>();
  const rows = results.slice(0, opts.limit);
  const results2 = await recipientResults(
    env,
    id,
    rows.map((r) => r.phone),
  );
  const recipients = rows.map((r) => {
    const out: RecipientView = { phone: r.phone, outcome: r.outcome, variant: r.variant, updated_at: r.updated_at };
    if (r.reason) out.reason = r.reason;
    if (r.channel) out.channel = r.channel;
    if (r.message_id) out.message_id = r.message_id;
    if (r.held_until) out.held_until = r.held_until;
    const extra = results2.get(r.phone);
    if (extra?.clicked_at) out.clicked_at = extra.clicked_at;
    if (extra?.revenue !== undefined) out.revenue = extra.revenue;
    return out;
  });
  const last = rows.at(-1);
  return { recipients, next_cursor: results.length > opts.limit && last ? encodeCursor([last.phone]) : null };
}
